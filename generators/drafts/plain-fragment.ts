/**
 * Most Markdown fragments in YAML descriptions are prose: paragraphs of text
 * whose only Markdown is inline code (`room_id`). For those the mdast is
 * known without running the parser (one paragraph per block of lines, made
 * of text and inlineCode nodes, with the positions remark gives them), and
 * building it directly skips micromark, which was most of the time spent
 * rendering drafts.
 *
 * `plainFragment` answers only when it is sure. Every line starts with a
 * letter or with a single backtick, has no leading or trailing whitespace,
 * no tab or control character and nothing outside the Basic Multilingual
 * Plane, and no autolink literal (`www.`, `://`). Backticks pair up within
 * the line, singly (no `` `` ``), around code that neither starts nor ends
 * with a space and has no `<` (an HTML tag or autolink would take precedence
 * over the code span). Outside code there is no character that starts or
 * closes a Markdown or GFM construct (`* _ ~ [ ] < > & \ | # @ !`). Blocks
 * are separated by empty lines. Anything else returns undefined and goes to
 * the parser. A test compares it with remark's output on generated and real
 * texts.
 */
import type { InlineCode, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';

const FIRST = /^(?:[A-Za-z\u00c0-\u024f]|`[^`])/;
const OUTSIDE = /^[^*_`~[\]<>&\\|#@!\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*$/;
const CODE = /^[^ `<\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff](?:[^`<\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*[^ `<\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff])?$/;
const UNSAFE = /www\.|:\/\/|\s$/i;

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A line split at its backticks: even parts are text, odd parts code; undefined when the line is not this simple. */
function lineParts(l: string): string[] | undefined {
  if (!FIRST.test(l) || UNSAFE.test(l)) return undefined;
  const parts = l.split('`');
  if (parts.length % 2 === 0) return undefined;
  for (let i = 0; i < parts.length; i++) {
    if (!(i % 2 ? CODE : OUTSIDE).test(parts[i]!)) return undefined;
  }
  return parts;
}

interface Line {
  text: string;
  parts: string[];
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
  lines.forEach((l, li) => {
    let column = 0;
    l.parts.forEach((part, i) => {
      if (i % 2) {
        flush();
        children.push({ type: 'inlineCode', value: part, position: { start: point(l, column), end: point(l, column + part.length + 2) } } satisfies InlineCode);
        column += part.length + 2;
        return;
      }
      // A line ending continues the text before it (remark keeps it in the text node).
      const value = (li > 0 && i === 0 ? '\n' : '') + part;
      if (value) {
        const start = li > 0 && i === 0 ? point(lines[li - 1]!, lines[li - 1]!.text.length) : point(l, column);
        if (text) {
          text.value += value;
          text.end = point(l, column + part.length);
        } else text = { value, start, end: point(l, column + part.length) };
      }
      column += part.length;
    });
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
      const parts = lineParts(l);
      if (!parts) return undefined;
      block.push({ text: l, parts, number: i + 1, offset });
    }
    offset += l.length + 1;
  }
  close();
  return out.length ? out : undefined;
}
