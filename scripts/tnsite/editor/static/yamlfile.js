// Files the editor writes are edited in place, not re-serialised: the YAML document read from
// the repository is kept, and only the values an editor changed are set in it, so comments,
// key order, flow mappings and quoting stay as the people who wrote the file left them.
import { Document, isMap, isSeq, parseDocument } from './vendor/yaml/index.js';

export const DOC_KEY = '__tnsite_doc';
const documents = new Map();
const sources = new WeakMap(); // document → the text it was read from
let nextId = 1;

export function parse(text) {
  const doc = parseDocument(text || '', { keepSourceTokens: false });
  if (doc.errors.length) {
    throw new Error(`YAML: ${doc.errors[0].message}`);
  }
  sources.set(doc, text || '');
  return doc;
}

// Remember a parsed document; the id travels with the entry's data back to `toFile`.
export function remember(doc) {
  const id = String(nextId++);
  documents.set(id, doc);
  return id;
}

export function recall(id) {
  const doc = id && documents.get(id);
  return doc ? doc.clone() : new Document();
}

const isObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

// Empty values a form leaves behind (an untouched optional field) are not written.
export function clean(value) {
  if (Array.isArray(value)) {
    return value.map(clean).filter(v => v !== undefined);
  }
  if (isObject(value)) {
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      const kept = clean(item);
      if (kept !== undefined) out[key] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  return value;
}

// Keys of a new mapping in the order the project writes them.
export function ordered(value, order) {
  if (Array.isArray(value)) return value.map(v => ordered(v, order));
  if (!isObject(value)) return value;
  const rank = key => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  const keys = Object.keys(value).sort((a, b) => rank(a) - rank(b));
  return Object.fromEntries(keys.map(k => [k, ordered(value[k], order)]));
}

// Equal values, whatever the order of their keys (the forms list keys in their own order).
const sorted = v =>
  Array.isArray(v)
    ? v.map(sorted)
    : isObject(v)
      ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sorted(v[k])]))
      : v;
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

function nodeAt(doc, path) {
  return path.length ? doc.getIn(path, true) : doc.contents;
}

// Set in `doc` what differs between `before` (the file as read) and `after` (the form).
export function apply(doc, path, before, after) {
  if (same(before, after)) return;
  const node = nodeAt(doc, path);
  if (isObject(before) && isObject(after) && isMap(node)) {
    for (const key of Object.keys(before)) {
      if (!(key in after)) doc.deleteIn([...path, key]);
    }
    for (const [key, value] of Object.entries(after)) {
      if (key in before) apply(doc, [...path, key], before[key], value);
      else doc.setIn([...path, key], value);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node)) {
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) apply(doc, [...path, i], before[i], after[i]);
    for (let i = before.length - 1; i >= after.length; i--) doc.deleteIn([...path, i]);
    if (after.length > before.length) node.flow = false;
    for (let i = before.length; i < after.length; i++) doc.addIn(path, after[i]);
    return;
  }
  if (!path.length) {
    doc.contents = doc.createNode(after);
    return;
  }
  doc.setIn(path, after);
}

// The document with `after` applied, as text; the file as it was read when nothing changed
// (a file of comments only would otherwise gain a `null`).
export function write(id, after) {
  const original = id && documents.get(id);
  const doc = recall(id);
  const before = doc.contents ? doc.toJS() : undefined;
  if (original && sources.has(original) && same(clean(before), clean(after))) {
    return sources.get(original);
  }
  apply(doc, [], before, after);
  if (isSeq(doc.contents) && doc.contents.items.length === 0) doc.contents.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
