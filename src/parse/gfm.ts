/**
 * The Markdown parser of every place mxspec reads Markdown (documents,
 * descriptions in YAML, the importer's link rewriting): unified +
 * remark-parse with GitHub Flavored Markdown, plus whatever syntax the
 * caller adds (front matter, directives).
 *
 * GFM's literal autolinks (`https://…`, `www.…`, `name@host.tld` in running
 * text) cost about a third of micromark's time, because their tokenizers
 * start at every `h`, `w` and word character. So a text is first parsed
 * with the rest of GFM only (tables, strikethrough, footnotes, task lists),
 * and again with all of it only if one of the resulting text nodes could
 * hold a literal autolink. A literal autolink is made of characters that
 * are plain text without the extension, and it starts with `http://`,
 * `https://`, `www.` or a local-part character before `@`, all within one
 * text node: a tree whose text nodes have none of these is the tree the
 * whole of GFM gives (the test is a superset of what both halves of the
 * extension look for, micromark's tokenizers and mdast's find-and-replace
 * pass). Code, URLs and front matter are not text nodes: the shipped
 * documents whose only `https://` sits in code are parsed once.
 *
 * Tables cost too: their tokenizer reads the first line of every paragraph
 * to see whether a delimiter row follows. A delimiter row holds a `|`, or
 * else is one cell with a `:` next to its `-`s (`:--`, `-:`), so a source
 * text with neither `|` nor `:-` nor `-:` cannot hold a table and is
 * parsed without the table extension (about a fifth of a cold parse of
 * the shipped documents). test/foundation/gfm.test.ts holds both results
 * to whole-GFM trees.
 *
 * A long text (a document) is parsed in pieces cut at its top-level
 * headings where that cannot change the tree (src/parse/top-level-sections.ts),
 * each piece as above, and the pieces' trees are joined with their positions
 * moved to where each piece starts; test/foundation/top-level-sections.test.ts
 * holds the joined trees to whole-GFM ones.
 */
import { unified, type PluggableList } from 'unified';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { MIN_PIECE_CHARS, sectionCuts } from './top-level-sections.js';

const AUTOLINK_START = /https?:\/\/|www\.|[\w+\-.]@/i;

/** Whether a literal autolink could start in this text (a text node's value: escapes and entities resolved). */
export function mayHaveLiteralAutolink(text: string): boolean {
  return AUTOLINK_START.test(text);
}

/** Whether any text node of the tree could hold a literal autolink. */
function textMayHaveLiteralAutolink(node: { type: string; value?: unknown; children?: unknown[] }): boolean {
  if (node.type === 'text') return typeof node.value === 'string' && mayHaveLiteralAutolink(node.value);
  return node.children?.some((c) => textMayHaveLiteralAutolink(c as typeof node)) ?? false;
}

const TABLE_DELIMITER = /\||:-|-:/;

/** Whether a GFM table could be in this source text (see the module comment). */
export function mayHaveTable(text: string): boolean {
  return TABLE_DELIMITER.test(text);
}

/** remark-gfm without literal autolinks: the same extensions, in the same order, less that one. */
export function remarkGfmWithoutLiteralAutolinks(this: { data(): Record<string, unknown> }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
}

/** remark-gfm without literal autolinks and tables, for a text that cannot hold a table. */
export function remarkGfmWithoutLiteralAutolinksOrTables(this: { data(): Record<string, unknown> }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push([gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()]);
}

export interface MarkdownParser {
  /** With `memo`, pieces parsed by an earlier call with the same memo are taken from it rather than parsed again. */
  parse(text: string, memo?: MarkdownPieceMemo): Root;
}

/**
 * Trees of pieces (src/parse/top-level-sections.ts) by their text, for
 * `mxspec watch`: an edit in one section of a long document then parses
 * that piece again, not the whole document. A piece's tree depends on its
 * text alone; it is kept as parsed (positions from the piece's start) and
 * handed out as a copy, because callers move and change the trees they get.
 * Least recently used pieces go first once the texts kept pass `limitChars`.
 * A tree depends on the parser's syntax too: give a memo to one parser only.
 */
