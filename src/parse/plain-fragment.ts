/**
 * Most Markdown fragments in YAML descriptions are prose: paragraphs of text
 * whose only Markdown is inline code (`room_id`), now and then an emphasised
 * term, a cross-reference with nothing but a target (`[](rpc:getEvent)`) or
 * a link. For those the mdast is known without running the parser (one
 * paragraph per block of lines, made of text, inlineCode, emphasis, strong
 * and link nodes, with the positions remark gives them), and building it
 * directly skips micromark: it was most of the time spent rendering drafts
 * (generators/drafts/markdown.ts) and rewriting the links of imported
 * descriptions (src/import/links.ts).
 *
 * `plainFragment` answers only when it is sure. Every line starts with a
 * letter, `(`, a single backtick, an emphasis, strong text or a link with
 * text (below), has no trailing
 * whitespace, no tab or control character and nothing outside the Basic
 * Multilingual Plane. Its text (outside code) has no autolink literal
 * (`www.`, `://`) and no character that starts or closes a Markdown or GFM
 * construct (`* _ ~ [ ] < > & \ | # @ !`) but an underscore between two
 * letters or digits (`auth_events`) and in these shapes:
 *  - code: single backticks pairing up within the line, around code that
 *    neither starts nor ends with a space (a code span is taken from its
 *    opening backtick, so `<` inside it starts nothing);
 *  - emphasis: `*words*` within the line, the opening `*` at the line's
 *    start or after a space or `(`, followed by a letter; the words letters,
 *    spaces and hyphens, ending in a letter; the closing `*` followed by the
 *    line's end, a space or one of `.,;:)`;
 *  - strong: `**words**` as emphasis, the words possibly ending in `:`;
 *  - a link with no text: `[](scheme:target)`, the target letters, digits
 *    and `._~/#:-`, after a space or `(`;
 *  - a link with text: `[text](https://host/path#x)`, at the line's start
 *    or after a space or `(`; the text plain (as outside code, without
 *    spaces at either end) or one code span; the destination a web address
 *    (`http://` or `https://`), a site path (`/rooms/v12`) or an anchor
 *    (`#pdus`), then letters, digits and `._~/#:?=+-` (characters the
 *    parser keeps as they are: no `&` that could start a character
 *    reference, no `%`).
 * Blocks are separated by empty lines. Anything else returns undefined and
 * goes to the parser. A test compares it with remark's output on generated
 * and real texts.
 */
import type { Emphasis, InlineCode, Link, Paragraph, PhrasingContent, RootContent, Strong, Text } from 'mdast';

