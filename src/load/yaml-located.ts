/**
 * YAML to plain JSON values, remembering where every mapping, key and item
 * came from. Only the YAML 1.2 core schema is accepted: custom tags are
 * refused (they never construct objects), aliases are expanded under a node
 * budget (alias bombs stop early) and nesting depth is bounded.
 */
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Document } from 'yaml';
import type { SourceLocation } from '../ir/types.js';
import { composePlainYaml, REFUSED_KEYS, type PlainComposeSink } from './yaml-plain-compose.js';
import { scanPlainYaml } from './yaml-line-scan.js';
import { decodePlaces, memberOffset, pushMap, pushSeq, type Place } from './yaml-places.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';

export const MAX_YAML_NODES = 200_000;
export const MAX_DEPTH = 64;

/** The bounds of the fast paths (and the keys they refuse), also for a writer that foresees their reading (jsonToYamlAsRead in src/text/yaml-writer.ts). */
export const PLAIN_READ_LIMITS = { maxDepth: MAX_DEPTH, maxNodes: MAX_YAML_NODES, refusedKeys: REFUSED_KEYS } as const;

/** The line of an offset, with line starts found only when a location is first asked for (most values never need one). */
function linesOnDemand(text: string): Pick<LineCounter, 'linePos'> {
  let counter: LineCounter | undefined;
  return {
    linePos(offset: number) {
      if (!counter) {
        // What yaml's Parser reports to a LineCounter: the text's start and the start of every later line.
        counter = new LineCounter();
        counter.addNewLine(0);
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) counter.addNewLine(nl + 1);
      }
      return counter.linePos(offset);
    },
  };
}

/** A collection's entry in its file's positions (yaml-places.ts), and the file. */
interface OwnedPlace extends Place {
  owner: LocatedYaml;
}

/**
 * Which file each mapping and sequence of every parsed file came from, and
 * where its positions begin in that file's list: one table for all files
 * (one entry per value made).
 */
const PLACES = new WeakMap<object, OwnedPlace>();

export class LocatedYaml {
  /** Read by the plain path (composeFast): no anchors, aliases or tags, so every value sits where its text is. */
  composedPlain = false;

  constructor(
    readonly file: string,
    public value: unknown,
    private readonly lines: Pick<LineCounter, 'linePos'>,
    /** This file's positions, laid out as yaml-places.ts says; the collections' Places point into it. */
    private readonly offsets: number[] | Int32Array = [],
  ) {}

  /**
   * A value read elsewhere (yaml-offload.ts): its JSON text and the flat
   * positions of yaml-places.ts.
   */
  static fromJson(file: string, text: string, json: string, places: Int32Array): LocatedYaml {
    // The worker reads only what the plain path can (yaml-worker.ts).
    return LocatedYaml.fromValue(file, text, JSON.parse(json), places);
  }

  /**
   * A value whose reading of `text` is already known, with its positions
   * laid out as yaml-places.ts's decodePlaces reads them: a value read in a
   * worker (fromJson), or one this process wrote the text of
   * (jsonToYamlAsRead in src/text/yaml-writer.ts). Both come only from
   * texts the plain path reads. Line starts are found only when a location
   * is asked for (most values never need one).
   */
  static fromValue(file: string, text: string, value: unknown, places: number[] | Int32Array): LocatedYaml {
    const located = new LocatedYaml(file, value, linesOnDemand(text), places);
    decodePlaces(value, places, (obj, at, keys) => PLACES.set(obj, { owner: located, at, keys }));
    located.composedPlain = true;
    return located;
  }

  private readonly aliases = new WeakMap<object, { resolve: (key: string) => { obj: object; key: string }; self: object }>();

  /**
   * Records where a mapping read here sits (`pairs`: each key's offset and its value's, in the order of `keys`).
   * Only a text read in this thread records places, so its list is a growing number[]; a value read elsewhere
   * arrives with its list (fromJson) and never records.
   */
  placeMap(obj: object, start: number, keys: readonly string[], pairs: readonly number[]): void {
    PLACES.set(obj, { owner: this, at: pushMap(this.offsets as number[], start, pairs), keys });
  }

