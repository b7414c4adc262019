// Names for the controls Decap CMS 3.16 draws without one, so that a screen reader (and axe,
// tests/editor/test_editor_accessibility.py) can tell them apart:
// - each record of a list has an icon-only "open/close" and "remove" button and a drag handle:
//   they are named after the record's summary ("Mở bản ghi area — Diện tích tự nhiên");
// - the Markdown editor of a page body is a `role=textbox` without a label: it takes its field's;
// - the preview frame gets a title, and a dialog (the media library) its heading as its name;
// - a field the form refused is marked invalid and described by its messages, so that the
//   reason is read out with the field, not only shown above it.
// The CMS leaves attributes it does not render alone, so names set here stay; they are set again
// whenever the form changes (a record's summary follows what is typed in it).

const SUMMARY_SELECTOR = '[aria-roledescription="sortable"]';

function text(el) {
  return (el && el.textContent ? el.textContent : '').replace(/\s+/g, ' ').trim();
}

function setAttr(el, name, value) {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

// The label of the form field `el` belongs to (the nearest field container with a <label for>).
function fieldLabel(el) {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const label = node.querySelector(':scope > div > label[for]');
    if (label) return label.firstChild ? text(label.firstChild) || text(label) : text(label);
  }
  return '';
}

function nameListItems(root, t) {
  for (const handle of root.querySelectorAll(SUMMARY_SELECTOR)) {
    const bar = handle.parentElement;
    const summaryEl = bar && bar.nextElementSibling;
    if (!bar || !summaryEl) continue;
    const summary = text(summaryEl) || t('bản ghi mới', 'new record');
    const collapsed = getComputedStyle(summaryEl).display !== 'none';
    const [toggle, remove] = [bar.firstElementChild, bar.lastElementChild];
    if (toggle && toggle.tagName === 'BUTTON') {
      setAttr(toggle, 'aria-label', `${collapsed ? t('Mở', 'Open') : t('Thu gọn', 'Close')}: ${summary}`);
      setAttr(toggle, 'aria-expanded', String(!collapsed));
    }
    if (remove && remove !== toggle && remove.tagName === 'BUTTON') {
      setAttr(remove, 'aria-label', `${t('Xóa', 'Remove')}: ${summary}`);
    }
    setAttr(handle, 'aria-label', `${t('Kéo để đổi thứ tự', 'Drag to reorder')}: ${summary}`);
  }
}

function nameTextboxes(root) {
  for (const box of root.querySelectorAll('[role="textbox"]:not([aria-label]):not([aria-labelledby])')) {
    const name = fieldLabel(box);
    if (name) box.setAttribute('aria-label', name);
  }
}

function nameFrames(root, t) {
  for (const frame of root.querySelectorAll('iframe:not([title])')) {
    frame.setAttribute('title', t('Xem trước', 'Preview'));
  }
}

// A dialog (the media library) is named after its first heading.
function nameDialogs(root, t) {
  for (const dialog of root.querySelectorAll('[role="dialog"]:not([aria-labelledby])')) {
    const heading = dialog.querySelector('h1, h2, h3');
    setAttr(dialog, 'aria-label', text(heading) || t('Hộp thoại', 'Dialog'));
  }
}

function describeErrors(root) {
  for (const label of root.querySelectorAll('label[for]')) {
    const control = document.getElementById(label.htmlFor);
    if (!control) continue;
    const list = label.parentElement.querySelector(':scope > ul');
    const id = `${label.htmlFor}-errors`;
    if (list && text(list)) {
      setAttr(list, 'id', id);
      setAttr(control, 'aria-describedby', id);
      setAttr(control, 'aria-invalid', 'true');
    } else if (control.getAttribute('aria-describedby') === id) {
      control.removeAttribute('aria-describedby');
      control.removeAttribute('aria-invalid');
    }
  }
}

export function nameControls(root, t) {
  nameListItems(root, t);
  nameTextboxes(root);
  nameFrames(root, t);
  nameDialogs(root, t);
  describeErrors(root);
}

// Name the controls now and after every change of the page (at most once per frame).
export function watch(root, t) {
  let pending = false;
  const run = () => {
    pending = false;
    nameControls(root, t);
  };
  const observer = new MutationObserver(() => {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(run);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributeFilter: ['class'], // a record opened or closed changes the class of its summary
  });
  run();
  return observer;
}