const FIRST = /^(?:[A-Za-z\u00c0-\u024f(]|`[^`]|\*\*?[A-Za-z]|\[)/;
const OUTSIDE = /^[^*_`~[\]<>&\\|#@!\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*$/;
const CODE = /^[^ `\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff](?:[^`\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*[^ `\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff])?$/;
const AUTOLINK = /www\.|:\/\//i;
const INTRAWORD_UNDERSCORE = /(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])/g;
const EMPHASIS = /^\*([A-Za-z](?:[A-Za-z -]*[A-Za-z])?)\*(?=$|[ .,;:)])/;
const STRONG = /^\*\*([A-Za-z](?:[A-Za-z -]*[A-Za-z])?:?)\*\*(?=$|[ .,;:)])/;
const LINK = /^\[\]\(([A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9._~/#:-]+)\)/;
const TEXT_LINK = /^\[([^\]]+)\]\(((?:https?:\/\/|\/(?!\/)|#)[A-Za-z0-9._~/#:?=+-]*)\)/;

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** One inline piece of a line, from column `start` (0-based) to `end`. */
type Token =
  | { kind: 'text'; value: string; start: number; end: number }
  | { kind: 'code'; value: string; start: number; end: number }
  | { kind: 'emphasis' | 'strong'; value: string; start: number; end: number }
  | { kind: 'link'; url: string; start: number; end: number; label?: { kind: 'text' | 'code'; value: string } };

/** The text of a link as one text or inline code node; undefined when it is anything else. */
function linkLabel(label: string): { kind: 'text' | 'code'; value: string } | undefined {
  if (label.startsWith('`')) {
    const value = label.slice(1, -1);
    return label.length > 2 && label.endsWith('`') && CODE.test(value) ? { kind: 'code', value } : undefined;
  }
  // `[^x]` would be a footnote call.
  if (/^[ ^]| $/.test(label) || !OUTSIDE.test(label) || AUTOLINK.test(label)) return undefined;
  return { kind: 'text', value: label };
}

/** A line as inline tokens; undefined when the line is not this simple. */
function lineTokens(l: string): Token[] | undefined {
  if (!FIRST.test(l) || /\s$/.test(l)) return undefined;
  const tokens: Token[] = [];
  let textFrom = 0;
  const text = (to: number): boolean => {
    if (to === textFrom) return true;
    const value = l.slice(textFrom, to);
    // An underscore between two letters or digits (`auth_events`) neither opens nor closes emphasis.
    if (!OUTSIDE.test(value.replace(INTRAWORD_UNDERSCORE, 'a')) || AUTOLINK.test(value)) return false;
    tokens.push({ kind: 'text', value, start: textFrom, end: to });
    return true;
  };
  let i = 0;
  while (i < l.length) {
    const ch = l[i];
    if (ch !== '`' && ch !== '*' && ch !== '[') {
      i++;
      continue;
    }
    if (!text(i)) return undefined;
    const before = i === 0 ? '' : l[i - 1]!;
    // Emphasis, strong text and links open only at the line's start or after a space or `(`.
    const opens = before === '' || before === ' ' || before === '(';
    if (ch === '`') {
      const close = l.indexOf('`', i + 1);
      if (close < 0) return undefined;
      const value = l.slice(i + 1, close);
      if (!CODE.test(value)) return undefined;
      tokens.push({ kind: 'code', value, start: i, end: close + 1 });
      i = close + 1;
    } else if (ch === '*') {
      const strong = opens && l[i + 1] === '*' ? STRONG.exec(l.slice(i)) : null;
      const m = strong ?? (opens ? EMPHASIS.exec(l.slice(i)) : null);
      if (!m) return undefined;
      tokens.push({ kind: strong ? 'strong' : 'emphasis', value: m[1]!, start: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      const empty = opens && before !== '' ? LINK.exec(l.slice(i)) : null;
      if (empty) {
        tokens.push({ kind: 'link', url: empty[1]!, start: i, end: i + empty[0].length });
        i += empty[0].length;
      } else {
        const link = opens ? TEXT_LINK.exec(l.slice(i)) : null;
        const label = link ? linkLabel(link[1]!) : undefined;
        if (!link || !label) return undefined;
        tokens.push({ kind: 'link', url: link[2]!, start: i, end: i + link[0].length, label });
        i += link[0].length;
      }
    }
    textFrom = i;
  }
  return text(l.length) ? tokens : undefined;
}

interface Line {
  text: string;
  tokens: Token[];
  /** 1-based line number and offset of its first character in the fragment. */
  number: number;
  offset: number;
}

function paragraph(lines: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  let text: { value: string; start: Point; end: Point } | undefined;
  const point = (l: Line, column: number): Point => ({ line: l.number, column: column + 1, offset: l.offset + column });
  const flush = (): void => {
    if (text) children.push({ type: 'text', value: text.value, position: { start: text.start, end: text.end } } satisfies Text);
    text = undefined;
  };
  const addText = (value: string, start: Point, end: Point): void => {
    if (text) {
      text.value += value;
      text.end = end;
    } else text = { value, start, end };
  };
  lines.forEach((l, li) => {
    // A line ending belongs to a text node: the one the line before ended in, or a new one from that line's end.
    if (li > 0) addText('\n', point(lines[li - 1]!, lines[li - 1]!.text.length), point(l, 0));
    for (const t of l.tokens) {
      if (t.kind === 'text') {
        addText(t.value, text ? text.start : point(l, t.start), point(l, t.end));
        continue;
      }
      flush();
      const position = { start: point(l, t.start), end: point(l, t.end) };
      if (t.kind === 'code') children.push({ type: 'inlineCode', value: t.value, position } satisfies InlineCode);
      else if (t.kind === 'link') {
        const link: Link = { type: 'link', title: null, url: t.url, children: [], position };
        if (t.label) {
          // The label sits between `[` and `](`.
          const inner = { start: point(l, t.start + 1), end: point(l, t.start + 1 + (t.label.kind === 'code' ? t.label.value.length + 2 : t.label.value.length)) };
          link.children.push(t.label.kind === 'code'
            ? { type: 'inlineCode', value: t.label.value, position: inner } satisfies InlineCode
            : { type: 'text', value: t.label.value, position: inner } satisfies Text);
        }
        children.push(link);
      } else {
        const mark = t.kind === 'strong' ? 2 : 1;
        const inner = { start: point(l, t.start + mark), end: point(l, t.end - mark) };
        const content: Text[] = [{ type: 'text', value: t.value, position: inner }];
        children.push(t.kind === 'strong' ? { type: 'strong', children: content, position } satisfies Strong : { type: 'emphasis', children: content, position } satisfies Emphasis);
      }
    }
  });
  flush();
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return { type: 'paragraph', children, position: { start: point(first, 0), end: point(last, last.text.length) } };
}

export function plainFragment(text: string): RootContent[] | undefined {
  const out: RootContent[] = [];
  let offset = 0;
  let block: Line[] = [];
  const close = (): void => {
    if (block.length) out.push(paragraph(block));
    block = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '') close();
    else {
      const tokens = lineTokens(l);
      if (!tokens) return undefined;
      block.push({ text: l, tokens, number: i + 1, offset });
    }
    offset += l.length + 1;
  }
  close();
  return out.length ? out : undefined;
}
