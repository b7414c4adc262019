// The project's pieces of the web editor: file formats that keep the repository's conventions,
// the menu-section and translation widgets, the page preview in the site's own stylesheet, and
// the interface language. Everything it needs to know comes from files the build generates
// (settings.json, translations.json, config.yml); nothing here lists languages or sections.
import { DOC_KEY, clean, ordered, parse, remember, write } from './yamlfile.js';
import { parse as parseYaml } from './vendor/yaml/index.js';

const CMS = window.CMS;
const h = window.h;
const load = async name => (await fetch(name, { cache: 'no-cache' })).json();
const [settings, view] = await Promise.all([load('settings.json'), load('translations.json')]);
const SOURCE = settings.source_language;
const KEY_ORDER = settings.key_order;

// --- Formats ---------------------------------------------------------------------------------

// Front matter the way MkDocs reads it: `---`, YAML, `---`, then the Markdown body.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*\n/;

CMS.registerCustomFormat(settings.formats.page, 'md', {
  fromFile(text) {
    const match = FRONT_MATTER.exec(text || '');
    if (!match) return { body: text || '' };
    const doc = parse(match[1] || '');
    const data = (doc.contents && doc.toJS()) || {};
    const body = text.slice(match[0].length).replace(/^\n/, '');
    return { ...data, body, [DOC_KEY]: remember(doc) };
  },
  toFile(data) {
    const { body = '', [DOC_KEY]: id, ...rest } = data;
    const front = Object.fromEntries(
      Object.entries(rest).filter(([key]) => !settings.page_fields.includes(key)),
    );
    const kept = ordered(clean(front) || {}, KEY_ORDER);
    const yaml = write(id, kept);
    return `---\n${yaml}---\n\n${String(body).replace(/\s+$/, '')}\n`;
  },
});

CMS.registerCustomFormat(settings.formats.data, 'yml', {
  fromFile(text) {
    const doc = parse(text);
    return { ...((doc.contents && doc.toJS()) || {}), [DOC_KEY]: remember(doc) };
  },
  toFile(data) {
    const { [DOC_KEY]: id, ...rest } = data;
    return write(id, ordered(clean(rest) || {}, KEY_ORDER));
  },
});

// A file whose top level is a list (i18n/pending.yml), shown as the form's `entries` list.
CMS.registerCustomFormat(settings.formats.list, 'yml', {
  fromFile(text) {
    const doc = parse(text);
    const items = (doc.contents && doc.toJS()) || [];
    return { entries: Array.isArray(items) ? items : [], [DOC_KEY]: remember(doc) };
  },
  toFile(data) {
    const entries = (clean(data.entries || []) || []).map(e => ordered(e, KEY_ORDER));
    return write(data[DOC_KEY], entries);
  },
});

// The photo manifest maps each file name to its description; the form edits a list of photos
// whose `file` is the uploaded image.
const basename = path => String(path || '').split('/').pop();
CMS.registerCustomFormat(settings.formats.manifest, 'yml', {
  fromFile(text) {
    const doc = parse(text);
    const map = (doc.contents && doc.toJS()) || {};
    const photos = Object.entries(map).map(([file, entry]) => ({
      file: `/${settings.photos_folder}/${file}`,
      ...(entry || {}),
    }));
    return { photos, [DOC_KEY]: remember(doc) };
  },
  toFile(data) {
    const map = {};
    for (const photo of data.photos || []) {
      const { file, ...entry } = photo;
      if (!file) continue;
      map[basename(file)] = ordered(clean(entry) || {}, settings.photo_keys);
    }
    return write(data[DOC_KEY], map);
  },
});

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

const t = (vi, en) => (settings.ui_language === 'vi' ? vi : en);

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
    const locale = languageOfCollection(this.props.entry);
    if (!locale || locale === SOURCE) {
      return h(
        'p',
        { className: classNameWrapper, id: forID },
        t('Đây là bản gốc: bản dịch ghi lại trang gốc của nó.', 'This is the source page.'),
      );
    }
    const value = plain(this.props.value);
    const path = pagePath(this.props.entry);
    const source = view.sources[path];
    const state = (view.translations[locale] || {})[path];
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

// A number, or the id of a key figure (fdi-series, visitors-series).
const NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;
const NumberOrIdControl = window.createClass({
  render() {
    const { value, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } =
      this.props;
    return h('input', {
      type: 'text',
      id: forID,
      className: classNameWrapper,
      value: value === undefined || value === null ? '' : String(value),
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
      onChange: event => {
        const typed = event.target.value.trim();
        onChange(NUMBER.test(typed) ? Number(typed) : typed);
      },
    });
  },
});
CMS.registerWidget(settings.widgets.number_or_id, NumberOrIdControl);

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

const wanted = new URLSearchParams(window.location.search).get('lang');
if (wanted) window.localStorage.setItem('tnsite-editor-lang', wanted);
const locale = window.localStorage.getItem('tnsite-editor-lang') || settings.ui_language;
document.documentElement.lang = locale;
// The configuration is read here rather than by the CMS, which would ignore config.yml when a
// host serves it without a YAML content type.
const config = parseYaml(await (await fetch('config.yml', { cache: 'no-cache' })).text());
CMS.init({ config: { ...config, locale, load_config_file: false } });
