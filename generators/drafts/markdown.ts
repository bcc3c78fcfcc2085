/**
 * mdast to RFC XML v3: paragraphs, lists, tables, code, emphasis, BCP 14
 * keywords and every cross-reference scheme of the source format. Leaf
 * directives are handed to the IR renderers (render-ir.ts).
 */
import type { Link, List, ListItem, Parent, PhrasingContent, RootContent, Table } from 'mdast';
import { gfmParser } from '../../src/parse/gfm.js';
import type { SourceLocation } from '../../src/ir/types.js';
import { BCP14_PATTERN } from '../../src/parse/markdown.js';
import { cite, type RenderContext } from './context.js';
import { el, isElement, textOf, type XElement, type XNode } from './xml.js';
import { itemKey, type DirectiveNode, type ItemKind } from './placements.js';
import { renderDirective } from './render-ir.js';
import { CODE_WIDTH, foldLines, relayoutJsonText } from './json-layout.js';
import { escapeJsonNonAscii } from './non-ascii.js';
import { plainFragment } from '../../src/parse/plain-fragment.js';
import { deepFreeze, FREEZE_SHARED } from '../../src/ir/freeze.js';

/** Where mdast positions point: a document (positions are real) or a YAML string (the element's location). */
export interface Source {
  file: string;
  /** Set for Markdown embedded in YAML: every node is reported at the element. */
  fixed?: SourceLocation;
}

export function locOf(src: Source, n: { position?: { start: { line: number; column: number } } } | undefined): SourceLocation {
  if (src.fixed) return src.fixed;
  return { file: src.file, line: n?.position?.start.line ?? 1, column: n?.position?.start.column ?? 1 };
}

const fragmentParser = gfmParser();

/**
 * Parsed fragments by text. The same descriptions are rendered many times
 * (once per placement, for every draft, on every watch rebuild), and each
 * parse re-combines micromark's extensions before tokenising. A cached tree
 * is shared by every caller, so the renderers only read mdast; the tests
 * freeze each tree as it is cached (src/ir/freeze.ts), so a change would
 * throw there. Bounded, oldest first out, so a long watch session cannot
 * grow it without end.
 */
const fragmentCache = new Map<string, readonly RootContent[]>();
const FRAGMENT_CACHE_LIMIT = 20_000;

/** Parses Markdown text from a YAML description into block nodes (shared: do not change them; frozen in the tests). */
export function parseFragment(text: string): RootContent[] {
  let nodes = fragmentCache.get(text);
  if (!nodes) {
    nodes = plainFragment(text) ?? fragmentParser.parse(text).children;
    if (FREEZE_SHARED) deepFreeze(nodes);
    if (fragmentCache.size >= FRAGMENT_CACHE_LIMIT) fragmentCache.delete(fragmentCache.keys().next().value!);
    fragmentCache.set(text, nodes);
  }
  return nodes as RootContent[];
}

/** Renders Markdown text from YAML (description, rule text) as blocks. */
export function fragmentBlocks(text: string | undefined, ctx: RenderContext, loc: SourceLocation): XElement[] {
  if (!text || !text.trim()) return [];
  return renderBlocks(parseFragment(text), ctx, { file: loc.file, fixed: loc });
}

/** Renders Markdown text from YAML as inline content (first paragraph only is expected). */
export function fragmentInline(text: string | undefined, ctx: RenderContext, loc: SourceLocation): XNode[] {
  if (!text || !text.trim()) return [];
  const nodes = parseFragment(text);
  const out: XNode[] = [];
  for (const n of nodes) {
    if (out.length) out.push(' ');
    if ('children' in n) out.push(...renderInlines((n as Parent).children as PhrasingContent[], ctx, { file: loc.file, fixed: loc }));
  }
  return out;
}

// ---------------------------------------------------------------- inline

/** Splits text on BCP 14 keywords, wrapping each in <bcp14>. */
export function bcp14Text(text: string, ctx: RenderContext | undefined, loc: SourceLocation | undefined): XNode[] {
  const re = new RegExp(BCP14_PATTERN.source, 'g');
  const out: XNode[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(el('bcp14', {}, [m[1]!]));
    if (ctx && loc && !ctx.firstKeyword) ctx.firstKeyword = { word: m[1]!, loc };
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Elements that may hold only plain text (no <bcp14>, no nesting). */
const PLAIN_ONLY = new Set(['xref', 'bcp14']);

export function renderInlines(nodes: PhrasingContent[], ctx: RenderContext, src: Source, within?: string): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        if (within && PLAIN_ONLY.has(within)) out.push(n.value);
        else out.push(...bcp14Text(n.value, ctx, locOf(src, n)));
        break;
      case 'emphasis':
        out.push(el('em', {}, renderInlines(n.children, ctx, src, 'em')));
        break;
      case 'strong':
        out.push(el('strong', {}, renderInlines(n.children, ctx, src, 'strong')));
        break;
      case 'delete':
        out.push(...renderInlines(n.children, ctx, src, within));
        break;
      case 'inlineCode':
        out.push(el('tt', {}, [n.value]));
        break;
      case 'break':
        out.push(el('br'));
        break;
      case 'link':
        out.push(...renderLink(n, ctx, src));
        break;
      case 'image':
        out.push(n.alt ?? '');
        break;
      default:
        if ('value' in n && typeof n.value === 'string') out.push(n.value);
        else if ('children' in n) out.push(...renderInlines((n as Parent).children as PhrasingContent[], ctx, src, within));
    }
  }
  return mergeStrings(out);
}

