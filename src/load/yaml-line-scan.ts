/**
 * Plain values read line by line, straight from the text, for the narrowest
 * shapes a spec source is written in: block mappings and sequences of plain
 * scalars (continued on more lines or not), single- or double-quoted ones on
 * one line, literal and folded block scalars, and flow collections (JSON
 * among them).
 *
 * Why: yaml-plain-compose.ts composes values from the `yaml` package's CST,
 * and making that CST (its lexer and parser, generators yielding a token at
 * a time) was most of reading a spec's YAML: ~270 ms of a cold build's main
 * thread for the shipped spec's 0.3 MB, before the types worker can start.
 * Reading the same shapes with one pass over the characters takes a
 * fraction of that.
 *
 * This is a fast path in front of the other one. Whatever it is not sure of
 * — multi-line quoted scalars, empty lines in multi-line plain ones or any in flow collections, more-indented lines in folded
 * scalars, indentation indicators, empty values, anchors, tags, aliases, explicit keys, odd
 * indicators, documents markers, characters some readers take as line
 * breaks — makes it give up, and yaml-located.ts tries the CST path, then
 * `parseDocument`, as before. So every text it accepts is one
 * `parseDocument` accepts too, with the same values and positions
 * (test/foundation/yaml-plain-compose.test.ts holds it to that on the
 * shipped spec, the corpus and random texts).
 */
import { corePlainValue, REFUSED_KEYS, type PlainComposeLimits, type PlainComposeSink } from './yaml-plain-compose.js';

class GiveUp extends Error {}
const GIVE_UP = new GiveUp();
const giveUp = (): never => {
  throw GIVE_UP;
};

/** Characters this reader leaves to the others: controls but the newline, DEL and C1, and what YAML 1.1 readers take as line breaks. */
const LEFT_TO_OTHERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** A document marker or directive at the start of a line. */
const MARKER = /^(?:---|\.\.\.|%)/gm;
/** A document start marker alone on its line, before the value (after comments, say). */
const DOCUMENT_START = /^---\n/y;

const NL = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const DQUOTE = 34;
const SQUOTE = 39;
const COMMA = 44;
const OPEN_SQUARE = 91;
const BACKSLASH = 92;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const PIPE = 124;
const CLOSE_CURLY = 125;
const GREATER = 62;

/** `, [ ] { }`: what ends a plain scalar in a flow collection. */
function flowIndicator(c: number): boolean {
  return c === COMMA || c === OPEN_SQUARE || c === CLOSE_SQUARE || c === OPEN_CURLY || c === CLOSE_CURLY;
}

/** Double-quoted escapes of one character after the backslash. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
/** Double-quoted escapes by code point: the hex digits each takes. */
const HEX_ESCAPE_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/** Characters a plain scalar may not start with (YAML's indicators), for this reader: no exceptions for `-`, `?`, `:`. */
function indicator(c: number): boolean {
  switch (c) {
    case 45: case 63: case 58: case 44: case 91: case 93: case 123: case 125: // - ? : , [ ] { }
    case 35: case 38: case 42: case 33: case 124: case 62: case 39: case 34: // # & * ! | > ' "
    case 37: case 64: case 96: // % @ `
      return true;
    default:
      return false;
  }
}

const KEY_MAX_CHARS = 1000;

/** Whether a plain scalar may start at `p` (whose character is `c`): no indicator, but for '-' before a character that cannot end or split it. */
function plainStart(text: string, p: number, c: number): boolean {
  if (!indicator(c)) return true;
  if (c !== DASH) return false;
  const next = text.charCodeAt(p + 1);
  return !(Number.isNaN(next) || next === SPACE || next === NL || flowIndicator(next));
}

/**
 * The text's one document as plain values, or undefined when it is outside
 * the shapes this reads (the caller then tries yaml-plain-compose.ts).
 */
