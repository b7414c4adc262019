// The file formats of the editor's collections: how a file of the repository becomes a form's
// values and back, keeping the repository's conventions. Pure functions of the build's
// settings.json, so that tests/editor/test_formats.py runs them in Node on every file of the
// project; editor.js registers them with the CMS.
import { DOC_KEY, clean, ordered, parse, remember, write } from './yamlfile.js';

// Front matter the way MkDocs reads it: `---`, YAML, `---`, then the Markdown body.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*\n/;

const basename = path => String(path || '').split('/').pop();

export function formats(settings) {
  const KEY_ORDER = settings.key_order;
  return {
    // A page: its front matter as form fields, the Markdown after it as `body`. The file is
    // written `---`, front matter, `---`, one empty line, the body and one line end.
    [settings.formats.page]: {
      extension: 'md',
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
        const yaml = write(id, ordered(clean(front) || {}, KEY_ORDER));
        return `---\n${yaml}---\n\n${String(body).replace(/\s+$/, '')}\n`;
      },
    },

    // A dataset (data/*.yml): its top-level mapping as the form.
    [settings.formats.data]: {
      extension: 'yml',
      fromFile(text) {
        const doc = parse(text);
        return { ...((doc.contents && doc.toJS()) || {}), [DOC_KEY]: remember(doc) };
      },
      toFile(data) {
        const { [DOC_KEY]: id, ...rest } = data;
        return write(id, ordered(clean(rest) || {}, KEY_ORDER));
      },
    },

    // A file whose top level is a list (i18n/pending.yml), shown as the form's `entries` list.
    [settings.formats.list]: {
      extension: 'yml',
      fromFile(text) {
        const doc = parse(text);
        const items = (doc.contents && doc.toJS()) || [];
        return { entries: Array.isArray(items) ? items : [], [DOC_KEY]: remember(doc) };
      },
      toFile(data) {
        const entries = (clean(data.entries || []) || []).map(e => ordered(e, KEY_ORDER));
        return write(data[DOC_KEY], entries);
      },
    },

    // The photo manifest maps each file name to its description; the form edits a list of
    // photos whose `file` is the uploaded image.
    [settings.formats.manifest]: {
      extension: 'yml',
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
        return write(data[DOC_KEY], Object.keys(map).length ? map : undefined);
      },
    },
  };
}