function mergeStrings(nodes: XNode[]): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (typeof n === 'string' && typeof prev === 'string') out[out.length - 1] = prev + n;
    else if (n !== '') out.push(n);
  }
  return out;
}

function linkText(n: Link, ctx: RenderContext, src: Source): XNode[] {
  return renderInlines(n.children, ctx, src);
}

/** An xref to something this or another draft renders. */
function xrefToItem(kind: ItemKind, id: string, scope: string | undefined, label: XNode[], ctx: RenderContext, loc: SourceLocation): XNode[] {
  const placed = ctx.placements.get(itemKey(kind, id, scope));
  const shown: XNode[] = label.length ? label : [el('tt', {}, [id])];
  if (!placed) {
    // Known to the IR but rendered by no draft: name it without a link.
    return shown;
  }
  return [...shown, ' (', ...sectionXref(placed.doc, placed.anchor, ctx, loc), ')'];
}

/** <xref> to an anchor here, or "Section N of [I-D.x]" in another draft. */
export function sectionXref(docId: string, anchor: string | undefined, ctx: RenderContext, loc: SourceLocation, text?: string): XNode[] {
  if (docId === ctx.doc.id && anchor) {
    const x = el('xref', { target: anchor }, text ? [text] : []);
    ctx.xrefs.push({ element: x, loc });
    return [x];
  }
  const other = ctx.drafts.get(docId);
  if (!other) {
    return [text ?? docId];
  }
  cite(ctx, other.referenceAnchor, loc);
  const x = el('xref', { target: other.referenceAnchor });
  ctx.xrefs.push({ element: x, loc });
  if (anchor) ctx.crossDraft.push({ element: x, doc: docId, anchor, loc });
  return text ? [text, ' ', x] : [x];
}

function renderLink(n: Link, ctx: RenderContext, src: Source): XNode[] {
  const loc = locOf(src, n);
  const url = n.url;
  const label = linkText(n, ctx, src);
  const plainLabel = label.map(textOf).join('');
  if (url.startsWith('#')) {
    const x = el('xref', { target: url.slice(1) }, plainLabel ? [plainLabel] : []);
    ctx.xrefs.push({ element: x, loc });
    return [x];
  }
  const m = /^([a-z-]+):(.*)$/.exec(url);
  const scheme = m?.[1];
  const rest = m?.[2] ?? '';
  switch (scheme) {
    case 'http':
    case 'https':
    case 'mailto': {
      const same = !plainLabel || plainLabel === url || plainLabel === rest;
      return [el('eref', { target: url, brackets: same ? 'angle' : undefined }, same ? [] : [plainLabel])];
    }
    case 'doc': {
      const [docId, anchor] = rest.split('#');
      return sectionXref(docId!, anchor, ctx, loc, plainLabel || undefined);
    }
    case 'ref': {
      const [id, frag] = rest.split('#');
      cite(ctx, id!, loc);
      const sec = frag ? /^(?:section|appendix)-(.+)$/.exec(frag)?.[1] : undefined;
      const x = el('xref', { target: id!, section: sec, sectionFormat: sec ? 'of' : undefined });
      ctx.xrefs.push({ element: x, loc });
      return plainLabel ? [...label, ' ', x] : [x];
    }
    case 'rpc': case 'binding': case 'schema': case 'event': case 'block': case 'edu':
      return xrefToItem(scheme, rest, undefined, label, ctx, loc);
    case 'room-version': {
      const rv = ctx.model.roomVersions.find((r) => r.id === rest);
      const shown = label.length ? label : [`room version ${rv?.displayId ?? rest}`];
      return xrefToItem('room-version', rest, undefined, shown, ctx, loc);
    }
    case 'rule': {
      const slash = rest.indexOf('/');
      const rvId = rest.slice(0, slash);
      const ruleId = rest.slice(slash + 1);
      return xrefToItem('rule', ruleId, rvId, label, ctx, loc);
    }
    default:
      return label.length ? label : [url];
  }
}

// ---------------------------------------------------------------- blocks

const CODE_TYPES: Record<string, string> = { json: 'json', abnf: 'abnf', http: 'http-message', text: '' };