export class MarkdownPieceMemo {
  private readonly trees = new Map<string, Root>();
  private chars = 0;

  constructor(readonly limitChars = 2_000_000) {}

  /** A copy of the tree kept for this piece, if any. */
  take(piece: string): Root | undefined {
    const tree = this.trees.get(piece);
    if (!tree) return undefined;
    // Most recently used last.
    this.trees.delete(piece);
    this.trees.set(piece, tree);
    return structuredClone(tree);
  }

  /** Keeps a copy of a piece's tree, as parsed. */
  keep(piece: string, tree: Root): void {
    if (piece.length > this.limitChars || this.trees.has(piece)) return;
    this.trees.set(piece, structuredClone(tree));
    this.chars += piece.length;
    for (const [oldest] of this.trees) {
      if (this.chars <= this.limitChars) break;
      this.trees.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  get size(): number {
    return this.trees.size;
  }
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}

/** Moves every position in a piece's tree to where the piece sits in the whole text (pieces start at a line's start). */
function movePositions(node: Positioned, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    const move = (x: Point): Point => ({ line: x.line + lines, column: x.column, offset: x.offset === undefined ? undefined : x.offset + offset });
    node.position = { start: move(p.start), end: move(p.end) };
  }
  if (node.children) for (const c of node.children) movePositions(c, lines, offset);
}

export interface GfmParserOptions {
  /** Pieces shorter than this are joined to the next (tests cut as finely as possible with 1). */
  minPieceChars?: number;
  /**
   * Builds a piece's tree without micromark where it can (src/parse/plain-document.ts), or returns undefined. It
   * must give the tree this parser's syntax gives, positions from the piece's start.
   */
  plainPiece?: (piece: string) => Root | undefined;
}

/**
 * A GFM parser with `plugins` after GFM (as `unified().use(remarkParse).use(remarkGfm).use(plugins)` would be).
 * A long text is parsed in pieces cut at top-level headings (src/parse/top-level-sections.ts), then put together.
 */
export function gfmParser(plugins: PluggableList = [], options: GfmParserOptions = {}): MarkdownParser {
  const minPiece = options.minPieceChars ?? MIN_PIECE_CHARS;
  const plainPiece = options.plainPiece;
  const full = unified().use(remarkParse).use(remarkGfm).use(plugins);
  const lean = unified().use(remarkParse).use(remarkGfmWithoutLiteralAutolinks as never).use(plugins);
  const leaner = unified().use(remarkParse).use(remarkGfmWithoutLiteralAutolinksOrTables as never).use(plugins);
  const parseWhole = (text: string): Root => {
    const tree = (mayHaveTable(text) ? lean : leaner).parse(text);
    // Not the source text: `a\@b.co` and `a&#64;b.co` hold no trigger there, but their text nodes do.
    return textMayHaveLiteralAutolink(tree) ? full.parse(text) : tree;
  };
  const parsePiece = (text: string, memo: MarkdownPieceMemo | undefined): Root => {
    // Built directly, a piece costs less than a copy from the memo would.
    const plain = plainPiece?.(text);
    if (plain) return plain;
    let tree = memo?.take(text);
    if (!tree) {
      tree = parseWhole(text);
      memo?.keep(text, tree);
    }
    return tree;
  };
  return {
    parse(text, memo) {
      const cuts = sectionCuts(text, minPiece);
      if (!cuts.length) return parsePiece(text, memo);
      const trees: Root[] = [];
      let lines = 0;
      let from = 0;
      for (const to of [...cuts, text.length]) {
        const piece = text.slice(from, to);
        const tree = parsePiece(piece, memo);
        if (from > 0) movePositions(tree, lines, from);
        trees.push(tree);
        for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) lines++;
        from = to;
      }
      const position = { start: trees[0]!.position!.start, end: trees[trees.length - 1]!.position!.end };
      return { type: 'root', children: trees.flatMap((t) => t.children), position };
    },
  };
}
