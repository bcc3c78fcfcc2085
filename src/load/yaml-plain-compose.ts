/**
 * Plain values straight from the `yaml` package's CST, for the shapes a spec
 * source is written in: block mappings and sequences, flow collections on
 * one line, plain, quoted and block scalars, comments.
 *
 * Why: `parseDocument` builds a tree of YAML nodes (Pair, Scalar, YAMLMap…)
 * that yaml-located.ts then walks once more to make plain values; composing
 * from the CST skips that middle tree. This is a fast path only. Whatever it
 * is not sure of — anchors, aliases, tags, explicit keys, empty values,
 * multi-line flow collections, tabs, duplicate or refused keys, anything the
 * parser marked as an error — makes it give up, and the caller reads the
 * text with `parseDocument`, which reports the errors. So every text it
 * accepts is one `parseDocument` accepts too, with the same values and the
 * same positions (test/foundation/yaml-plain-compose.test.ts holds it to
 * that on the shipped spec and on random texts).
 */
import { CST, Parser } from 'yaml';

type Token = CST.Token;
type SourceToken = CST.SourceToken;

/** The positions yaml-located.ts keeps, by offset into the text. */
export interface PlainComposeSink {
  /** `pairs`: each key's offset and its value's, in the order of `keys`. */
  map(obj: Record<string, unknown>, start: number, keys: string[], pairs: number[]): void;
  seq(arr: unknown[], start: number, items: number[]): void;
}

export interface PlainComposeLimits {
  maxDepth: number;
  maxNodes: number;
}

/** Keys yaml-located.ts refuses with a diagnostic (they could reach Object.prototype): left to the slow path, which reports them. */
export const REFUSED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** parseDocument wants a block mapping's ':' at most 1024 characters after the start of its key; stay clear of the edge. */
const MAX_KEY_CHARS = 1000;

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();
const giveUp = (): never => {
  throw GIVE_UP;
};

/**
 * The value of a plain scalar under the YAML 1.2 core schema, tried in the
 * order the `yaml` package tries its core tags: null, bool, octal, decimal
 * and hexadecimal integers, then the floats.
 */
export function corePlainValue(s: string): unknown {
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  const c = s.charCodeAt(0);
  // Only these can start anything but a string: digits, signs, '.', t/T/f/F.
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 43 && c !== 45 && c !== 46 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return s;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}

/**
 * The text's one document as plain values, or undefined when the text is
 * outside the shapes this reads (the caller then uses `parseDocument`).
 * `onNewLine` is handed to the parser, as a LineCounter's addNewLine is.
 */