/** A <sourcecode> that fits the width: JSON is re-indented, anything else folded (RFC 8792). */
export function codeBlock(text: string, lang: string | undefined, ctx: RenderContext, loc: SourceLocation): XElement {
  const type = lang ? (CODE_TYPES[lang] ?? lang) : '';
  // JSON strings may carry any character as \uXXXX: the escaped example is the same value, in ASCII (RFC 7997).
  const json = lang === 'json' ? escapeJsonNonAscii(text) ?? text : text;
  let body = lang === 'json' ? relayoutJsonText(json) : text;
  const fold = foldLines(body, CODE_WIDTH);
  if (fold.unfoldable.length) {
    ctx.report.add('MX7009', `code line ${fold.unfoldable.join(', ')} of this block is wider than ${CODE_WIDTH} columns and cannot be folded per RFC 8792 (a line ends with "\\" or the cut would fall in a run of spaces); shorten it`, loc);
  }
  body = fold.text;
  const sc = el('sourcecode', { type: type || undefined }, [body], loc);
  if (fold.folded) ctx.folded.push(sc);
  return sc;
}

function listItem(item: ListItem, ctx: RenderContext, src: Source): XElement {
  const kids = item.children as RootContent[];
  if (kids.length === 1 && kids[0]!.type === 'paragraph') {
    return el('li', {}, renderInlines((kids[0] as Parent).children as PhrasingContent[], ctx, src));
  }
  return el('li', {}, renderBlocks(kids, ctx, src));
}

function table(t: Table, ctx: RenderContext, src: Source): XElement {
  const [head, ...body] = t.children;
  const cell = (name: string, c: Parent, i: number): XElement => {
    const align = t.align?.[i];
    return el(name, { align: align && align !== 'left' ? align : undefined }, renderInlines(c.children as PhrasingContent[], ctx, src));
  };
  const rows: XElement[] = [];
  if (head) rows.push(el('thead', {}, [el('tr', {}, head.children.map((c, i) => cell('th', c, i)))]));
  if (body.length) rows.push(el('tbody', {}, body.map((r) => el('tr', {}, r.children.map((c, i) => cell('td', c, i))))));
  return el('table', {}, rows, locOf(src, t));
}

/** Block content; subsections produced by directives are returned separately. */
export function renderBlocksWithSections(nodes: RootContent[], ctx: RenderContext, src: Source): { blocks: XElement[]; sections: XElement[] } {
  const blocks: XElement[] = [];
  const sections: XElement[] = [];
  nodes.forEach((n, i) => {
    if (n.type === 'leafDirective') {
      // Directives that render items as subsections may do so only when nothing but such directives follow.
      const tail = nodes.slice(i + 1).filter((x) => x.type !== 'thematicBreak' && x.type !== 'definition');
      const asSections = tail.every((x) => x.type === 'leafDirective' && SECTION_DIRECTIVES.has((x as unknown as DirectiveNode).name));
      const r = renderDirective(n as unknown as DirectiveNode, ctx, locOf(src, n), asSections && SECTION_DIRECTIVES.has((n as unknown as DirectiveNode).name));
      blocks.push(...r.blocks);
      sections.push(...r.sections);
      return;
    }
    blocks.push(...renderBlocks([n], ctx, src));
  });
  return { blocks, sections };
}

/** Directives whose items can stand as subsections. */
export const SECTION_DIRECTIVES = new Set(['rpcs', 'rpc', 'bindings', 'binding', 'schema', 'schemas', 'content-blocks', 'event-types', 'edu-types']);

export function renderBlocks(nodes: RootContent[], ctx: RenderContext, src: Source): XElement[] {
  const out: XElement[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'paragraph': {
        const content = renderInlines(n.children, ctx, src);
        if (content.length) out.push(el('t', {}, content, locOf(src, n)));
        break;
      }
      case 'list': {
        const l = n as List;
        const items = l.children.map((i) => listItem(i, ctx, src));
        out.push(l.ordered ? el('ol', { start: l.start && l.start !== 1 ? l.start : undefined }, items, locOf(src, n)) : el('ul', {}, items, locOf(src, n)));
        break;
      }
      case 'code':
        out.push(codeBlock(n.value, n.lang ?? undefined, ctx, locOf(src, n)));
        break;
      case 'table':
        out.push(table(n, ctx, src));
        break;
      case 'blockquote': {
        const inner = renderBlocks(n.children, ctx, src);
        if (inner.length) out.push(el('blockquote', {}, inner, locOf(src, n)));
        break;
      }
      case 'leafDirective': {
        const r = renderDirective(n as unknown as DirectiveNode, ctx, locOf(src, n), false);
        out.push(...r.blocks, ...r.sections);
        break;
      }
      case 'containerDirective':
        out.push(...renderBlocks((n as Parent).children as RootContent[], ctx, src));
        break;
      case 'heading':
        out.push(el('t', {}, [el('strong', {}, renderInlines(n.children, ctx, src))], locOf(src, n)));
        break;
      default:
        break;
    }
  }
  return out.filter((e) => isElement(e));
}
