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
 * test/foundation/gfm.test.ts holds the result to whole-GFM trees.
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

export interface MarkdownParser {
  parse(text: string): Root;
}

/** A GFM parser with `plugins` after GFM (as `unified().use(remarkParse).use(remarkGfm).use(plugins)` would be). */
export function gfmParser(plugins: PluggableList = []): MarkdownParser {
  const full = unified().use(remarkParse).use(remarkGfm).use(plugins);
  const lean = unified().use(remarkParse).use(remarkGfmWithoutLiteralAutolinks as never).use(plugins);
  return {
    parse(text) {
      // Not the source text: `a\@b.co` and `a&#64;b.co` hold no trigger there, but their text nodes do.
      const tree = lean.parse(text);
      return textMayHaveLiteralAutolink(tree) ? full.parse(text) : tree;
    },
  };
}