export function scanPlainYaml(text: string, sink: PlainComposeSink, limits: PlainComposeLimits): { value: unknown } | undefined {
  if (LEFT_TO_OTHERS.test(text)) return undefined;
  const n = text.length;
  /** The start of the line being read; everything before it is read. */
  let pos = 0;
  let nodes = 0;

  const enter = (depth: number): void => {
    if (++nodes > limits.maxNodes || depth >= limits.maxDepth) giveUp();
  };
  const lineEnd = (p: number): number => {
    const e = text.indexOf('\n', p);
    return e < 0 ? n : e;
  };
  const nextLine = (p: number): number => {
    const e = text.indexOf('\n', p);
    return e < 0 ? n : e + 1;
  };
  const indentAt = (p: number): number => {
    let i = p;
    while (text.charCodeAt(i) === SPACE) i++;
    return i - p;
  };
  /** Moves `pos` past blank lines and comment lines. */
  const skipInsignificant = (): void => {
    while (pos < n) {
      const i = pos + indentAt(pos);
      const c = text.charCodeAt(i);
      if (i >= n) {
        pos = n;
        return;
      }
      if (c !== NL && c !== HASH) return;
      pos = nextLine(i);
    }
  };
  /** After a value on its line: spaces, then the line's end or a comment after a space; moves `pos` to the next line. */
  const endOfLine = (p: number): void => {
    let i = p;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i < n && text.charCodeAt(i) !== NL) {
      if (text.charCodeAt(i) !== HASH || i === p) giveUp();
    }
    pos = nextLine(i);
  };

  /** A double-quoted scalar on one line starting at `p` (the quote); its value and the offset after the closing quote. */
  const doubleQuoted = (p: number): [string, number] => {
    let out = '';
    let i = p + 1;
    let from = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= n || c === NL) return giveUp();
      if (c === DQUOTE) break;
      if (c !== BACKSLASH) {
        i++;
        continue;
      }
      out += text.slice(from, i);
      const e = text[i + 1]!;
      let width = 2;
      const simple = SIMPLE_ESCAPES[e];
      const digits = HEX_ESCAPE_DIGITS[e];
      if (simple !== undefined) out += simple;
      else if (digits !== undefined) {
        const hex = text.slice(i + 2, i + 2 + digits);
        if (hex.length !== digits || !HEX.test(hex)) giveUp();
        const code = parseInt(hex, 16);
        if (e !== 'U') out += String.fromCharCode(code);
        else if (code > 0x10ffff) giveUp();
        else out += String.fromCodePoint(code);
        width = 2 + digits;
      } else giveUp();
      i += width;
      from = i;
    }
    return [out + text.slice(from, i), i + 1];
  };

  /** A single-quoted scalar on one line starting at `p`; its value and the offset after the closing quote. */
  const singleQuoted = (p: number): [string, number] => {
    let out = '';
    let i = p + 1;
    let from = i;
    for (;;) {
      const c = text.charCodeAt(i);
      if (i >= n || c === NL) return giveUp();
      if (c === SQUOTE) {
        if (text.charCodeAt(i + 1) !== SQUOTE) break;
        out += text.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    return [out + text.slice(from, i), i + 1];
  };

  /** A quoted scalar on one line starting at `p`, by its quote. */
  const quoted = (p: number): [string, number] => (text.charCodeAt(p) === DQUOTE ? doubleQuoted(p) : singleQuoted(p));

  /**
   * A key at `p`: its name, and the offset just after its ':' (which a
   * space or the line's end follows); undefined when the line holds no key.
   */
  const keyAt = (p: number): [string, number] | undefined => {
    const c = text.charCodeAt(p);
    let name: string;
    let colon: number;
    if (c === DQUOTE || c === SQUOTE) {
      const [v, after] = quoted(p);
      if (text.charCodeAt(after) !== COLON) return undefined;
      name = v;
      colon = after;
    } else {
      if (!plainStart(text, p, c)) return undefined;
      const end = lineEnd(p);
      colon = -1;
      for (let i = p; i < end; i++) {
        const x = text.charCodeAt(i);
        if (x === HASH && text.charCodeAt(i - 1) === SPACE) return undefined;
        if (x === COLON) {
          const after = text.charCodeAt(i + 1);
          if (i + 1 >= n || after === SPACE || after === NL) {
            colon = i;
            break;
          }
        }
      }
      if (colon < 0) return undefined;
      if (text.charCodeAt(colon - 1) === SPACE) giveUp();
      name = String(corePlainValue(text.slice(p, colon)));
    }
    if (colon - p > KEY_MAX_CHARS) giveUp();
    const after = text.charCodeAt(colon + 1);
    if (colon + 1 < n && after !== SPACE && after !== NL) giveUp();
    if (REFUSED_KEYS.has(name)) giveUp();
    return [name, colon + 1];
  };

  /** The end of a plain scalar's text on one line from `p` (before a comment and trailing spaces); whether a comment ended it. */
  const plainLine = (p: number, end: number): [stop: number, comment: boolean] => {
    let stop = end;
    let comment = false;
    for (let i = p + 1; i < end; i++) {
      const x = text.charCodeAt(i);
      if (x === HASH && text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        comment = true;
        break;
      }
      if (x === COLON && (text.charCodeAt(i + 1) === SPACE || i + 1 === end)) giveUp();
    }
    while (stop > p && text.charCodeAt(stop - 1) === SPACE) stop--;
    return [stop, comment];
  };

  /**
   * A plain scalar in block context from `p`, in a collection indented
   * `parentIndent`: its line, then the lines that continue it (indented
   * more, each joined to the last by a space); moves `pos` past them.
   */
  const plainScalar = (p: number, parentIndent: number): unknown => {
    let end = lineEnd(p);
    const [stop, comment] = plainLine(p, end);
    let value = text.slice(p, stop);
    pos = nextLine(end);
    if (!comment) {
      // A continuation starts with text that could start a plain scalar; an empty line, a comment or less indentation ends it.
      while (pos < n) {
        const ind = indentAt(pos);
        const at = pos + ind;
        const c = text.charCodeAt(at);
        if (ind <= parentIndent || at >= n || c === NL || c === HASH) break;
        if (!plainStart(text, at, c)) giveUp();
        end = lineEnd(at);
        const [more, commentAfter] = plainLine(at, end);
        value += ' ' + text.slice(at, more);
        pos = nextLine(end);
        if (commentAfter) break;
      }
    }
    return corePlainValue(value);
  };

  /**
   * A literal ('|') or folded ('>') block scalar whose header starts at
   * `p`, in a collection indented `parentIndent`; moves `pos` past it.
   */
  const blockScalar = (p: number, parentIndent: number): string => {
    const folded = text.charCodeAt(p) === GREATER;
    let i = p + 1;
    const chomp = text[i] === '-' || text[i] === '+' ? text[i++] : '';
    endOfLine(i);
    // Leading empty lines, then the first line with text sets the indentation.
    const lines: string[] = [];
    let at = pos;
    while (at < n && text.charCodeAt(at) === NL) {
      lines.push('');
      at++;
    }
    if (at >= n) giveUp();
    const indent = indentAt(at);
    const first = text.charCodeAt(at + indent);
    if (indent <= parentIndent || first === NL || at + indent >= n) giveUp();
    // Then every line indented that much or more, or empty; a line of spaces only is left to the other readers.
    let trailing = 0;
    while (at < n) {
      const end = lineEnd(at);
      if (end === at) {
        lines.push('');
        trailing++;
        at = end + 1;
        continue;
      }
      const ind = indentAt(at);
      if (at + ind === end) giveUp();
      if (ind < indent) break;
      lines.push(text.slice(at + indent, end));
      trailing = 0;
      at = nextLine(end);
    }
    // A text that ends inside a block scalar without a final newline is left to the others (readers differ on it).
    if (at >= n && text.charCodeAt(n - 1) !== NL) giveUp();
    pos = at;
    const content = lines.slice(0, lines.length - trailing);
    let body: string;
    if (!folded) body = content.join('\n');
    else {
      // Folding: a line break between two lines of text is a space, each empty line between them a newline.
      // Lines that start with a space keep their breaks, by rules this reader leaves to the others.
      body = '';
      let empties = 0;
      let started = false;
      for (const line of content) {
        if (line === '') {
          empties++;
          continue;
        }
        if (line.charCodeAt(0) === SPACE) giveUp();
        body += started && empties === 0 ? ' ' : '\n'.repeat(empties);
        body += line;
        started = true;
        empties = 0;
      }
    }
    if (chomp === '-') return body;
    return chomp === '+' ? body + '\n'.repeat(1 + trailing) : body + '\n';
  };

  /**
   * A flow collection starting at `p`, on one line or several (JSON is one),
   * in a collection indented `parentIndent` (-1 on top); its value and the
   * offset after its closing bracket. Lines inside it are indented more than
   * `parentIndent`, but for the outermost one's closing bracket, which may be
   * as indented as its key.
   */
  const flow = (p: number, depth: number, parentIndent: number, outermost = true): [unknown, number] => {
    const isMap = text.charCodeAt(p) === OPEN_CURLY;
    const close = isMap ? CLOSE_CURLY : CLOSE_SQUARE;
    const obj: Record<string, unknown> = {};
    const keys: string[] = [];
    const pairs: number[] = [];
    const arr: unknown[] = [];
    const items: number[] = [];
    let i = p + 1;
    const spaces = (): void => {
      while (text.charCodeAt(i) === SPACE) i++;
    };
    /** Spaces, line breaks and comments between tokens. */
    const gap = (): void => {
      for (;;) {
        const c = text.charCodeAt(i);
        if (c === SPACE) i++;
        else if (c === HASH) {
          const before = text.charCodeAt(i - 1);
          if (before !== SPACE && before !== NL) giveUp();
          i = lineEnd(i);
        } else if (c === NL) {
          i++;
          const ind = indentAt(i);
          const next = text.charCodeAt(i + ind);
          if (i + ind < n && next !== NL && ind <= parentIndent && !(outermost && next === close && ind === parentIndent)) giveUp();
        } else if (i >= n) giveUp();
        else return;
      }
    };
    const flowScalar = (stopAtColon: boolean): unknown => {
      const c = text.charCodeAt(i);
      if (c === DQUOTE || c === SQUOTE) {
        const [v, after] = quoted(i);
        i = after;
        return v;
      }
      if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        const [v, after] = flow(i, depth + 1, parentIndent, false);
        i = after;
        return v;
      }
      if (!plainStart(text, i, c)) giveUp();
      const start = i;
      for (;;) {
        const x = text.charCodeAt(i);
        // A plain scalar ends with its line here; one continued on the next line is left to the other readers.
        if (i >= n || x === NL) break;
        if (flowIndicator(x)) break;
        if (x === HASH && text.charCodeAt(i - 1) === SPACE) giveUp();
        if (x === COLON) {
          const after = text.charCodeAt(i + 1);
          if (after === SPACE || after === COMMA || after === CLOSE_SQUARE || after === CLOSE_CURLY) {
            if (!stopAtColon) giveUp();
            break;
          }
        }
        i++;
      }
      let end = i;
      while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
      if (end === start) giveUp();
      return corePlainValue(text.slice(start, end));
    };
    gap();
    while (text.charCodeAt(i) !== close) {
      const itemAt = i;
      if (isMap) {
        const quoted = text.charCodeAt(i) === DQUOTE || text.charCodeAt(i) === SQUOTE;
        const k = flowScalar(true);
        if (!quoted && typeof k === 'object' && k !== null) giveUp();
        const key = quoted ? (k as string) : String(k);
        if (REFUSED_KEYS.has(key) || Object.hasOwn(obj, key)) giveUp();
        if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) giveUp();
        i += 2;
        spaces();
        const valueAt = i;
        enter(depth + 1);
        obj[key] = flowScalar(false);
        keys.push(key);
        pairs.push(itemAt, valueAt);
      } else {
        enter(depth + 1);
        arr.push(flowScalar(false));
        items.push(itemAt);
      }
      gap();
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        gap();
        if (text.charCodeAt(i) === COMMA) giveUp();
      } else if (c !== close) giveUp();
    }
    if (isMap) sink.map(obj, p, keys, pairs);
    else sink.seq(arr, p, items);
    return [isMap ? obj : arr, i + 1];
  };

  /** A value that starts on its key's or dash's line at `p`, in a collection indented `parentIndent`. */
  const inlineValue = (p: number, parentIndent: number, depth: number): unknown => {
    enter(depth);
    const c = text.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      const [v, after] = quoted(p);
      endOfLine(after);
      return v;
    }
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      const [v, after] = flow(p, depth, parentIndent);
      endOfLine(after);
      return v;
    }
    if (c === PIPE || c === GREATER) return blockScalar(p, parentIndent);
    if (!plainStart(text, p, c)) giveUp();
    return plainScalar(p, parentIndent);
  };

  /** A block mapping whose first key is at column `indent` of the line at `pos`. */
  const blockMap = (indent: number, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    const keys: string[] = [];
    const pairs: number[] = [];
    const start = pos + indent;
    for (;;) {
      const keyStart = pos + indent;
      const key = keyAt(keyStart) ?? giveUp();
      const [name, afterColon] = key;
      if (Object.hasOwn(obj, name)) giveUp();
      let p = afterColon;
      while (text.charCodeAt(p) === SPACE) p++;
      let valueAt: number;
      let value: unknown;
      if (p >= n || text.charCodeAt(p) === NL || text.charCodeAt(p) === HASH) {
        // The value is a block collection on the lines below.
        pos = nextLine(p);
        skipInsignificant();
        if (pos >= n) giveUp();
        const ind = indentAt(pos);
        const dash = text.charCodeAt(pos + ind) === DASH && (text.charCodeAt(pos + ind + 1) === SPACE || text.charCodeAt(pos + ind + 1) === NL);
        if (ind < indent || (ind === indent && !dash)) giveUp();
        valueAt = pos + ind;
        value = blockNode(ind, depth + 1);
      } else {
        valueAt = p;
        value = inlineValue(p, indent, depth + 1);
      }
      obj[name] = value;
      keys.push(name);
      pairs.push(keyStart, valueAt);
      skipInsignificant();
      if (pos >= n) break;
      const ind = indentAt(pos);
      if (ind < indent) break;
      if (ind > indent) giveUp();
    }
    sink.map(obj, start, keys, pairs);
    return obj;
  };

  /** A block sequence whose first dash is at column `indent` of the line at `pos`. */
  const blockSeq = (indent: number, depth: number): unknown[] => {
    const arr: unknown[] = [];
    const items: number[] = [];
    const start = pos + indent;
    for (;;) {
      const dash = pos + indent;
      let p = dash + 1;
      if (text.charCodeAt(p) !== SPACE) giveUp();
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (p >= n || c === NL || c === HASH) giveUp();
      const column = p - pos;
      items.push(p);
      if (c === DASH && (text.charCodeAt(p + 1) === SPACE || text.charCodeAt(p + 1) === NL)) {
        enter(depth + 1);
        arr.push(blockSeq(column, depth + 1));
      } else if (keyAt(p)) {
        enter(depth + 1);
        arr.push(blockMap(column, depth + 1));
      } else arr.push(inlineValue(p, indent, depth + 1));
      skipInsignificant();
      if (pos >= n) break;
      const ind = indentAt(pos);
      if (ind > indent) giveUp();
      if (ind < indent || text.charCodeAt(pos + ind) !== DASH) break;
    }
    sink.seq(arr, start, items);
    return arr;
  };

  /** A block collection at column `indent` of the line at `pos`. */
  const blockNode = (indent: number, depth: number): unknown => {
    enter(depth);
    const at = pos + indent;
    if (text.charCodeAt(at) === DASH) return blockSeq(indent, depth);
    if (!keyAt(at)) giveUp();
    return blockMap(indent, depth);
  };

  try {
    skipInsignificant();
    DOCUMENT_START.lastIndex = pos;
    if (DOCUMENT_START.test(text)) {
      pos += 4;
      skipInsignificant();
    }
    // Any other marker, or a directive, is left to the other readers.
    MARKER.lastIndex = pos;
    if (MARKER.test(text)) return undefined;
    if (pos >= n) return undefined;
    const indent = indentAt(pos);
    const c = text.charCodeAt(pos + indent);
    let value: unknown;
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      enter(0);
      const [v, after] = flow(pos + indent, 0, -1);
      endOfLine(after);
      value = v;
    } else value = blockNode(indent, 0);
    skipInsignificant();
    if (pos < n) giveUp();
    return { value };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
