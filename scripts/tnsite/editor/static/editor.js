// The project's pieces of the web editor: file formats that keep the repository's conventions,
// the menu-section and translation widgets, the page preview in the site's own stylesheet, and
// the interface language. Everything it needs to know comes from files the build generates
// (settings.json, translations.json, config.yml); nothing here lists languages or sections.
import { formats } from './formats.js';
import { parse as parseYaml } from './vendor/yaml/index.js';
import { vietnamese } from './locale-vi.js';
import { watch } from './a11y.js';

const CMS = window.CMS;
const h = window.h;
const load = async name => (await fetch(name, { cache: 'no-cache' })).json();
const [settings, view] = await Promise.all([load('settings.json'), load('translations.json')]);
const SOURCE = settings.source_language;

// The interface language: the site's choice, or the one asked for with ?lang=en (remembered).
const wanted = new URLSearchParams(window.location.search).get('lang');
if (wanted) window.localStorage.setItem('tnsite-editor-lang', wanted);
const locale = window.localStorage.getItem('tnsite-editor-lang') || settings.ui_language;
const t = (vi, en) => (locale === 'vi' ? vi : en);

// --- Formats ---------------------------------------------------------------------------------

for (const [name, format] of Object.entries(formats(settings))) {
  CMS.registerCustomFormat(name, format.extension, format);
}

// --- Page paths ------------------------------------------------------------------------------

const [SECTION_FIELD, NAME_FIELD] = settings.page_fields;
const plain = value => (value && typeof value.toJS === 'function' ? value.toJS() : value || {});
const languageOfCollection = entry => entry && settings.page_collections[entry.get('collection')];

// The page's path under every language folder ("du-lich/nui-ba-den.md").
function pagePath(entry) {
  if (!entry) return '';
  if (!entry.get('newRecord') && entry.get('slug')) return `${entry.get('slug')}.md`;
  const section = entry.getIn(['data', SECTION_FIELD]);
  const name = entry.getIn(['data', NAME_FIELD]);
  return section && name ? `${section}/${name}.md` : '';
}

// Before saving: a translation records its source page and a review state; a source-language
// page never carries a `translation` block.
CMS.registerEventListener({
  name: 'preSave',
  // Returns the entry's data (Decap sets it back on the entry).
  handler: ({ entry }) => {
    const lang = languageOfCollection(entry);
    const data = entry.get('data');
    if (!lang) return data;
    if (lang === SOURCE) return data.delete('translation');
    const current = plain(data.get('translation'));
    return data.set('translation', {
      source: pagePath(entry),
      review: current.review || 'draft',
      ...(current.source_version ? { source_version: current.source_version } : {}),
    });
  },
});

// --- Widgets ---------------------------------------------------------------------------------

// Where a new page goes: its menu section and its file name, the same in every language, so a
// translation names the page it translates. An existing page stays where it is.
const PagePathControl = window.createClass({
  isNew() {
    const entry = this.props.entry;
    return !entry || Boolean(entry.get('newRecord'));
  },
  isValid() {
    if (!this.isNew()) return true;
    const { field, value } = this.props;
    if (field.get('part') === 'section') {
      return value ? true : { error: { message: t('Hãy chọn mục của trang.', 'Choose a section.') } };
    }
    const [pattern, message] = plain(field.get('pattern'));
    return value && new RegExp(pattern).test(value) ? true : { error: { message } };
  },
  render() {
    const { entry, field, value, onChange, forID, classNameWrapper } = this.props;
    const props = { id: forID, className: `${classNameWrapper} tnsite-page-path` };
    if (!this.isNew()) {
      return field.get('part') === 'section' ? h('p', props, pagePath(entry)) : h('span', null);
    }
    if (field.get('part') === 'section') {
      const options = plain(field.get('options'));
      return h(
        'select',
        { ...props, value: value || '', onChange: event => onChange(event.target.value) },
        h('option', { value: '' }, t('— chọn —', '— choose —')),
        ...options.map(o => h('option', { key: o.value, value: o.value }, o.label)),
      );
    }
    const section = entry && entry.getIn(['data', SECTION_FIELD]);
    const known = Object.keys(view.sources).filter(p => section && p.startsWith(`${section}/`));
    return h(
      'div',
      null,
      h('input', {
        ...props,
        type: 'text',
        list: `${forID}-known`,
        value: value || '',
        onChange: event => onChange(event.target.value.trim()),
      }),
      h(
        'datalist',
        { id: `${forID}-known` },
        ...known.map(p => h('option', { key: p, value: p.split('/').pop().replace(/\.md$/, '') })),
      ),
    );
  },
});
CMS.registerWidget(settings.widgets.page_path, PagePathControl);

