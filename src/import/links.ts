/**
 * Links in imported descriptions. The matrix-spec descriptions are written
 * for the spec.matrix.org site: `[rooms](/rooms/v12)` and
 * `[PDUs](/server-server-api/#pdus)` are site-relative, and `[x](#anchor)`
 * points into the page the description is shown on. In mxspec sources the
 * first become absolute links into the imported release on that site; an
 * anchor-only link stays a link only when the anchor is one the imported
 * documents have, otherwise its text is kept without the link (nothing in
 * an mxspec document has the site's anchors). Only the link destination is
 * rewritten, in place: the rest of the text stays byte for byte as imported.
 */
import type { Definition, Link, Parent, RootContent } from 'mdast';
import { gfmParser } from '../parse/gfm.js';
import { plainFragment } from '../parse/plain-fragment.js';
import type { Node } from './schema-convert.js';

export const SPEC_SITE = 'https://spec.matrix.org';

export interface LinkRewriteOptions {
  /** The imported release (`v1.19`); `latest` when unknown. */
  version: string;
  /** Anchors the document showing the text has: `[x](#a)` stays a link only to these. */
  anchors: ReadonlySet<string>;
}

const parser = gfmParser();

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The site URL of a site-relative path (`/rooms/v12` -> `https://spec.matrix.org/v1.19/rooms/v12`). */
export function siteUrl(path: string, version: string): string {
  return `${SPEC_SITE}/${version}${path}`;
}

function isSiteRelative(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//');
}

/** The offset range of the destination `url` inside a link or definition's source text, searched after `from`. */
function destination(text: string, from: number, end: number, url: string): { start: number; end: number } | undefined {
  const at = text.indexOf(url, from);
  return at >= 0 && at + url.length <= end ? { start: at, end: at + url.length } : undefined;
}

function collect(nodes: RootContent[], text: string, opts: LinkRewriteOptions, edits: Edit[]): void {
  for (const n of nodes) {
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    if ((n.type === 'link' || n.type === 'definition') && start !== undefined && end !== undefined) {
      const url = (n as Link | Definition).url;
      // The destination follows the link text; search after it so text equal to the URL is not touched.
      const kids = n.type === 'link' ? n.children : [];
      const afterText = kids.length ? kids[kids.length - 1]!.position?.end.offset ?? start : start;
      if (isSiteRelative(url)) {
        const d = destination(text, n.type === 'link' ? afterText : start, end, url);
        if (d) edits.push({ ...d, text: siteUrl(url, opts.version) });
      } else if (n.type === 'link' && url.startsWith('#') && !opts.anchors.has(url.slice(1))) {
        // Unresolvable anchor: keep the link text as written (or the anchor, for an empty text).
        const first = kids[0]?.position?.start.offset;
        const last = kids[kids.length - 1]?.position?.end.offset;
        const label = first !== undefined && last !== undefined ? text.slice(first, last) : url.slice(1);
        edits.push({ start, end, text: label });
        continue;
      }
    }
    if ('children' in n) collect((n as Parent).children as RootContent[], text, opts, edits);
  }
}

/**
 * Only destinations that start with "/" or "#" are rewritten, so a text with
 * no link or definition whose destination could start so (also written with
 * an escape or an entity) is returned without being parsed: most descriptions
 * link nowhere or only to absolute URLs, and parsing was most of an import's time.
 */
const MAY_REWRITE_INLINE = /\]\(\s*<?(?:[/#\\&])/;
const MAY_REWRITE_DEFINITION = /^\s*\[[^\]]+\]:\s*<?(?:[/#\\&])/m;

/** Rewrites the links of one Markdown text; text without links is returned unchanged. */
export function rewriteLinks(text: string, opts: LinkRewriteOptions): string {
  if (!MAY_REWRITE_INLINE.test(text) && !MAY_REWRITE_DEFINITION.test(text)) return text;
  // Prose whose links are plain `[text](/path)` has its tree built without the parser (src/parse/plain-fragment.ts).
  return rewriteLinksInTree(text, plainFragment(text) ?? parser.parse(text).children, opts);
}

/** Rewrites the links of a Markdown text, given its tree (the nodes of its root, with positions). */
export function rewriteLinksInTree(text: string, children: RootContent[], opts: LinkRewriteOptions): string {
  const edits: Edit[] = [];
  collect(children, text, opts, edits);
  if (!edits.length) return text;
  let out = '';
  let last = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    if (e.start < last) continue;
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}

/** Keys whose string values are Markdown written by the source's authors. */
const PROSE_KEYS = new Set(['description', 'summary', 'note']);
/** Keys whose values are data (examples, defaults, constants): never rewritten. */
const DATA_KEYS = new Set(['examples', 'example', 'default', 'const']);
/** Keys whose values map names to elements (a property called "default" is not a default). */
const NAME_MAPS = new Set(['properties', 'rpcs', 'bindings', 'schemas', 'eventTypes', 'eduTypes', 'contentBlocks', 'msgtypes']);

/** Rewrites the links of every description in an imported value, in place. */
export function rewriteDescriptionLinks(value: unknown, opts: LinkRewriteOptions): void {
  if (Array.isArray(value)) {
    for (const v of value) rewriteDescriptionLinks(v, opts);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const obj = value as Node;
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && PROSE_KEYS.has(k)) obj[k] = rewriteLinks(v, opts);
    else if (NAME_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) for (const e of Object.values(v as Node)) rewriteDescriptionLinks(e, opts);
    else if (!DATA_KEYS.has(k)) rewriteDescriptionLinks(v, opts);
  }
}
