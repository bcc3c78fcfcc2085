/**
 * Code in an Internet-Draft must fit 69 columns (72 minus the 3-column
 * indent of figures). JSON is laid out to fit by re-indenting: a value goes
 * on one line when it fits, otherwise one member per line. What still does
 * not fit (long strings) is folded with RFC 8792's single-backslash
 * strategy, which readers and tools can undo exactly.
 */

export const CODE_WIDTH = 69;

/** Lays out a JSON value so that, where possible, no line is wider than `width`. */
export function layoutJson(value: unknown, width = CODE_WIDTH): string {
  return lay(value, '', 0, width);
}

/**
 * A JSON scalar or key in ASCII: non-ASCII characters (which JSON.stringify
 * leaves only inside strings) become \uXXXX escapes, the same value in the
 * characters an Internet-Draft's code may hold (RFC 7997).
 */
function scalar(v: unknown): string {
  // Most scalars of an example are short strings of printable ASCII and numbers: they need neither
  // JSON.stringify nor a scan for non-ASCII (a 50× spec lays out ~480 000 scalars).
  if (typeof v === 'string') return PRINTABLE_UNQUOTED.test(v) ? `"${v}"` : escapedString(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return escapedString(v === undefined ? null : v);
}

/** Printable ASCII other than `"` and `\`: written as it is between quotes. */
const PRINTABLE_UNQUOTED = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function escapedString(v: unknown): string {
  return JSON.stringify(v).replace(/[^\x00-\x7F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The one-line form (a space after ":" and ",") when it is at most `limit`
 * characters long, else undefined. It stops as soon as it is too long: a
 * large value is laid out member by member, and making its whole one-line
 * form at every level first cost time in proportion to size times depth.
 */
function compactWithin(v: unknown, limit: number): string | undefined {
  if (v === null || typeof v !== 'object') {
    const s = scalar(v);
    return s.length <= limit ? s : undefined;
  }
  // Built as it goes, with room kept for the closing bracket; ", " between members.
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (i) out += ', ';
      const value = compactWithin(v[i], limit - out.length - 1);
      if (value === undefined) return undefined;
      out += value;
    }
    return out.length + 1 <= limit ? `${out}]` : undefined;
  }
  let out = '{';
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || !Object.hasOwn(v, k)) continue;
    if (out.length > 1) out += ', ';
    out += `${scalar(k)}: `;
    const value = compactWithin(x, limit - out.length - 1);
    if (value === undefined) return undefined;
    out += value;
  }
  return out.length + 1 <= limit ? `${out}}` : undefined;
}

/** `indent` is the current line's indentation, `used` the columns taken before the value on its first line, plus what must follow it (",") */
function lay(v: unknown, indent: string, used: number, width: number): string {
  // A scalar goes on its line however long it is (a long string is folded later).
  if (v === null || typeof v !== 'object') return scalar(v);
  const one = compactWithin(v, width - used);
  if (one !== undefined) return one;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    const items = v.map((x, i) => inner + lay(x, inner, inner.length + (i < v.length - 1 ? 1 : 0), width));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (!entries.length) return '{}';
  const members = entries.map(([k, x], i) => {
    const key = `${scalar(k)}: `;
    return inner + key + lay(x, inner, inner.length + key.length + (i < entries.length - 1 ? 1 : 0), width);
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** Re-lays out JSON text if any line is too wide; text that does not parse is returned unchanged. */
export function relayoutJsonText(text: string, width = CODE_WIDTH): string {
  if (text.split('\n').every((l) => l.length <= width)) return text;
  try {
    return layoutJson(JSON.parse(text), width);
  } catch {
    return text;
  }
}

export const RFC8792_HEADER_TEXT = " NOTE: '\\' line wrapping per RFC 8792 ";

function header(width: number): string {
  const fill = width - RFC8792_HEADER_TEXT.length;
  const left = Math.floor(fill / 2);
  return '='.repeat(left) + RFC8792_HEADER_TEXT + '='.repeat(fill - left);
}

export interface FoldResult {
  text: string;
  folded: boolean;
  /** 1-based numbers of lines (in the input) that are too wide and cannot be folded. */
  unfoldable: number[];
}

/**
 * RFC 8792 section 7 single-backslash folding. A line is cut before a
 * non-space character so that the continuation, whose leading spaces the
 * unfolding removes, starts with real content; lines that already end in a
 * backslash or would need a cut inside a run of spaces are left alone and
 * reported.
 */
export function foldLines(text: string, width = CODE_WIDTH): FoldResult {
  const lines = text.split('\n');
  if (lines.every((l) => l.length <= width)) return { text, folded: false, unfoldable: [] };
  const unfoldable: number[] = [];
  // A line that ends in "\" would be read as folded; the single-backslash strategy cannot carry it.
  if (lines.some((l) => l.endsWith('\\'))) {
    lines.forEach((l, i) => {
      if (l.length > width) unfoldable.push(i + 1);
    });
    return { text, folded: false, unfoldable };
  }
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.length <= width) {
      out.push(line);
      return;
    }
    const indent = /^ */.exec(line)![0];
    const contIndent = indent.length <= width / 3 ? indent : '';
    const pieces: string[] = [];
    let rest = line;
    let first = true;
    let ok = true;
    while ((first ? rest.length : contIndent.length + rest.length) > width) {
      const room = width - 1 - (first ? 0 : contIndent.length);
      // Prefer a cut just after a space so words stay whole; otherwise cut anywhere
      // that does not start the continuation with a space (unfolding strips it).
      let cut = room;
      for (let c = room; c > room - 24 && c > 1; c--) {
        if (rest[c - 1] === ' ' && rest[c] !== ' ') {
          cut = c;
          break;
        }
      }
      while (cut > 1 && rest[cut] === ' ') cut--;
      if (cut <= 1) {
        ok = false;
        break;
      }
      pieces.push((first ? '' : contIndent) + rest.slice(0, cut) + '\\');
      rest = rest.slice(cut);
      first = false;
    }
    if (!ok) {
      unfoldable.push(i + 1);
      out.push(line);
      return;
    }
    pieces.push((first ? '' : contIndent) + rest);
    out.push(...pieces);
  });
  return { text: `${header(width)}\n\n${out.join('\n')}`, folded: true, unfoldable };
}

/** Undoes single-backslash folding (used by tests to prove folding is lossless). */
export function unfoldLines(text: string): string {
  const lines = text.split('\n');
  if (!lines[0]?.includes(RFC8792_HEADER_TEXT.trim())) return text;
  const body = lines.slice(2);
  const out: string[] = [];
  let acc: string | undefined;
  for (const l of body) {
    const piece = acc === undefined ? l : l.replace(/^ +/, '');
    if (piece.endsWith('\\')) acc = (acc ?? '') + piece.slice(0, -1);
    else {
      out.push((acc ?? '') + piece);
      acc = undefined;
    }
  }
  if (acc !== undefined) out.push(acc);
  return out.join('\n');
}