const KIND = { changed: t('sửa', 'changed'), added: t('thêm', 'added'), removed: t('xóa', 'removed') };

// The translation block: the source it translates, its review state, what changed in the
// source since it was made, and the button that marks it up to date (as `make mark` does).
const TranslationControl = window.createClass({
  getInitialState() {
    return { marked: '' };
  },
  update(changes) {
    this.props.onChange({ ...plain(this.props.value), ...changes });
  },
  mark() {
    const path = pagePath(this.props.entry);
    const source = view.sources[path];
    if (!source) return;
    this.update({ source_version: source.version, review: plain(this.props.value).review || 'draft' });
    if (!source.snapshot_saved && this.state.marked !== source.version) {
      const file = new File([source.snapshot], `${source.version}.json`, { type: 'application/json' });
      this.props.onPersistMedia(file, { field: this.props.field });
    }
    this.setState({ marked: source.version });
  },
  render() {
    const { field, forID, classNameWrapper } = this.props;
    const lang = languageOfCollection(this.props.entry);
    if (!lang || lang === SOURCE) {
      return h(
        'p',
        { className: classNameWrapper, id: forID },
        t('Đây là bản gốc: bản dịch ghi lại trang gốc của nó.', 'This is the source page.'),
      );
    }
    const value = plain(this.props.value);
    const path = pagePath(this.props.entry);
    const source = view.sources[path];
    const state = (view.translations[lang] || {})[path];
    const review = plain(field.get('review'));
    const recorded = value.source_version || (state && state.recorded);
    const parts = [
      h('p', { key: 'source' }, `${t('Bản gốc', 'Source')}: ${settings.docs_dir}/${SOURCE}/${path || '…'}`),
      h(
        'label',
        { key: 'review-label', htmlFor: `${forID}-review` },
        t('Tình trạng duyệt (review)', 'Review state'),
      ),
      h(
        'select',
        {
          key: 'review',
          id: `${forID}-review`,
          value: value.review || 'draft',
          onChange: event => this.update({ review: event.target.value }),
        },
        ...review.map(v => h('option', { key: v, value: v }, settings.review_labels[v] || v)),
      ),
    ];
    let status;
    if (!source) {
      status = t(
        'Trang mới: ghi nhận phiên bản bản gốc sau khi trang gốc được đăng.',
        'New page: mark it once the source page is published.',
      );
    } else if (recorded && recorded === source.version) {
      status = t('Bản dịch khớp với bản gốc hiện tại.', 'Up to date with the source.');
    } else if (state && state.changes.length && recorded === state.recorded) {
      status = t('Bản gốc đã thay đổi từ khi dịch:', 'The source changed since this translation:');
      parts.push(
        h(
          'ul',
          { key: 'changes', className: 'tnsite-changes' },
          ...state.changes.map(c =>
            h(
              'li',
              { key: `${c.kind}-${c.id}` },
              `${KIND[c.kind]} “${c.title || c.id}” (#${c.id})` +
                (c.source_line ? ` — ${t('dòng', 'line')} ${c.source_line}` : ''),
            ),
          ),
        ),
      );
    } else {
      status = t(
        'Chưa ghi phiên bản bản gốc: đối chiếu cả trang với bản gốc.',
        'No source version recorded: compare the whole page with its source.',
      );
    }
    parts.splice(3, 0, h('p', { key: 'status', role: 'status' }, status));
    if (source) {
      parts.push(
        h(
          'button',
          { key: 'mark', type: 'button', onClick: () => this.mark() },
          t('Đánh dấu bản dịch đã cập nhật theo bản gốc', 'Mark as up to date with the source'),
        ),
      );
    }
    if (this.state.marked) {
      parts.push(
        h(
          'p',
          { key: 'marked', role: 'status' },
          `${t('Đã ghi nhận phiên bản', 'Marked version')} ${this.state.marked}`,
        ),
      );
    }
    return h('div', { className: `${classNameWrapper} tnsite-translation`, id: forID }, ...parts);
  },
});
CMS.registerWidget(settings.widgets.translation, TranslationControl);

