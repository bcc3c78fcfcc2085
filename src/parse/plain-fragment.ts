/**
 * Most Markdown fragments in YAML descriptions are prose: paragraphs of text
 * whose only Markdown is inline code (`room_id`), now and then an emphasised
 * term, a cross-reference with nothing but a target (`[](rpc:getEvent)`), a
 * link, or a short bulleted list. For those the mdast is known without
 * running the parser (paragraph, list, listItem, text, inlineCode, emphasis,
 * strong and link nodes, with the positions remark gives them), and building
 * it directly skips micromark: it was most of the time spent rendering
 * drafts (generators/drafts/markdown.ts) and rewriting the links of imported
 * descriptions (src/import/links.ts).
 *
 * `plainFragment` answers only when it is sure. Blocks are separated by
 * empty lines, and are:
 *  - paragraphs: lines that start with a letter, `(`, `"`, `'`, `{`,
 *    digits not followed by `.` or `)` (which could make an ordered
 *    list), a backslash escape, a single backtick, an emphasis, strong text
 *    or a link with text (below);
 *  - tight bulleted lists: items that start with `* ` or `- ` (one marker
 *    for the whole list, each item at the same indentation of at most three
 *    spaces), each item one paragraph whose further lines are indented to
 *    its text, exactly. A list may follow a paragraph line directly; it
 *    ends at an empty line, and what follows it then is no list.
 * No line has trailing whitespace, a tab or control character, anything
 * outside the Basic Multilingual Plane or an image's `![`. Text outside
 * code has no autolink literal (`www.`, `://`) and no character that
 * starts or closes a Markdown or GFM construct (`* _ ~ [ ] < > & \ | # @`)
 * but an underscore between two letters or digits (`auth_events`), a
 * backslash escape of ASCII punctuation other than `@`, and these shapes:
 *  - code: single backticks pairing up within the line, around code that
 *    neither starts nor ends with a space (a code span is taken from its
 *    opening backtick, so `<` inside it starts nothing);
 *  - emphasis: `*words*`, the opening `*` at a line's start or after a
 *    space or `(`, followed by a letter; the words letters, spaces, hyphens,
 *    commas and full stops, and line breaks before a letter, ending in a
 *    letter or a full stop; the closing `*` followed by the fragment's or a
 *    line's end, a space or one of `.,;:)`;
 *  - strong: `**words**` as emphasis, the words possibly ending in `:`;
 *  - a link with no text: `[](scheme:target)`, the target letters, digits
 *    and `._~/#:-`, after a space or `(`;
 *  - a link with text: `[text](https://host/path#x)`, at a line's start
 *    or after a space or `(`; the text plain (as outside code, without
 *    spaces at either end, possibly over several lines) or one code span;
 *    the destination a web address (`http://` or `https://`), a site path
 *    (`/rooms/v12`) or an anchor (`#pdus`), then letters, digits and
 *    `._~/#:?=+-` (characters the parser keeps as they are: no `&` that
 *    could start a character reference, no `%`).
 * Anything else returns undefined and goes to the parser. A test compares
 * it with remark's output on generated and real texts.
 */