  /** Records where a sequence read here sits, and each of its items. */
  placeSeq(arr: unknown[], start: number, items: readonly number[]): void {
    PLACES.set(arr, { owner: this, at: pushSeq(this.offsets as number[], start, items) });
  }

  private placeOf(obj: object): OwnedPlace | undefined {
    const p = PLACES.get(obj);
    return p?.owner === this ? p : undefined;
  }

  /** Makes a synthetic object (a merged variant) report the positions of the objects it was built from. */
  alias(obj: object, resolve: (key: string) => { obj: object; key: string }, self: object): void {
    this.aliases.set(obj, { resolve, self });
  }

  at(offset: number): SourceLocation {
    const p = this.lines.linePos(offset);
    return { file: this.file, line: p.line, column: p.col };
  }

  /** Location of a mapping or sequence value. */
  locOf(obj: unknown): SourceLocation {
    if (obj && typeof obj === 'object') {
      const a = this.aliases.get(obj);
      if (a) return this.locOf(a.self);
      const p = this.placeOf(obj);
      if (p) return this.at(this.offsets[p.at]!);
    }
    return { file: this.file, line: 1, column: 1 };
  }

  /** Location of a key in a mapping (or of an item in a sequence). */
  keyLoc(obj: unknown, key: string | number): SourceLocation {
    if (obj && typeof obj === 'object') {
      const a = this.aliases.get(obj);
      if (a) {
        const r = a.resolve(String(key));
        return this.keyLoc(r.obj, r.key);
      }
      const p = this.placeOf(obj);
      const at = p && memberOffset(this.offsets, p, key, false);
      if (at !== undefined) return this.at(at);
    }
    return this.locOf(obj);
  }

  /** Location of the value under a key. */
  valueLoc(obj: unknown, key: string | number): SourceLocation {
    if (obj && typeof obj === 'object') {
      const a = this.aliases.get(obj);
      if (a) {
        const r = a.resolve(String(key));
        return this.valueLoc(r.obj, r.key);
      }
      const p = this.placeOf(obj);
      const at = p && memberOffset(this.offsets, p, key, true);
      if (at !== undefined) return this.at(at);
    }
    return this.locOf(obj);
  }

  /** Location of a JSON pointer path (as ajv reports it: /a/0/b). */
  pointerLoc(pointer: string, asKey = false, from: unknown = this.value): SourceLocation {
    const parts = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur: unknown = from;
    let parent: unknown = undefined;
    let last: string | number | undefined;
    for (const part of parts) {
      if (cur === null || typeof cur !== 'object') break;
      parent = cur;
      last = Array.isArray(cur) ? Number(part) : part;
      cur = (cur as Record<string, unknown>)[part];
    }
    if (parent !== undefined && last !== undefined) {
      return asKey ? this.keyLoc(parent, last) : this.valueLoc(parent, last);
    }
    return this.locOf(from);
  }
}

