/**
 * The spec's documents are written in a small part of the Markdown that
 * remark reads (src/parse/markdown.ts: GFM, YAML front matter, generic
 * directives): front matter, ATX headings, paragraphs, tight lists, fenced
 * code, GFM tables, leaf directives (`::rpc{name="getEvent"}`) and
 * `:::edition{…}` containers around them. micromark reads ~0.7 MB/s of it
 * on this project's machines (round 27: 82 KB of shipped documents in
 * ~120 ms once warm, 3.8 MB at 50× in ~5 s), because it is a general
 * tokenizer; a piece of a document (src/parse/top-level-sections.ts) that
 * holds nothing but these shapes has a tree that can be built line by line.
 *
 * `plainDocument` answers only when it is sure, and then with remark's tree
 * (positions included); anything else returns undefined and the piece goes
 * to micromark whole. It takes, separated by empty lines where remark would
 * need one:
 *  - front matter: `---` on the first line, up to the next `---` line;
 *  - headings: one to six `#`, one space, inline text as plain-fragment
 *    reads it (src/parse/plain-fragment.ts), not ending in `#`;
 *  - fenced code: three or more backticks or tildes and a language of
 *    letters, digits and `_+-`, closed by the same fence; no line inside
 *    that could open or close a fence (or, in a container, close it);
 *  - leaf directives and containers: a name of ASCII letters, digits and
 *    inner hyphens, attributes `key="value"` (lowercase keys, none twice;
 *    values without `"`, `&` or `\`) separated by one space,
 *    no label; a container closed by a line `:::`, holding these blocks
 *    but no container;
 *  - tables: `|`-framed rows, a delimiter row of `-` with optional colons,
 *    as many cells in every row, each cell plain inline text, no backslash;
 *  - paragraphs and tight lists as plain-fragment builds them, with text
 *    directives (`:name`) refused.
 * A paragraph, list or table may be followed directly only by the close of
 * its container; any other block after one needs an empty line between.
 * The tests hold every answer to remark's tree: the shipped documents,
 * scaled ones and generated documents of these shapes and their near
 * misses (test/foundation/plain-document.test.ts).
 */
import type { Code, Heading, Root, RootContent, Table, TableCell, TableRow, Yaml } from 'mdast';
import { linesOf, plainBlocks, plainInline, type PlainSyntax } from './plain-fragment.js';

const SYNTAX: PlainSyntax = { textDirectives: true };
const HEADING = /^(#{1,6}) (.*)$/;
const FENCE_OPEN = /^(`{3,}|~{3,})([A-Za-z0-9_+-]*)$/;
/** A line that could open or close fenced code, wherever it is. */
const ANY_FENCE = /^ {0,3}(?:`{3,}|~{3,})/;
/** A line that could close a container, wherever it is. */
const ANY_CONTAINER_FENCE = /^ {0,3}:{3,}/;
const NAME = '[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const LEAF = new RegExp(`^::(${NAME})(?:\\{([^{}]*)\\})?$`);
const CONTAINER = new RegExp(`^:::(${NAME})(?:\\{([^{}]*)\\})?$`);
const CLOSE = ':::';
const ATTRIBUTE = /([a-z][a-z0-9-]*)="([^"&\\\n]*)"/y;
const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** `key="value"` pairs separated by one space; undefined for anything else. */
function attributes(source: string | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (source === undefined) return out;
  let at = 0;
  while (at < source.length) {
    if (at > 0) {
      if (source[at] !== ' ') return undefined;
      at++;
    }
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(source);
    if (!m) return undefined;
    const key = m[1]!;
    // Repeated `class` values are joined, other repeated keys keep their last value: left to remark.
    if (Object.hasOwn(out, key)) return undefined;
    out[key] = m[2]!;
    at = ATTRIBUTE.lastIndex;
  }
  return at > 0 ? out : undefined;
}

