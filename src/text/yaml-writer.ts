/**
 * A YAML writer for JSON values, used for openapi.yaml and for the source
 * files `mxspec import` writes. The `yaml` library's general stringifier
 * builds a node tree and tests every scalar against its folding and quoting
 * rules, which was most of the OpenAPI generator's time (and ~50 ms of an
 * import of the v1.19 server-server API); JSON-shaped data needs only a few
 * decisions, made here once per scalar:
 *
 * - strings are plain when they cannot be read as anything but that string
 *   by a YAML 1.2 or 1.1 reader (they start with a letter, `_`, `/`, `$` or `^`, are
 *   no reserved word, and hold no `: `, ` #`, control or line-break
 *   character); multi-line strings are literal blocks (`|`, `|-`, `|+` by
 *   their trailing newlines); everything else is double-quoted with JSON's
 *   escapes (a subset of YAML's) plus `\uXXXX` for what YAML may not hold raw;
 * - mapping keys follow the same rule, so `"200"` stays a string;
 * - no anchors, aliases, tags or folding.
 *
 * Output is deterministic: key order is the value's own.
 */
import { objectMemo } from '../ir/remember.js';
import { LineBuilder, type LineSink } from './line-builder.js';
import { spaces } from './spaces.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** Words YAML 1.2 or 1.1 reads as booleans or null, and exponent-only numbers some 1.1 readers accept ("e0", "E-3"). */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~|[eE][-+]?[0-9._]+)$/i;
/** Characters a YAML stream may not carry raw (besides C0 controls), or that some readers take as line breaks. */
const NOT_RAW = /[\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/u; // in u mode the surrogate range matches lone halves only
const NOT_RAW_ALL = new RegExp(NOT_RAW.source, 'gu');
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/;

/** What keeps a string that starts well from being plain: a control, a character not carried raw, `: `, a final `:`, ` #`, final white space. */
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]|: |:$| #|\s$/u;

function isPlain(s: string): boolean {
  // The first character alone settles most strings (JSON keys and values are mostly words): letters, `_`, `/`, `$`, `^`.
  const c = s.charCodeAt(0);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 47 || c === 36 || c === 94)) return false;
  if (NOT_PLAIN.test(s)) return false;
  // Reserved words are at most five characters long, unless they are exponents (e/E first).
  return (s.length > 5 && c !== 101 && c !== 69) || !RESERVED.test(s);
}

function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(NOT_RAW_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A multi-line string as a literal block, when it can be one (else undefined). */
function literalBlock(s: string, indent: number): string | undefined {
  if (!s.includes('\n') || CONTROL.test(s) || s.includes('\r') || NOT_RAW.test(s)) return undefined;
  const lines = s.split('\n');
  const firstText = lines.find((l) => l.length > 0);
  // A block's indentation is read from its first non-empty line; one that starts with a space (or tab) would shift it.
  if (firstText === undefined || /^[ \t]/.test(firstText)) return undefined;
  let trailing = 0;
  while (trailing < lines.length - 1 && lines[lines.length - 1 - trailing] === '') trailing++;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  // Each trailing newline left an empty last element; the chomping indicator restores them, so drop one.
  const body = trailing === 0 ? lines : lines.slice(0, -1);
  const pad = spaces(indent);
  return `|${chomp}\n` + body.map((l) => (l === '' ? '' : pad + l)).join('\n');
}

function key(k: string): string {
  return isPlain(k) ? k : doubleQuoted(k);
}

function isBlock(v: Json | undefined): v is Json[] | { [key: string]: Json | undefined } {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.length > 0;
  // Without Object.values: this is asked of every value written, and an array per object was most of the writer's garbage.
  for (const k in v) if (v[k] !== undefined) return true;
  return false;
}

/** A scalar or empty collection, on the rest of its line; `indent` is where a literal block's lines go. */
function inline(v: Json, indent: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : 'null';
  if (typeof v === 'string') return isPlain(v) ? v : (literalBlock(v, indent) ?? doubleQuoted(v));
  return Array.isArray(v) ? '[]' : '{}';
}

/** Options of the writer. */
export interface EmitOptions {
  /**
   * Objects that are never changed and recur in later documents: their text
   * at a given indentation is remembered and reused (see
   * isSharedOpenApiObject in document.ts).
   */
  shared?: (value: object) => boolean;
}

/** The lines of shared objects, by indentation. */
const remembered = objectMemo<number, string[]>();

/**
 * Writes a block at `indent`. Its first line starts with `first` instead of
 * the indentation: an array item's "- " (or "- - "), which shares that line.
 */
function block(v: Json[] | { [key: string]: Json | undefined }, indent: number, first: string, out: LineSink, opts: EmitOptions): void {
  if (!opts.shared?.(v)) {
    blockLines(v, indent, first, out, opts);
    return;
  }
  const lines = remembered(v, indent, () => {
    const own: string[] = [];
    blockLines(v, indent, spaces(indent), own, opts);
    return own;
  });
  // The first line shares `first` (an array item's dash) in place of the indentation.
  out.push(first === spaces(indent) ? lines[0]! : first + lines[0]!.slice(indent));
  for (let i = 1; i < lines.length; i++) out.push(lines[i]!);
}

function blockLines(v: Json[] | { [key: string]: Json | undefined }, indent: number, first: string, out: LineSink, opts: EmitOptions): void {
  const pad = spaces(indent);
  let lead = first;
  if (Array.isArray(v)) {
    for (const raw of v) {
      const item = raw === undefined ? null : raw;
      // An item's first line shares the dash: "- key: value" / "- - value".
      if (isBlock(item)) block(item, indent + 2, `${lead}- `, out, opts);
      else out.push(`${lead}- ${inline(item, indent + 2)}`);
      lead = pad;
    }
    return;
  }
  for (const k in v) {
    const val = v[k];
    if (val === undefined) continue;
    if (isBlock(val)) {
      out.push(`${lead}${key(k)}:`);
      block(val, indent + 2, spaces(indent + 2), out, opts);
    } else out.push(`${lead}${key(k)}: ${inline(val, indent + 2)}`);
    lead = pad;
  }
}

/** The YAML text of a JSON value (what JSON.stringify would write, as YAML), ending in a newline. */
export function jsonToYaml(value: Json, opts: EmitOptions = {}): string {
  if (!isBlock(value)) return inline(value, 0) + '\n';
  const out = new LineBuilder();
  block(value, 0, '', out, opts);
  // The final newline joined in (an empty last line), not appended: appending made a second string to be copied into one.
  out.push('');
  return out.join();
}
