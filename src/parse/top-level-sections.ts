/**
 * Where a long Markdown text can be cut so that parsing the pieces apart
 * gives the tree of parsing it whole (with positions moved back).
 *
 * micromark keeps every event of a text in one array and splices into it
 * as it resolves; on a long document that array is large and long-lived,
 * so parsing it in pieces is faster (about a third at 1.6 MB, and less
 * garbage collection) and lets GFM's literal autolinks be parsed again for
 * the piece that needs them only (src/parse/gfm.ts).
 *
 * A piece starts at an ATX heading (`#` in the first column) that is at the
 * top level: outside fenced code and outside container directives
 * (`:::name` … `:::`, whose content may hold headings). A `#` in the first
 * column closes any list, block quote, paragraph, table or indented code
 * before it, so nothing but those two can carry over — and a fence or
 * container opened inside a list item or quote, which can take the heading
 * in (remark-directive's containers do), so such a line stops the scan.
 * Two things are not
 * local to a piece, and a text that may hold either is not cut at all: link
 * reference and footnote definitions (which apply to the whole text) and
 * HTML blocks (some run to an end marker across blank lines and headings).
 * The scan errs on the side of not cutting: a line it is unsure of stops it.
 */

/** Pieces smaller than this are joined to the next: each parse has a fixed cost. */
export const MIN_PIECE_CHARS = 4096;

// Fences and container directives are followed only in the first column, where they are surely at the top level
// (or directly inside a container): indented ones may belong to a list item and close with it, unseen here.
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_OPEN = /^(:{3,})[A-Za-z]/;
const CONTAINER_CLOSE = /^(:{3,})[ \t]*$/;
/** A fence or a container directive after one to three spaces (or inside a list item or block quote). */
const NESTED_FENCE_OR_CONTAINER = /^[ \t>*+\-0-9.)]+(?:`{3}|~{3}|:{3})/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
/** A line starting (after container and list markers) with `[`, whose label ends in `]:` or runs past the line: maybe a definition. */
const MAYBE_DEFINITION = /^[ \t>*+\-0-9.)]*\[(?:[^\]]*\]:|[^\]]*$)/;
const MAYBE_HTML_BLOCK = /^[ \t>*+\-0-9.)]*</;

/** A line that may open a fence, a container, an HTML block or a definition, read as Markdown at the top level. */
function opensSomething(line: string): boolean {
  return FENCE.test(line) || CONTAINER_OPEN.test(line) || CONTAINER_CLOSE.test(line) || NESTED_FENCE_OR_CONTAINER.test(line) || MAYBE_DEFINITION.test(line) || MAYBE_HTML_BLOCK.test(line);
}

/**
 * Offsets (ascending, none 0) where `text` can be cut, each piece at least
 * `minPiece` characters but the last; empty when the text should be parsed
 * whole.
 */
export function sectionCuts(text: string, minPiece = MIN_PIECE_CHARS): number[] {
  if (text.length < 2 * minPiece || text.includes('\r')) return [];
  const cuts: number[] = [];
  let start = 0;
  // Front matter (`---` … `---` at the very start) may hold `# comments`: no cut inside it. Without the front-matter
  // syntax (descriptions) the same lines are Markdown, so any line that opens something that could run past the
  // closing `---` leaves the text whole: after it, both readings are at the top level with nothing open.
  if (text.startsWith('---\n')) {
    const end = text.indexOf('\n---\n', 3);
    if (end < 0) return [];
    for (const line of text.slice(4, end).split('\n')) if (opensSomething(line)) return [];
    start = end + 5;
  }
  let fence: { char: string; length: number } | undefined;
  const containers: number[] = [];
  let lastCut = 0;
  for (let at = start; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 ? text.length : nl + 1;
    const line = text.slice(at, nl < 0 ? text.length : nl);
    if (fence) {
      // A container's closing line ends it even inside fenced code, and the code with it.
      if (containers.length && CONTAINER_CLOSE.test(line)) return [];
      const m = FENCE_CLOSE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length) fence = undefined;
    } else {
      const f = FENCE.exec(line);
      if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
        fence = { char: f[1]![0]!, length: f[1]!.length };
      } else if (NESTED_FENCE_OR_CONTAINER.test(line) || MAYBE_DEFINITION.test(line) || MAYBE_HTML_BLOCK.test(line)) {
        return [];
      } else if (CONTAINER_OPEN.test(line)) {
        containers.push(CONTAINER_OPEN.exec(line)![1]!.length);
      } else if (containers.length && CONTAINER_CLOSE.test(line)) {
        if (CONTAINER_CLOSE.exec(line)![1]!.length >= containers[containers.length - 1]!) containers.pop();
        else return [];
      } else if (!containers.length && at > start && ATX_HEADING.test(line) && at - lastCut >= minPiece) {
        cuts.push(at);
        lastCut = at;
      }
    }
    at = next;
  }
  // A last piece shorter than the minimum joins the one before it.
  if (cuts.length && text.length - cuts[cuts.length - 1]! < minPiece) cuts.pop();
  return cuts;
}