/** Whether a line starts a block this module reads itself, rather than a paragraph or list. */
function startsBlock(line: string): boolean {
  const c = line[0];
  return c === '#' || c === ':' || c === '|' || line.startsWith('```') || line.startsWith('~~~');
}

/** The tree remark gives a document piece written only in the shapes above; undefined otherwise. */
export function plainDocument(text: string): Root | undefined {
  if (text === '' || text.includes('\r') || text.includes('\t')) return undefined;
  const { lines, starts } = linesOf(text);
  const n = lines.length;
  const at = (i: number, column: number): Point => ({ line: i + 1, column, offset: starts[i]! + column - 1 });
  const lineStart = (i: number): Point => at(i, 1);
  const lineEnd = (i: number): Point => at(i, lines[i]!.length + 1);

  const children: RootContent[] = [];
  /** The first line after the front matter. */
  let body = 0;
  if (lines[0] === '---') {
    let close = 1;
    while (close < n && lines[close] !== '---') {
      // A line that starts like a fence but is not one leaves the reading to remark-frontmatter.
      if (lines[close]!.startsWith('---')) return undefined;
      close++;
    }
    if (close >= n) return undefined;
    const yaml: Yaml = { type: 'yaml', value: lines.slice(1, close).join('\n'), position: { start: lineStart(0), end: lineEnd(close) } };
    children.push(yaml);
    body = close + 1;
  }
  const flow = readFlow(body, false);
  if (!flow) return undefined;
  children.push(...flow.nodes);
  if (!children.length) return undefined;
  return { type: 'root', children, position: { start: lineStart(0), end: lineEnd(n - 1) } };

  /** Blocks from line `from` to the text's end, or (in a container) to the container's closing line. */
  function readFlow(from: number, inContainer: boolean): { nodes: RootContent[]; next: number } | undefined {
    const nodes: RootContent[] = [];
    let i = from;
    while (i < n) {
      const l = lines[i]!;
      if (l === '') {
        i++;
        continue;
      }
      if (l === CLOSE) return inContainer ? { nodes, next: i } : undefined;
      if (startsBlock(l)) {
        const block = readBlock(i, inContainer);
        if (!block) return undefined;
        nodes.push(block.node);
        i = block.next;
        continue;
      }
      // Paragraphs and lists, up to the next line that starts another kind of block.
      let j = i;
      let end = i;
      while (j < n && (lines[j] === '' || !startsBlock(lines[j]!))) {
        if (lines[j] !== '') end = j + 1;
        j++;
      }
      const blocks = plainBlocks(lines, starts, i, end, SYNTAX);
      if (!blocks) return undefined;
      // Directly after a paragraph or a list, only a container's close surely ends it.
      if (end < n && j === end && !(inContainer && lines[end] === CLOSE)) return undefined;
      nodes.push(...blocks);
      i = j;
    }
    return inContainer ? undefined : { nodes, next: n };
  }

  /** The block that line `i` starts (a heading, fenced code, a directive or a table) and the line after it. */
  function readBlock(i: number, inContainer: boolean): { node: RootContent; next: number } | undefined {
    const l = lines[i]!;
    if (l[0] === '#') {
      const m = HEADING.exec(l);
      if (!m || l.endsWith('#')) return undefined;
      const depth = m[1]!.length;
      const inline = plainInline(i + 1, starts[i]!, depth + 1, m[2]!, SYNTAX);
      if (!inline) return undefined;
      const heading: Heading = { type: 'heading', depth: depth as Heading['depth'], children: inline, position: { start: lineStart(i), end: lineEnd(i) } };
      return { node: heading, next: i + 1 };
    }
    if (l[0] === '`' || l[0] === '~') {
      const m = FENCE_OPEN.exec(l);
      if (!m) return undefined;
      const fence = m[1]!;
      let close = i + 1;
      while (close < n && lines[close] !== fence) {
        const inside = lines[close]!;
        if (ANY_FENCE.test(inside) || (inContainer && ANY_CONTAINER_FENCE.test(inside))) return undefined;
        close++;
      }
      if (close >= n) return undefined;
      const code: Code = { type: 'code', lang: m[2] || null, meta: null, value: lines.slice(i + 1, close).join('\n'), position: { start: lineStart(i), end: lineEnd(close) } };
      return { node: code, next: close + 1 };
    }
    if (l[0] === '|') return readTable(i, inContainer);
    if (l.startsWith(':::')) {
      const m = CONTAINER.exec(l);
      const attrs = m ? attributes(m[2]) : undefined;
      // One level of containers: a container inside one goes to remark.
      if (!m || !attrs || inContainer) return undefined;
      const inner = readFlow(i + 1, true);
      if (!inner) return undefined;
      const node = { type: 'containerDirective', name: m[1]!, attributes: attrs, children: inner.nodes, position: { start: lineStart(i), end: lineEnd(inner.next) } };
      return { node: node as unknown as RootContent, next: inner.next + 1 };
    }
    const m = LEAF.exec(l);
    const attrs = m ? attributes(m[2]) : undefined;
    if (!m || !attrs) return undefined;
    const node = { type: 'leafDirective', name: m[1]!, attributes: attrs, children: [], position: { start: lineStart(i), end: lineEnd(i) } };
    return { node: node as unknown as RootContent, next: i + 1 };
  }

  /** A table from its header row at line `i`; it ends at an empty line, the text's end or its container's close. */
  function readTable(i: number, inContainer: boolean): { node: RootContent; next: number } | undefined {
    const delimiter = cellsOf(i + 1);
    if (!delimiter) return undefined;
    const align: Table['align'] = [];
    for (const cell of delimiter) {
      const m = DELIMITER_CELL.exec(cell.source);
      if (!m) return undefined;
      align.push(m[1] && m[2] ? 'center' : m[1] ? 'left' : m[2] ? 'right' : null);
    }
    const rows: TableRow[] = [];
    const header = row(i, delimiter.length);
    if (!header) return undefined;
    rows.push(header);
    let next = i + 2;
    while (next < n && lines[next] !== '' && !(inContainer && lines[next] === CLOSE)) {
      const body = row(next, delimiter.length);
      if (!body) return undefined;
      rows.push(body);
      next++;
    }
    const table: Table = { type: 'table', align, children: rows, position: { start: lineStart(i), end: lineEnd(next - 1) } };
    return { node: table, next };
  }

  /** Line `i` as a table row of `count` cells. */
  function row(i: number, count: number): TableRow | undefined {
    const cells = cellsOf(i);
    if (!cells || cells.length !== count) return undefined;
    const out: TableCell[] = [];
    for (const [k, cell] of cells.entries()) {
      const lead = cell.source.length - cell.source.trimStart().length;
      const content = cell.source.trim();
      const inline = plainInline(i + 1, starts[i]!, cell.from + lead, content, SYNTAX);
      if (!inline) return undefined;
      // A cell runs from the pipe before it to the next pipe; the last one takes the closing pipe in.
      const end = k === cells.length - 1 ? lineEnd(i) : at(i, cell.from + cell.source.length + 1);
      out.push({ type: 'tableCell', children: inline, position: { start: at(i, cell.from), end } });
    }
    return { type: 'tableRow', children: out, position: { start: lineStart(i), end: lineEnd(i) } };
  }

  /** The cells of a `|`-framed line: each cell's text and the column of its content's first character less one. */
  function cellsOf(i: number): { source: string; from: number }[] | undefined {
    const l = lines[i];
    if (l === undefined || l.length < 2 || l[0] !== '|' || !l.endsWith('|') || l.includes('\\')) return undefined;
    const out: { source: string; from: number }[] = [];
    let from = 1;
    for (const source of l.slice(1, -1).split('|')) {
      out.push({ source, from });
      from += source.length + 1;
    }
    return out;
  }
}
