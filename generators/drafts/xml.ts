/**
 * A tiny XML tree for RFC XML v3 output. Drafts are built as trees (not
 * strings) so the draft checks can walk what will actually be written, and
 * so that every piece of spec text is escaped in exactly one place.
 */
import type { SourceLocation } from '../../src/ir/types.js';
import { LineBuilder } from '../../src/text/line-builder.js';
import { spaces } from '../../src/text/spaces.js';

export interface XElement {
  name: string;
  attrs: Record<string, string | undefined>;
  children: XNode[];
  /** Where the content came from in spec/, for located diagnostics. */
  loc?: SourceLocation;
}
export type XNode = XElement | string;

/**
 * What an element without attributes holds: one object for all of them (at
 * 50× a draft has ~150 000 elements, most without attributes). Frozen, so
 * that setting an attribute on one of them fails loudly rather than giving
 * it to every other.
 */
const NO_ATTRS: Record<string, string | undefined> = Object.freeze({});

/** Builds an element; undefined attributes are dropped, attribute order is the order given. */
export function el(name: string, attrs?: Record<string, string | number | boolean | undefined>, children: XNode[] = [], loc?: SourceLocation): XElement {
  let a = NO_ATTRS;
  for (const k in attrs) {
    const v = attrs[k];
    if (v === undefined) continue;
    if (a === NO_ATTRS) a = {};
    a[k] = typeof v === 'string' ? v : String(v);
  }
  // `loc` always present, undefined or not: elements of one shape keep the walks over them monomorphic.
  return { name, attrs: a, children, loc };
}

export function isElement(n: XNode | undefined): n is XElement {
  return typeof n === 'object' && n !== null;
}

// Most text has nothing to escape: one scan decides, rather than a scan per character replaced.
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"\n\t]/;

export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s;
  // ">" is escaped too so that "]]>" in spec text can never end a section of markup.
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  if (!ATTR_SPECIAL.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Elements whose content is laid out on separate, indented lines when all their children are elements. */
const LAYOUT = new Set([
  'rfc', 'front', 'middle', 'back', 'section', 'references', 'reference', 'author', 'address', 'postal', 'abstract', 'note',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'figure', 'blockquote', 'aside',
]);
/** Phrase-level elements: a parent holding them keeps its content on one line. */
const INLINE = new Set(['tt', 'em', 'strong', 'xref', 'eref', 'bcp14', 'br', 'sub', 'sup', 'u', 'cref', 'iref', 'relref']);
/** Elements whose text is literal: never re-indented. */
const VERBATIM = new Set(['sourcecode', 'artwork']);

function attrString(e: XElement): string {
  let out = '';
  for (const k in e.attrs) {
    const v = e.attrs[k];
    if (v !== undefined) out += ` ${k}="${escapeAttr(v)}"`;
  }
  return out;
}

function inline(n: XNode): string {
  if (typeof n === 'string') return escapeText(n);
  if (!n.children.length) return `<${n.name}${attrString(n)}/>`;
  return `<${n.name}${attrString(n)}>${n.children.map(inline).join('')}</${n.name}>`;
}

function serialize(e: XElement, depth: number, out: LineBuilder): void {
  const indent = spaces(2 * depth);
  const open = `<${e.name}${attrString(e)}`;
  if (!e.children.length) {
    out.push(`${indent}${open}/>`);
    return;
  }
  if (VERBATIM.has(e.name)) {
    const text = e.children.map((c) => (typeof c === 'string' ? c : '')).join('');
    out.push(`${indent}${open}>\n${escapeText(text)}\n</${e.name}>`);
    return;
  }
  const blockLayout = LAYOUT.has(e.name) && e.children.every((c) => isElement(c) && !INLINE.has(c.name));
  if (!blockLayout) {
    out.push(`${indent}${open}>${e.children.map(inline).join('')}</${e.name}>`);
    return;
  }
  out.push(`${indent}${open}>`);
  for (const c of e.children) serialize(c as XElement, depth + 1, out);
  out.push(`${indent}</${e.name}>`);
}

export function toXmlDocument(root: XElement): string {
  const out = new LineBuilder();
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  serialize(root, 0, out);
  // The final newline joined in (an empty last line): appended, it made a second copy of the whole text.
  out.push('');
  return out.join();
}

/** All text below an element. */
export function textOf(n: XNode): string {
  return typeof n === 'string' ? n : n.children.map(textOf).join('');
}
