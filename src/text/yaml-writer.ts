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
 * A writing that also makes what a reader of its text gets back
 * (jsonToYamlAsRead): `next` is the offset at which the next line pushed
 * starts; `places` collects each collection's positions as
 * src/load/yaml-places.ts lays them out for a value that travelled
 * (children before their collection, keys in the order of the value's own
 * keys), which is the order this writer finishes them in.
 */
interface Reading {
  next: number;
  places: number[];
  nodes: number;
  limits: ReadLimits;
}

/** The bounds of src/load/yaml-plain-compose.ts: past them a reader takes its slow path, which this writer does not foresee. */
export interface ReadLimits {
  maxDepth: number;
  maxNodes: number;
  /** Keys the reader refuses with a diagnostic. */
  refusedKeys: ReadonlySet<string>;
}

/** The reader's bound on the characters from a key's start to its ':'. */
const MAX_KEY_CHARS = 1000;

class NotForeseen extends Error {}
const NOT_FORESEEN = new NotForeseen();

function push(out: LineSink, line: string, r: Reading | undefined): void {
  out.push(line);
  if (r) r.next += line.length + 1;
}

/** A collection's entry: where it starts, how many members, then their offsets (a loop: a long list would overflow a spread's arguments). */
function pushPlace(r: Reading, start: number, offsets: number[], members: number): void {
  r.places.push(start, members);
  for (const n of offsets) r.places.push(n);
}

/** Counts a value as the reader does (every value, at its depth; the top one at 0). */
function enter(r: Reading, depth: number): void {
  if (++r.nodes > r.limits.maxNodes || depth >= r.limits.maxDepth) throw NOT_FORESEEN;
}

/** What a reader gets back from a scalar or empty collection as `inline` writes it at `at`. */
function inlineAsRead(v: Json, at: number, r: Reading): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? (v === 0 ? 0 : v) : null; // JSON's text of -0 is "0"
  if (v === null || typeof v !== 'object') return v;
  const empty = Array.isArray(v) ? [] : {};
  r.places.push(at, 0);
  return empty;
}

/**
 * Writes a block at `indent`. Its first line starts with `first` instead of
 * the indentation: an array item's "- " (or "- - "), which shares that line.
 * With `r`, returns the block as a reader gets it back.
 */
function block(v: Json[] | { [key: string]: Json | undefined }, indent: number, first: string, out: LineSink, opts: EmitOptions, r?: Reading, depth = 0): unknown {
  if (r || !opts.shared?.(v)) return blockLines(v, indent, first, out, opts, r, depth);
  const lines = remembered(v, indent, () => {
    const own: string[] = [];
    blockLines(v, indent, spaces(indent), own, opts);
    return own;
  });
  // The first line shares `first` (an array item's dash) in place of the indentation.
  out.push(first === spaces(indent) ? lines[0]! : first + lines[0]!.slice(indent));
  for (let i = 1; i < lines.length; i++) out.push(lines[i]!);
  return undefined;
}

function blockLines(v: Json[] | { [key: string]: Json | undefined }, indent: number, first: string, out: LineSink, opts: EmitOptions, r?: Reading, depth = 0): unknown {
  const pad = spaces(indent);
  // A block starts where its first line's text does: its first dash or key.
  const start = r ? r.next + first.length : 0;
  let lead = first;
  if (Array.isArray(v)) {
    const read: unknown[] | undefined = r && [];
    const items: number[] | undefined = r && [];
    for (const raw of v) {
      const item = raw === undefined ? null : raw;
      // The item's text follows its dash and a space.
      const at = r ? r.next + lead.length + 2 : 0;
      if (r) enter(r, depth + 1);
      // An item's first line shares the dash: "- key: value" / "- - value".
      if (isBlock(item)) {
        // Called before the push: `read?.push(…)` would skip evaluating its argument when there is no reading.
        const got = block(item, indent + 2, `${lead}- `, out, opts, r, depth + 1);
        if (r) read!.push(got);
      } else {
        push(out, `${lead}- ${inline(item, indent + 2)}`, r);
        if (r) read!.push(inlineAsRead(item, at, r));
      }
      items?.push(at);
      lead = pad;
    }
    if (r) pushPlace(r, start, items!, items!.length);
    return read;
  }
  const read: Record<string, unknown> | undefined = r && {};
  const pairs: number[] | undefined = r && [];
  for (const k in v) {
    const val = v[k];
    if (val === undefined) continue;
    const name = key(k);
    const keyAt = r ? r.next + lead.length : 0;
    if (r) {
      if (r.limits.refusedKeys.has(k) || name.length > MAX_KEY_CHARS) throw NOT_FORESEEN;
      enter(r, depth + 1);
    }
    if (isBlock(val)) {
      push(out, `${lead}${name}:`, r);
      const valueAt = r ? r.next + indent + 2 : 0;
      const got = block(val, indent + 2, spaces(indent + 2), out, opts, r, depth + 1);
      if (r) {
        read![k] = got;
        pairs!.push(keyAt, valueAt);
      }
    } else {
      push(out, `${lead}${name}: ${inline(val, indent + 2)}`, r);
      if (r) {
        const valueAt = keyAt + name.length + 2;
        read![k] = inlineAsRead(val, valueAt, r);
        pairs!.push(keyAt, valueAt);
      }
    }
    lead = pad;
  }
  if (r) pushPlace(r, start, pairs!, pairs!.length / 2);
  return read;
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

/** A value as a reader of its YAML text gets it back, and where that reader finds each collection, key and item. */
export interface YamlAsRead {
  value: unknown;
  /** Positions laid out as src/load/yaml-places.ts's decodePlaces reads them. */
  places: number[];
}

/**
 * The text `jsonToYaml` writes, after `prefix` (comment lines, say), and
 * what src/load/yaml-located.ts makes of that text when it reads it: the
 * value (a new one, as JSON would give back: no undefined members, -0 as 0,
 * what is not finite as null) and the offset of every collection, key and
 * item in the whole text. So a process that writes a spec and then builds
 * it (`mxspec import --build`) need not read back what it wrote.
 *
 * `asRead` is left out wherever the reader would leave its fast path
 * (yaml-plain-compose.ts) and report something or read otherwise: a
 * scalar on top, past its depth or node bound, a refused or overlong key, a
 * raw tab (in a literal block) anywhere in the text. The caller then reads
 * the text as any other.
 */
export function jsonToYamlAsRead(value: Json, limits: ReadLimits, prefix = ''): { text: string; asRead?: YamlAsRead } {
  const r: Reading = { next: prefix.length, places: [], nodes: 0, limits };
  let body: string;
  let read: unknown;
  try {
    // The reader takes only a collection on top (source files are mappings).
    if (value === null || typeof value !== 'object') throw NOT_FORESEEN;
    enter(r, 0);
    if (!isBlock(value)) {
      body = inline(value, 0) + '\n';
      read = inlineAsRead(value, prefix.length, r);
    } else {
      const out = new LineBuilder();
      read = block(value, 0, '', out, {}, r, 0);
      out.push('');
      body = out.join();
    }
  } catch (e) {
    if (e !== NOT_FORESEEN) throw e;
    return { text: prefix + jsonToYaml(value) };
  }
  const text = prefix + body;
  if (text.includes('\t') || text.includes('\r')) return { text };
  return { text, asRead: { value: read, places: r.places } };
}
