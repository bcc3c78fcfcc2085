/**
 * Which Markdown (mdast) nodes can hold blocks: paragraphs, lists, and the
 * directives the spec is written with (::schema, :::edition…), which are
 * flow content. Paragraphs, headings and tables hold phrasing content only
 * (text, emphasis, links, inline directives), so a search for blocks never
 * needs to look inside them; that skips most of a document's nodes.
 */
import type { Parent } from 'mdast';

const PHRASING_HOLDERS: ReadonlySet<string> = new Set([
  'paragraph', 'heading', 'table', 'tableRow', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'textDirective', 'leafDirective',
]);

/** Whether `node` has children among which a block can be. */
export function mayHoldBlocks(node: { type: string }): node is Parent {
  return 'children' in node && Array.isArray((node as Parent).children) && !PHRASING_HOLDERS.has(node.type);
}