/** The YAML 1.2 core schema's own tags; anything else (!!js/function, !!python/object, !custom) is refused. */
const ALLOWED_TAGS = new Set(['!', 'tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

/**
 * Where a value inside a parsed YAML value sits, for values that travelled
 * into the IR as plain data (examples): `pointer` is relative to `root`.
 */
export function locateInValue(root: unknown, pointer: string): SourceLocation | undefined {
  if (!root || typeof root !== 'object') return undefined;
  return PLACES.get(root)?.owner.pointerLoc(pointer, false, root);
}

/** Offset of the first `[` or `{` nested deeper than `limit` (a rough scan: quotes and comments are not tracked). */
function firstFlowOpenerPastDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' || ch === '{') {
      if (++depth > limit) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return undefined;
}

function placesInto(located: LocatedYaml): PlainComposeSink {
  return {
    map: (obj, start, keys, pairs) => located.placeMap(obj, start, keys, pairs),
    seq: (arr, start, items) => located.placeSeq(arr, start, items),
  };
}

/** The narrowest shapes, read line by line (yaml-line-scan.ts); undefined where that reader gives up. */
export function composeByLines(file: string, text: string): LocatedYaml | undefined {
  const located = new LocatedYaml(file, undefined, linesOnDemand(text));
  const read = scanPlainYaml(text, placesInto(located), PLAIN_READ_LIMITS);
  if (!read) return undefined;
  located.value = read.value;
  located.composedPlain = true;
  return located;
}

/** The common shapes, read from yaml's CST (yaml-plain-compose.ts); undefined where that reader gives up. */
export function composeFromCst(file: string, text: string): LocatedYaml | undefined {
  const lines = new LineCounter();
  const located = new LocatedYaml(file, undefined, lines);
  const composed = composePlainYaml(text, placesInto(located), PLAIN_READ_LIMITS, lines.addNewLine);
  if (!composed) return undefined;
  located.value = composed.value;
  located.composedPlain = true;
  return located;
}

/**
 * The common shapes, read without yaml's document tree: line by line where
 * the text keeps to the narrowest of them, else from yaml's CST; undefined
 * leaves the text to parseWithDocument.
 */
export function composeFast(file: string, text: string): LocatedYaml | undefined {
  return composeByLines(file, text) ?? composeFromCst(file, text);
}

class Budget {
  nodes = 0;
}

class StopConversion extends Error {}

export function parseLocatedYaml(file: string, text: string, diags: DiagnosticBag): LocatedYaml | undefined {
  return composeFast(file, text) ?? parseWithDocument(file, text, diags);
}

/**
 * Any text, through yaml's `parseDocument`: the path that reports every
 * error. Exported for the tests that hold the fast path to it.
 */
export function parseWithDocument(file: string, text: string, diags: DiagnosticBag): LocatedYaml | undefined {
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      schema: 'core',
      customTags: [],
      merge: false,
      keepSourceTokens: false,
    });
  } catch (e) {
    diags.add('MX1007', `YAML cannot be parsed (${(e as Error).message.split('\n')[0]}); simplify the file`, { file, line: 1, column: 1 });
    return undefined;
  }
  const atOffset = (offset: number): SourceLocation => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length) {
    for (const err of doc.errors) {
      // RESOURCE_EXHAUSTION is the yaml library running out of stack on deep
      // flow nesting ([[[[…): that is a nesting problem, not a syntax error.
      const code = err.code === 'DUPLICATE_KEY' ? 'MX1011' : err.code === 'RESOURCE_EXHAUSTION' ? 'MX1007' : 'MX1002';
      const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      // The library suggests an API call; authors need to know what to change.
      if (err.code === 'MULTIPLE_DOCS') {
        diags.add(code, 'a source file holds one YAML document; remove the second "---" or split the file', atOffset(err.pos[0]));
        continue;
      }
      const shown = code === 'MX1011' ? `${msg}; each key may appear once` : code === 'MX1007' ? `nesting is too deep to read (${msg}); flatten the structure or use named schemas` : msg;
      // The library's own position is wherever the stack ran out (it varies with
      // the stack size); report the first opener past MAX_DEPTH instead, so the
      // location is stable. Only reached for text the library already rejected.
      const at = code === 'MX1007' ? (firstFlowOpenerPastDepth(text, MAX_DEPTH) ?? err.pos[0]) : err.pos[0];
      diags.add(code, shown, atOffset(at));
    }
    return undefined;
  }
  const located = new LocatedYaml(file, undefined, lines);
  const budget = new Budget();
  let failed = false;

  // The outermost alias being expanded: where an alias bomb is reported.
  let outerAlias: YamlNode | undefined;
  const convert = (node: YamlNode | null | undefined, depth: number, viaAlias: number): unknown => {
    if (node === null || node === undefined) return null;
    if (++budget.nodes > MAX_YAML_NODES) {
      diags.add('MX1006', `more than ${MAX_YAML_NODES} values after expanding aliases; remove the alias chain`, atOffset((outerAlias ?? node).range?.[0] ?? 0));
      throw new StopConversion();
    }
    if (depth > MAX_DEPTH) {
      diags.add('MX1007', `nesting deeper than ${MAX_DEPTH} levels; flatten the structure or use named schemas`, atOffset(node.range?.[0] ?? 0));
      throw new StopConversion();
    }
    if (node.tag && !ALLOWED_TAGS.has(node.tag)) {
      // The node's range starts after its tag; point at the tag itself.
      const at = node.range?.[0] ?? 0;
      let tagAt = text.lastIndexOf('!', at);
      while (tagAt > 0 && text[tagAt - 1] === '!') tagAt--;
      const lineStart = text.lastIndexOf('\n', at - 1);
      const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
      diags.add('MX1009', `YAML tag ${shown} is not allowed; only plain YAML values are accepted`, atOffset(tagAt > lineStart ? tagAt : at));
      throw new StopConversion();
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return null;
      if (viaAlias > 16) {
        diags.add('MX1006', 'aliases nested more than 16 deep; remove the alias chain', atOffset(node.range?.[0] ?? 0));
        throw new StopConversion();
      }
      if (viaAlias === 0) outerAlias = node;
      const v = convert(target as YamlNode, depth, viaAlias + 1);
      if (viaAlias === 0) outerAlias = undefined;
      return v;
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const keys: string[] = [];
      const pairs: number[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        let key: string;
        if (isScalar(keyNode)) key = String(keyNode.value);
        else {
          diags.add('MX1002', 'mapping keys must be plain scalars', atOffset((keyNode as YamlNode | null)?.range?.[0] ?? 0));
          throw new StopConversion();
        }
        if (REFUSED_KEYS.has(key)) {
          diags.add('MX1105', `key "${key}" is not allowed`, atOffset(keyNode.range?.[0] ?? 0));
          throw new StopConversion();
        }
        const valueNode = pair.value as YamlNode | null;
        const value = convert(valueNode, depth + 1, viaAlias);
        // A plain assignment is safe: "__proto__", the one key with a setter on Object.prototype, was refused above.
        const keyAt = keyNode.range?.[0] ?? 0;
        // YAML tells 1 and "1" (or true and "true") apart, but a key is read as its text: one of them would be lost.
        if (Object.hasOwn(obj, key)) {
          diags.add('MX1011', `key "${key}" is written twice in this mapping (keys are read as text, so 1 and "1" are one key); each key may appear once`, atOffset(keyAt));
          throw new StopConversion();
        }
        obj[key] = value;
        keys.push(key);
        pairs.push(keyAt, valueNode?.range?.[0] ?? keyAt);
      }
      located.placeMap(obj, node.range?.[0] ?? 0, keys, pairs);
      return obj;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      const start = node.range?.[0] ?? 0;
      const items: number[] = [];
      for (const item of node.items) {
        arr.push(convert(item as YamlNode, depth + 1, viaAlias));
        items.push((item as YamlNode | null)?.range?.[0] ?? start);
      }
      located.placeSeq(arr, start, items);
      return arr;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'bigint') return Number(v);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      return v;
    }
    return null;
  };

  let value: unknown;
  try {
    value = convert(doc.contents as YamlNode, 0, 0);
  } catch (e) {
    if (e instanceof StopConversion) failed = true;
    else if (e instanceof RangeError) {
      diags.add('MX1007', 'structure is nested too deeply to read; flatten it', { file, line: 1, column: 1 });
      failed = true;
    } else throw e;
  }
  if (failed) return undefined;
  located.value = value;
  return located;
}
