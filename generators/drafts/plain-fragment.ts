/**
 * Most Markdown fragments in YAML descriptions are plain prose: paragraphs
 * of text with no Markdown syntax at all. For those the mdast is known
 * without running the parser (one paragraph of one text node per block of
 * lines, with the positions remark gives them), and building it directly
 * skips micromark, which was most of the time spent rendering drafts.
 *
 * `plainFragment` answers only when it is sure: every line starts with a
 * letter, has no leading or trailing whitespace, no tab or control
 * character, no character that starts or closes a Markdown or GFM construct
 * (`* _ \` ~ [ ] < > & \\ | # @ !`), no autolink literal (`www.`, `://`) and
 * nothing outside the Basic Multilingual Plane; blocks are separated by
 * empty lines. Anything else returns undefined and goes to the parser. A
 * test compares it with remark's output on generated and real texts.
 */
import type { Paragraph, RootContent } from 'mdast';

const LINE = /^[A-Za-z\u00c0-\u024f][^*_`~[\]<>&\\|#@!\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*$/;
const UNSAFE = /www\.|:\/\/|\s$/i;

interface Point {
  line: number;
  column: number;
  offset: number;
}

export function plainFragment(text: string): RootContent[] | undefined {
  const lines = text.split('\n');
  const out: RootContent[] = [];
  let offset = 0;
  let block: { start: Point; end: Point; lines: string[] } | undefined;
  const close = (): void => {
    if (!block) return;
    const position = () => ({ start: { ...block!.start }, end: { ...block!.end } });
    const p: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: block.lines.join('\n'), position: position() }], position: position() };
    out.push(p);
    block = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === '') close();
    else {
      if (!LINE.test(l) || UNSAFE.test(l)) return undefined;
      const end = { line: i + 1, column: l.length + 1, offset: offset + l.length };
      if (block) {
        block.lines.push(l);
        block.end = end;
      } else block = { start: { line: i + 1, column: 1, offset }, end, lines: [l] };
    }
    offset += l.length + 1;
  }
  close();
  return out.length ? out : undefined;
}
