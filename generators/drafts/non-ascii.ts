/**
 * Non-ASCII text in a draft, handled the way RFC 7997 allows: in prose a
 * run of non-ASCII characters is marked with <u>, which xml2rfc renders
 * with the code points beside the characters; in JSON code the characters
 * are written as \uXXXX escapes, which denote the same JSON value. What
 * neither can reach (titles, section names, anchors, <dt>, link text,
 * other code) is left alone, so the MX7010 check still reports it.
 */
import { el, isElement, type XElement, type XNode } from './xml.js';

/**
 * <u> is written without a format attribute, so the grammar's default
 * "lit-name-num" applies: xml2rfc shows the characters, their Unicode
 * names and code points. (A format attribute would also be valid RFC XML,
 * but idnits 3 mistakes the attribute for the deprecated <format> element
 * and warns.)
 */

/** Elements whose content model in the v3 grammar (v3.rnc) admits <u>. */
export const U_PARENTS = new Set(['t', 'li', 'dd', 'td', 'th', 'blockquote', 'preamble', 'annotation']);

/** Phrase elements that cannot hold <u> but can be split around one (their text stays formatted, the marked run does not). */
const SPLITTABLE = new Set(['em', 'strong', 'tt', 'sub', 'sup']);

const NON_ASCII = /[^\x00-\x7F]/;
/** A run of non-ASCII characters, spaces between them included, so a foreign phrase is one <u>. */
const NON_ASCII_RUN = /[^\x00-\x7F]+(?: +[^\x00-\x7F]+)*/g;

export function hasNonAscii(s: string): boolean {
  return NON_ASCII.test(s);
}

/** "a é b" -> ["a ", <u>é</u>, " b"]. */
function splitText(s: string): XNode[] {
  if (!hasNonAscii(s)) return [s];
  const out: XNode[] = [];
  let last = 0;
  for (const m of s.matchAll(NON_ASCII_RUN)) {
    if (m.index! > last) out.push(s.slice(last, m.index));
    out.push(el('u', {}, [m[0]]));
    last = m.index! + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

function isU(n: XNode): boolean {
  return isElement(n) && n.name === 'u';
}

/** A child of a <u> parent, with its non-ASCII runs lifted out as <u> siblings where the grammar allows. */
function lift(n: XNode): XNode[] {
  if (typeof n === 'string') return splitText(n);
  if (!SPLITTABLE.has(n.name)) return [n];
  const parts = n.children.flatMap(lift);
  if (!parts.some(isU)) return [n];
  const out: XNode[] = [];
  let run: XNode[] = [];
  const close = (): void => {
    if (run.length) out.push(el(n.name, n.attrs, run, n.loc));
    run = [];
  };
  for (const p of parts) {
    if (isU(p)) {
      close();
      out.push(p);
    } else run.push(p);
  }
  close();
  return out;
}

/** Whether `lift` would change this child: it holds non-ASCII text that can be lifted. */
function liftable(n: XNode): boolean {
  return typeof n === 'string' ? hasNonAscii(n) : SPLITTABLE.has(n.name) && n.children.some(liftable);
}

/** Marks non-ASCII prose in the whole tree with <u> (in place). */
export function markNonAscii(root: XElement): void {
  if (root.name === 'u' || root.name === 'sourcecode' || root.name === 'artwork') return;
  // Most paragraphs are ASCII: their children are left as they are rather than copied through `lift`.
  if (U_PARENTS.has(root.name) && root.children.some(liftable)) root.children = root.children.flatMap(lift);
  for (const c of root.children) if (isElement(c)) markNonAscii(c);
}

/**
 * JSON text with every non-ASCII character written as a \uXXXX escape
 * (UTF-16 code units, so astral characters become surrogate pairs). Only
 * for text that parses: there every non-ASCII character is inside a string,
 * where the escape denotes the same character. Returns undefined when the
 * text does not parse (the caller leaves it, and MX7010 reports it).
 */
export function escapeJsonNonAscii(text: string): string | undefined {
  if (!hasNonAscii(text)) return text;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code > 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}