import type { Emphasis, InlineCode, Link, List, ListItem, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';

/** How a paragraph's line may start (after a list item's marker, or its indentation, for an item's lines). */
const FIRST = /^(?:[0-9]+(?![0-9.)])|[A-Za-z\u00c0-\u024f("'{]|`[^`]|\*\*?[A-Za-z]|\[|\\[^@\sA-Za-z0-9])/;
const OUTSIDE = /^[^*_`~[\]<>&\\|@\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*$/;
/**
 * A backslash before ASCII punctuation makes that character plain text
 * (the text node holds it without the backslash, its position spans both).
 * `@` is left out: unescaped, it could make an e-mail autolink in the text
 * node, which GFM looks for after the escapes are resolved.
 */
const ESCAPED = /[!"#$%&'()*+,\-./:;<=>?[\\\]^_`{|}~]/;
const ESCAPE = new RegExp(`\\\\(${ESCAPED.source})`, 'g');
const CODE = /^[^ `\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff](?:[^`\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*[^ `\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff])?$/;
const AUTOLINK = /www\.|:\/\//i;
const INTRAWORD_UNDERSCORE = /(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])/g;
/** The words of emphasis or strong text; a line break inside them is followed by a letter. */
const WORDS = '[A-Za-z](?:(?:[A-Za-z ,.()-]|\\n(?=[A-Za-z]))*[A-Za-z.)])?';
const CLOSED = '(?=$|[\\n .,;:)])';
const EMPHASIS = new RegExp(`^\\*(${WORDS})\\*${CLOSED}`);
const STRONG = new RegExp(`^\\*\\*(${WORDS}:?)\\*\\*${CLOSED}`);
const LINK = /^\[\]\(((?:[A-Za-z][A-Za-z0-9+.-]*:|#)[A-Za-z0-9._~/#:-]+)\)/;
const TEXT_LINK = /^\[([^\]]+)\]\(((?:https?:\/\/|\/(?!\/)|#)[A-Za-z0-9._~/#:?=+-]*)\)/;
/** How a paragraph's later line may start besides FIRST (see plainLine). */
const LATER_NUMBER = /^[0-9]+[.)]/;
/** A list item's first line: indentation, marker (a bullet, or a number and its delimiter), one space, text. */
const ITEM = /^( {0,3})([*-]|[0-9]{1,9}[.)]) (?=\S)/;
/**
 * With directives (the documents' syntax), a colon before anything but white
 * space or ASCII punctuation may start a text directive (`:name`), which
 * remark-directive reads even in running text (`key:value`).
 */
const TEXT_DIRECTIVE = /:[^\s!-/:-@[-`{-~]/;

/** The syntax a fragment is read with besides GFM. */
export interface PlainSyntax {
  /** remark-directive's: a colon may start a text directive. */
  textDirectives?: boolean;
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** One line of a paragraph: its text after the indentation an item's lines have. */
interface Line {
  /** 1-based line number in the fragment. */
  number: number;
  /** Offset of the line's first character in the fragment. */
  start: number;
  /** Characters before `content` on the line (a list item's marker or indentation). */
  indent: number;
  content: string;
}

/** One inline piece of a paragraph's text (its lines' contents joined by line feeds), from `start` to `end`. */
type Token =
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'code'; value: string; start: number; end: number }
  | { kind: 'emphasis' | 'strong'; value: string; start: number; end: number }
  | { kind: 'link'; url: string; start: number; end: number; label?: { kind: 'text' | 'code'; value: string } };

/**
 * Whether a paragraph's line is this plain by itself: how it starts and ends. A later line of a paragraph may also
 * start with a number and `.` or `)`: an ordered list there interrupts the paragraph only if it starts at 1, and the
 * callers have already ended the paragraph before such a line.
 */
function plainLine(content: string, first: boolean): boolean {
  return (FIRST.test(content) || (!first && LATER_NUMBER.test(content))) && !/\s$/.test(content) && !content.includes('![');
}

/** The text of a link as one text or inline code node; undefined when it is anything else. */
function linkLabel(label: string, syntax: PlainSyntax): { kind: 'text' | 'code'; value: string } | undefined {
  if (label.startsWith('`')) {
    const value = label.slice(1, -1);
    return label.length > 2 && label.endsWith('`') && CODE.test(value) ? { kind: 'code', value } : undefined;
  }
  // `[^x]` would be a footnote call. Its lines were checked as lines (each starts plainly).
  const flat = label.replace(/\n/g, ' ');
  if (/^[ ^]| $/.test(flat) || !OUTSIDE.test(flat) || AUTOLINK.test(flat) || (syntax.textDirectives && TEXT_DIRECTIVE.test(label))) return undefined;
  return { kind: 'text', value: label };
}

/** A paragraph's text as inline tokens; undefined when it is not this simple. */
function inlineTokens(s: string, syntax: PlainSyntax): Token[] | undefined {
  const tokens: Token[] = [];
  let textFrom = 0;
  const text = (to: number): boolean => {
    if (to === textFrom) return true;
    const source = s.slice(textFrom, to);
    // Escapes are checked as a comma (plain, and neither a letter nor a digit, so no underscore beside one counts
    // as inside a word), line feeds as spaces, the rest as written; the node holds the escaped characters themselves.
    const checked = source.replace(ESCAPE, ',').replace(/\n/g, ' ');
    const value = source.includes('\\') ? source.replace(ESCAPE, '$1') : source;
    // An underscore between two letters or digits (`auth_events`) neither opens nor closes emphasis.
    if (!OUTSIDE.test(checked.replace(INTRAWORD_UNDERSCORE, 'a')) || AUTOLINK.test(value) || AUTOLINK.test(source)) return false;
    // A text ends before a backtick, `*`, `[` or the paragraph's end: a colon at its end starts no directive.
    if (syntax.textDirectives && TEXT_DIRECTIVE.test(source)) return false;
    tokens.push({ kind: 'text', value, start: textFrom, end: to });
    return true;
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\') {
      // An escape is text; a backslash before anything else (before a line break it is a hard break) goes to the parser.
      if (!ESCAPED.test(s.charAt(i + 1))) return undefined;
      i += 2;
      continue;
    }
    if (ch !== '`' && ch !== '*' && ch !== '[') {
      i++;
      continue;
    }
    if (!text(i)) return undefined;
    // A line's start counts as the fragment's.
    const before = i === 0 || s[i - 1] === '\n' ? '' : s[i - 1]!;
    // Emphasis, strong text and links open only at a line's start or after a space or `(`.
    const opens = before === '' || before === ' ' || before === '(';
    if (ch === '`') {
      const close = s.indexOf('`', i + 1);
      if (close < 0) return undefined;
      const value = s.slice(i + 1, close);
      // No line feed in code (CODE refuses it): a code span over two lines is the parser's.
      if (!CODE.test(value)) return undefined;
      tokens.push({ kind: 'code', value, start: i, end: close + 1 });
      i = close + 1;
    } else if (ch === '*') {
      const strong = opens && s[i + 1] === '*' ? STRONG.exec(s.slice(i)) : null;
      const m = strong ?? (opens ? EMPHASIS.exec(s.slice(i)) : null);
      if (!m || AUTOLINK.test(m[1]!)) return undefined;
      tokens.push({ kind: strong ? 'strong' : 'emphasis', value: m[1]!, start: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      const empty = opens ? LINK.exec(s.slice(i)) : null;
      if (empty) {
        tokens.push({ kind: 'link', url: empty[1]!, start: i, end: i + empty[0].length });
        i += empty[0].length;
      } else {
        const link = opens ? TEXT_LINK.exec(s.slice(i)) : null;
        const label = link ? linkLabel(link[1]!, syntax) : undefined;
        if (!link || !label) return undefined;
        tokens.push({ kind: 'link', url: link[2]!, start: i, end: i + link[0].length, label });
        i += link[0].length;
      }
    }
    textFrom = i;
  }
  return text(s.length) ? tokens : undefined;
}

/** A paragraph of these lines, or undefined when its text is not plain. */
function paragraph(lines: Line[], syntax: PlainSyntax): Paragraph | undefined {
  const s = lines.map((l) => l.content).join('\n');
  const tokens = inlineTokens(s, syntax);
  if (!tokens) return undefined;
  // Where each line's content starts in `s`.
  const from: number[] = [];
  let at = 0;
  for (const l of lines) {
    from.push(at);
    at += l.content.length + 1;
  }
  const lineOf = (p: number): number => {
    let k = 0;
    while (k + 1 < lines.length && from[k + 1]! <= p) k++;
    return k;
  };
  const point = (p: number): Point => {
    const k = lineOf(p);
    const l = lines[k]!;
    return { line: l.number, column: l.indent + p - from[k]! + 1, offset: l.start + l.indent + p - from[k]! };
  };
  // Text ending in a line feed ends at the next line's very start, before any indentation (as remark has it).
  const end = (p: number): Point => {
    if (p === 0 || s[p - 1] !== '\n') return point(p);
    const l = lines[lineOf(p)]!;
    return { line: l.number, column: 1, offset: l.start };
  };
  const children: PhrasingContent[] = tokens.map((t): PhrasingContent => {
    const position = { start: point(t.start), end: end(t.end) };
    if (t.kind === 'text') return { type: 'text', value: t.value, position } satisfies Text;
    if (t.kind === 'code') return { type: 'inlineCode', value: t.value, position } satisfies InlineCode;
    if (t.kind === 'link') {
      const link: Link = { type: 'link', title: null, url: t.url, children: [], position };
      if (t.label) {
        // The label sits between `[` and `](`.
        const inner = { start: point(t.start + 1), end: point(t.start + 1 + (t.label.kind === 'code' ? t.label.value.length + 2 : t.label.value.length)) };
        link.children.push(t.label.kind === 'code'
          ? { type: 'inlineCode', value: t.label.value, position: inner } satisfies InlineCode
          : { type: 'text', value: t.label.value, position: inner } satisfies Text);
      }
      return link;
    }
    const mark = t.kind === 'strong' ? 2 : 1;
    const content: Text[] = [{ type: 'text', value: t.value, position: { start: point(t.start + mark), end: point(t.end - mark) } }];
    return t.kind === 'strong' ? { type: 'strong', children: content, position } satisfies Strong : { type: 'emphasis', children: content, position } satisfies Emphasis;
  });
  return { type: 'paragraph', children, position: { start: point(0), end: point(s.length) } };
}

/**
 * The inline content of one line of a heading or a table cell: `content`
 * starts at column `indent + 1` of line `line` (1-based), whose first
 * character is at offset `start`. Undefined unless it is plain as a
 * paragraph's text is, and neither starts nor ends with white space.
 */
export function plainInline(line: number, start: number, indent: number, content: string, syntax: PlainSyntax): PhrasingContent[] | undefined {
  if (content === '' || /^\s|\s$/.test(content) || content.includes('![')) return undefined;
  return paragraph([{ number: line, start, indent, content }], syntax)?.children;
}

/** A text's lines (split at line feeds) and the offset where each starts. */
export function linesOf(text: string): { lines: string[]; starts: number[] } {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  return { lines, starts };
}

export function plainFragment(text: string): RootContent[] | undefined {
  const { lines, starts } = linesOf(text);
  return plainBlocks(lines, starts, 0, lines.length, {});
}

/** Whether this item line (ITEM matched it) can interrupt a paragraph: a bullet, or an ordered list starting at `1` (so written: not `01`). */
function interruptsParagraph(item: RegExpExecArray): boolean {
  const marker = item[2]!;
  return marker === '*' || marker === '-' || marker === '1.' || marker === '1)';
}

/**
 * Lines `first` up to `end` of a text (`lines` its lines, `starts` their
 * offsets) as paragraphs and lists, positioned in that text; undefined when
 * they are not all this plain. Empty lines separate blocks; the lines
 * around the range are the caller's (a list that ends at `end` is not
 * checked against what comes after it).
 */
export function plainBlocks(lines: readonly string[], starts: readonly number[], first: number, end: number, syntax: PlainSyntax): RootContent[] | undefined {
  const line = (i: number, indent: number): Line => ({ number: i + 1, start: starts[i]!, indent, content: lines[i]!.slice(indent) });
  const out: RootContent[] = [];
  /** Set after a list and the empty lines after it: a list there could continue it (as a loose list). */
  let listBefore = false;
  let i = first;
  while (i < end) {
    const l = lines[i]!;
    if (l === '') {
      i++;
      continue;
    }
    const item = ITEM.exec(l);
    if (item) {
      if (listBefore) return undefined;
      const list = readList(item[1]!.length, item[2]!, i);
      if (!list) return undefined;
      out.push(list.node);
      i = list.next;
      // What follows a list directly (not after an empty line) would continue its last item.
      if (i < end && lines[i] !== '') return undefined;
      listBefore = true;
      continue;
    }
    // A paragraph: its lines up to an empty line or a list item that can interrupt it.
    const block: Line[] = [];
    for (let m: RegExpExecArray | null; i < end && lines[i] !== '' && !((m = ITEM.exec(lines[i]!)) && interruptsParagraph(m)); i++) {
      if (!plainLine(lines[i]!, block.length === 0)) return undefined;
      block.push(line(i, 0));
    }
    const p = paragraph(block, syntax);
    if (!p) return undefined;
    out.push(p);
    listBefore = false;
  }
  return out.length ? out : undefined;

  /**
   * A tight list from line `from`, its items at column `indent` (0-based) with `marker`'s kind (the same bullet, or
   * numbers with the same delimiter); undefined when it is not plain. An item holds one paragraph, and may end in a
   * list of its own, its markers at the item's text, directly under its last line.
   */
  function readList(indent: number, marker: string, from: number): { node: List; next: number } | undefined {
    const ordered = marker !== '*' && marker !== '-';
    const delimiter = marker[marker.length - 1]!;
    const items: ListItem[] = [];
    let at = from;
    while (at < end) {
      const m = itemAt(at, indent);
      if (!m) break;
      const mark = m[2]!;
      if (ordered ? !/^[0-9]/.test(mark) || mark[mark.length - 1] !== delimiter : mark !== marker) break;
      // The item's text, and its further lines, start after the marker and one space.
      const inner = indent + mark.length + 1;
      const indentation = ' '.repeat(inner);
      const block: Line[] = [line(at, inner)];
      at++;
      // The item's further lines are indented to its text, exactly; a list item there that can interrupt the
      // paragraph starts the item's own list.
      let sub: RegExpExecArray | undefined;
      while (at < end && lines[at]!.startsWith(indentation) && lines[at]![inner] !== ' ') {
        sub = itemAt(at, inner);
        if (sub && interruptsParagraph(sub)) break;
        sub = undefined;
        block.push(line(at, inner));
        at++;
      }
      if (!block.every((b, k) => plainLine(b.content, k === 0))) return undefined;
      const p = paragraph(block, syntax);
      if (!p) return undefined;
      const children: (Paragraph | List)[] = [p];
      if (sub) {
        const nested = readList(inner, sub[2]!, at);
        if (!nested) return undefined;
        children.push(nested.node);
        at = nested.next;
      }
      const itemStart = { line: block[0]!.number, column: indent + 1, offset: block[0]!.start + indent };
      items.push({ type: 'listItem', spread: false, checked: null, children, position: { start: itemStart, end: children[children.length - 1]!.position!.end } });
    }
    const firstItem = items[0]!;
    const last = items[items.length - 1]!;
    return {
      node: { type: 'list', ordered, start: ordered ? Number.parseInt(marker, 10) : null, spread: false, children: items, position: { start: firstItem.position!.start, end: last.position!.end } },
      next: at,
    };
  }

  /** Line `at` as a list item whose marker is at column `indent` exactly (0-based), if it is one. */
  function itemAt(at: number, indent: number): RegExpExecArray | undefined {
    const l = lines[at]!;
    const m = l.startsWith(' '.repeat(indent)) ? ITEM.exec(l.slice(indent)) : null;
    return m && m[1] === '' ? m : undefined;
  }
}