// A number typed as text: what the editor types is kept as typed (so "0.0" can become "0.05",
// and "tám nghìn" or "8,5" stays in the box for the pattern's message to explain); the file
// gets a number once the text is one. The field's pattern says which text is acceptable (a
// number, an integer, or also the id of a key figure); min and max are checked here.
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;
const NumberControl = window.createClass({
  getInitialState() {
    return { typed: null };
  },
  shown() {
    const { value } = this.props;
    const { typed } = this.state;
    const current = value === undefined || value === null ? '' : String(value);
    const same = typed !== null && NUMBER.test(typed.trim()) && Number(typed) === value;
    return typed !== null && (typed.trim() === current || same) ? typed : current;
  },
  isValid() {
    const { field, value } = this.props;
    if (typeof value !== 'number') return true; // text: the field's pattern explains
    const [min, max] = [field.get('min'), field.get('max')];
    const low = typeof min === 'number' && value < min;
    const high = typeof max === 'number' && value > max;
    if (!low && !high) return true;
    const label = field.get('label', field.get('name'));
    const range = [
      typeof min === 'number' ? `${t('ít nhất', 'at least')} ${min}` : '',
      typeof max === 'number' ? `${t('nhiều nhất', 'at most')} ${max}` : '',
    ].filter(Boolean);
    return { error: { message: `${label}: ${t('cần', 'must be')} ${range.join(', ')}.` } };
  },
  render() {
    const { onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    return h('input', {
      type: 'text',
      inputMode: 'decimal',
      id: forID,
      className: classNameWrapper,
      value: this.shown(),
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
      onChange: event => {
        const typed = event.target.value;
        this.setState({ typed });
        onChange(NUMBER.test(typed.trim()) ? Number(typed.trim()) : typed.trim());
      },
    });
  },
});
CMS.registerWidget(settings.widgets.number, NumberControl);

// --- Preview ---------------------------------------------------------------------------------

for (const href of settings.preview_styles) CMS.registerPreviewStyle(href);

// The page as visitors will see it, in the site's stylesheet; a translation is shown beside its
// source page, so the translator reads the Vietnamese while writing.
const PagePreview = window.createClass({
  render() {
    const { entry, widgetFor } = this.props;
    const lang = languageOfCollection(entry) || SOURCE;
    const article = (key, language, title, content) =>
      h(
        'article',
        { key, className: 'md-content__inner md-typeset', lang: language },
        h('h1', null, title),
        content,
      );
    const own = article('own', lang, entry.getIn(['data', 'title']) || '', widgetFor('body'));
    if (lang === SOURCE) return h('div', { className: 'md-container' }, own);
    const source = view.sources[pagePath(entry)];
    const original = source
      ? article('source', SOURCE, source.title, h('pre', { className: 'tnsite-source-text' }, source.body))
      : h('p', { key: 'source' }, t('Chưa có bản gốc đã đăng.', 'No published source page.'));
    return h('div', { className: 'md-container tnsite-side-by-side' }, original, own);
  },
});
for (const name of Object.keys(settings.page_collections)) {
  CMS.registerPreviewTemplate(name, PagePreview);
}

// --- Start -----------------------------------------------------------------------------------

document.documentElement.lang = locale;
CMS.registerLocale('vi', vietnamese(CMS.getLocale('vi')));
// The configuration is read here rather than by the CMS, which would ignore config.yml when a
// host serves it without a YAML content type.
const config = parseYaml(await (await fetch('config.yml', { cache: 'no-cache' })).text());
CMS.init({ config: { ...config, locale, load_config_file: false } });
watch(document.body, t);