export function composePlainYaml(
  text: string,
  sink: PlainComposeSink,
  limits: PlainComposeLimits,
  onNewLine?: (offset: number) => void,
): { value: unknown } | undefined {
  // Tabs play a part in several of the slow path's indentation rules; texts with any are left to it.
  if (text.includes('\t') || text.includes('\r')) return undefined;
  let nodes = 0;

  /** A comment must follow white space or start its line; checked on the text, which holds in every context. */
  const commentSpaced = (t: SourceToken): void => {
    const before = t.offset === 0 ? '\n' : text[t.offset - 1];
    if (before !== ' ' && before !== '\n') giveUp();
  };

  /** Space, newlines and comments, with at most one `indicator`; returns the indicator and whether a newline came after it. */
  const props = (tokens: SourceToken[], indicator?: SourceToken['type']): { found?: SourceToken; newlineAfter: boolean } => {
    let found: SourceToken | undefined;
    let newlineAfter = false;
    for (const t of tokens) {
      switch (t.type) {
        case 'space':
          break;
        case 'newline':
          if (found) newlineAfter = true;
          break;
        case 'comment':
          commentSpaced(t);
          break;
        default:
          if (t.type !== indicator || found) giveUp();
          found = t;
      }
    }
    return { found, newlineAfter };
  };

  /** What may follow a node: space, newlines, comments (props without an indicator). */
  const trailing = (tokens: SourceToken[] | undefined): void => void props(tokens ?? []);

  const scalarText = (t: Token): string => {
    const r = CST.resolveAsScalar(t as CST.FlowScalar | CST.BlockScalar, true, giveUp);
    if (!r) giveUp();
    return r!.value;
  };

  const scalar = (t: Token): unknown => {
    switch (t.type) {
      case 'scalar':
        trailing(t.end);
        return corePlainValue(scalarText(t));
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        trailing(t.end);
        return scalarText(t);
      case 'block-scalar':
        for (const p of t.props) {
          if (p.type === 'comment') commentSpaced(p as SourceToken);
          else if (p.type !== 'block-scalar-header' && p.type !== 'newline' && p.type !== 'space') giveUp();
        }
        return scalarText(t);
      default:
        return giveUp();
    }
  };

  /** A key: a scalar on one line, nothing after it, not refused. */
  const keyOf = (t: Token | null | undefined): string => {
    if (!t || (t.type !== 'scalar' && t.type !== 'single-quoted-scalar' && t.type !== 'double-quoted-scalar')) return giveUp();
    if (t.end?.length || t.source.includes('\n')) giveUp();
    const key = String(t.type === 'scalar' ? corePlainValue(scalarText(t)) : scalarText(t));
    if (REFUSED_KEYS.has(key)) giveUp();
    return key;
  };

  const value = (t: Token, depth: number): unknown => {
    if (++nodes > limits.maxNodes || depth >= limits.maxDepth) giveUp();
    switch (t.type) {
      case 'block-map':
        return blockMap(t, depth);
      case 'block-seq':
        return blockSeq(t, depth);
      case 'flow-collection':
        return flow(t, depth);
      default:
        return scalar(t);
    }
  };

  const blockMap = (bm: CST.BlockMap, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    const keys: string[] = [];
    const pairs: number[] = [];
    for (const item of bm.items) {
      if (item.explicitKey) giveUp();
      props(item.start);
      if (!item.sep) {
        // Comment lines between entries.
        if (item.key !== undefined || item.value !== undefined) giveUp();
        continue;
      }
      const k = item.key;
      if (!k || !('indent' in k) || k.indent !== bm.indent) return giveUp();
      const key = keyOf(k);
      if (Object.hasOwn(obj, key)) giveUp();
      const sep = props(item.sep, 'map-value-ind');
      const v = item.value;
      if (!sep.found || !v) return giveUp();
      // A block collection as a value must start on a line of its own.
      if ((v.type === 'block-map' || v.type === 'block-seq') && !sep.newlineAfter) giveUp();
      if (sep.found.offset - k.offset > MAX_KEY_CHARS) giveUp();
      obj[key] = value(v, depth + 1);
      keys.push(key);
      pairs.push(k.offset, v.offset);
    }
    sink.map(obj, bm.offset, keys, pairs);
    return obj;
  };

  const blockSeq = (bs: CST.BlockSequence, depth: number): unknown[] => {
    const arr: unknown[] = [];
    const items: number[] = [];
    for (const item of bs.items) {
      const { found } = props(item.start, 'seq-item-ind');
      if (!found) {
        if (item.value !== undefined) giveUp();
        continue;
      }
      if (found.indent !== bs.indent || !item.value) giveUp();
      arr.push(value(item.value!, depth + 1));
      items.push(item.value!.offset);
    }
    sink.seq(arr, bs.offset, items);
    return arr;
  };

  /** `[…]` and `{…}`, on one line or several (JSON is one), with no empty items and no pairs in sequences. */
  const flow = (fc: CST.FlowCollection, depth: number): unknown => {
    const isMap = fc.start.source === '{';
    if (!isMap && fc.start.source !== '[') giveUp();
    const close = fc.end[0];
    if (!close || close.type !== (isMap ? 'flow-map-end' : 'flow-seq-end')) giveUp();
    trailing(fc.end.slice(1));
    const obj: Record<string, unknown> = {};
    const keys: string[] = [];
    const pairs: number[] = [];
    const arr: unknown[] = [];
    const items: number[] = [];
    fc.items.forEach((item, i) => {
      let commas = 0;
      for (const t of item.start) {
        if (t.type === 'comma') commas++;
        else if (t.type === 'comment') commentSpaced(t);
        else if (t.type !== 'space' && t.type !== 'newline') giveUp();
      }
      if (!item.value && item.key === undefined && item.sep === undefined && i === fc.items.length - 1 && commas <= (i === 0 ? 0 : 1)) {
        return; // white space or a trailing comma before the closing bracket
      }
      if (commas !== (i === 0 ? 0 : 1) || !item.value) giveUp();
      const v = item.value!;
      if (v.type === 'block-map' || v.type === 'block-seq' || v.type === 'block-scalar') giveUp();
      if (isMap) {
        // key, space, ':' on the key's line, then only space, newlines and comments.
        const sep = item.sep ?? giveUp();
        let colon = 0;
        while (sep[colon]?.type === 'space') colon++;
        if (sep[colon]?.type !== 'map-value-ind') giveUp();
        trailing(sep.slice(colon + 1));
        const key = keyOf(item.key);
        if (Object.hasOwn(obj, key)) giveUp();
        obj[key] = value(v, depth + 1);
        keys.push(key);
        pairs.push(item.key!.offset, v.offset);
      } else {
        if (item.key !== undefined || item.sep !== undefined) giveUp();
        arr.push(value(v, depth + 1));
        items.push(v.offset);
      }
    });
    if (isMap) sink.map(obj, fc.offset, keys, pairs);
    else sink.seq(arr, fc.offset, items);
    return isMap ? obj : arr;
  };

  /** Before the value: comments, and `---` only when the value starts on a later line. */
  const documentStart = (tokens: SourceToken[]): void => {
    let marker = false;
    for (const t of tokens) {
      if (t.type === 'doc-start' && !marker) marker = true;
      else if (t.type === 'newline') marker = false;
      else if (t.type === 'comment') commentSpaced(t);
      else if (t.type !== 'space') giveUp();
    }
    if (marker) giveUp();
  };

  try {
    let doc: CST.Document | undefined;
    // Every token is read before any value is made, so the line counter has seen the whole text either way.
    for (const t of new Parser(onNewLine).parse(text)) {
      if (t.type === 'document' && !doc) doc = t;
      else if (t.type === 'comment') commentSpaced(t);
      else if (t.type !== 'newline' && t.type !== 'space') giveUp();
    }
    const root = doc?.value;
    if (!root || (root.type !== 'block-map' && root.type !== 'block-seq' && root.type !== 'flow-collection')) return undefined;
    documentStart(doc!.start);
    trailing(doc!.end);
    return { value: value(root, 0) };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
