/**
 * Markdown documents to IR: unified + remark-parse (with GFM tables, YAML
 * front matter and generic directives) produce mdast; this module validates
 * what the source format allows and folds headings into a section tree.
 */
import { gfmParser, type MarkdownPieceMemo } from './gfm.js';
import { plainDocument } from './plain-document.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import type { Heading, Parent, Root, RootContent, Text } from 'mdast';
import type { DocumentIR, EditionId, PortRecord, Section, SourceLocation } from '../ir/types.js';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { suggestion } from '../diagnostics/did-you-mean.js';
import { MAX_DEPTH, parseLocatedYaml } from '../load/yaml-located.js';
import { validateSource } from '../load/validate-source.js';

// Pieces written only in the shapes the documents mostly use are built without micromark (plain-document.ts).
const processor = gfmParser([[remarkFrontmatter, ['yaml']], remarkDirective], { plainPiece: plainDocument });

/** Leaf directives and the attributes each needs. */
export const LEAF_DIRECTIVES: Record<string, { required: string[]; optional: string[] }> = {
  'bcp14-boilerplate': { required: [], optional: [] },
  rpcs: { required: ['group'], optional: [] },
  rpc: { required: ['name'], optional: [] },
  bindings: { required: ['group'], optional: [] },
  binding: { required: ['rpc'], optional: [] },
  schema: { required: ['name'], optional: [] },
  schemas: { required: ['file'], optional: [] },
  'content-blocks': { required: [], optional: [] },
  'event-types': { required: [], optional: [] },
  'edu-types': { required: [], optional: [] },
  'room-version': { required: ['id', 'part'], optional: [] },
  errors: { required: [], optional: [] },
};
export const ROOM_VERSION_PARTS = ['event-format', 'redaction', 'auth-rules', 'state-resolution', 'signing', 'key-validity'];
const EDITION_ATTRS = ['only', 'origin', 'status', 'msc', 'reason', 'note'];
export const LINK_SCHEMES = ['doc', 'rpc', 'binding', 'schema', 'event', 'block', 'edu', 'room-version', 'rule', 'ref', 'http', 'https', 'mailto'];

export const BCP14_PATTERN = /\b(MUST NOT|MUST|REQUIRED|SHALL NOT|SHALL|SHOULD NOT|SHOULD|NOT RECOMMENDED|RECOMMENDED|MAY|OPTIONAL)\b/g;

export function slugify(title: string): string {
  const s = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'section';
}

interface DirectiveNode extends Parent {
  type: 'containerDirective' | 'leafDirective' | 'textDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
}

/** Whether `text` before `end` ends in `:::` and white space: looks back from `end`, not through the whole text. */
function endsWithFence(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i >= 3 && text.startsWith(':::', i - 3);
}

function locAt(file: string, node: { position?: { start: { line: number; column: number } } } | undefined): SourceLocation {
  return { file, line: node?.position?.start.line ?? 1, column: node?.position?.start.column ?? 1 };
}

const HEADING_ATTRS = /\s*\{([^{}]*)\}\s*$/;

/** Reads `{#anchor .unnumbered .appendix}` from the end of a heading. */
function headingAttributes(h: Heading, file: string, diags: DiagnosticBag): { anchor?: string; classes: string[] } {
  const last = h.children[h.children.length - 1];
  if (!last || last.type !== 'text') return { classes: [] };
  const m = HEADING_ATTRS.exec(last.value);
  if (!m) return { classes: [] };
  last.value = last.value.slice(0, m.index);
  let anchor: string | undefined;
  const classes: string[] = [];
  for (const tok of m[1]!.trim().split(/\s+/).filter(Boolean)) {
    if (tok.startsWith('#') && tok.length > 1) anchor = tok.slice(1);
    else if (tok === '.unnumbered' || tok === '.appendix') classes.push(tok.slice(1));
    else diags.add('MX1206', `heading attribute "${tok}" is not understood; use {#anchor}, .unnumbered or .appendix`, locAt(file, h));
  }
  if (anchor !== undefined && !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(anchor)) {
    diags.add('MX1206', `anchor "${anchor}" must start with a letter and use only letters, digits, "-", "_" and "."`, locAt(file, h));
  }
  return { anchor, classes };
}

export function headingText(h: Heading): string {
  const parts: string[] = [];
  const walk = (n: RootContent | Heading): void => {
    if ('value' in n && (n.type === 'text' || n.type === 'inlineCode')) parts.push(n.value);
    if ('children' in n) for (const c of n.children as RootContent[]) walk(c);
  };
  walk(h);
  return parts.join('').trim();
}

export function parseEditionAttributes(node: DirectiveNode, file: string, diags: DiagnosticBag): { editions?: EditionId[]; port?: PortRecord } {
  const attrs = node.attributes ?? {};
  const loc = locAt(file, node);
  for (const k of Object.keys(attrs)) {
    if (!EDITION_ATTRS.includes(k)) diags.add('MX1203', `attribute "${k}" is not known on :::edition${suggestion(k, EDITION_ATTRS)}`, loc);
  }
  const out: { editions?: EditionId[]; port?: PortRecord } = {};
  const only = attrs.only;
  if (!only) {
    diags.add('MX1203', ':::edition needs only="ietf" or only="matrix-org"', loc);
  } else {
    const ids = only.split(/[\s,]+/).filter(Boolean);
    for (const id of ids) {
      if (id !== 'ietf' && id !== 'matrix-org') diags.add('MX3001', `unknown edition "${id}"${suggestion(id, ['ietf', 'matrix-org'])}; editions are ietf, matrix-org`, loc);
    }
    out.editions = ids.filter((i): i is EditionId => i === 'ietf' || i === 'matrix-org');
  }
  if (attrs.status !== undefined && attrs.status !== null) {
    const status = attrs.status;
    if (!['pending', 'accepted', 'rejected', 'by-design'].includes(status)) {
      diags.add('MX1104', `status "${status}" is not one of pending, accepted, rejected, by-design`, loc);
    } else {
      const port: PortRecord = { status: status as PortRecord['status'], loc };
      if (attrs.origin) {
        if (attrs.origin === 'ietf' || attrs.origin === 'matrix-org') port.origin = attrs.origin;
        else diags.add('MX3001', `unknown edition "${attrs.origin}" in origin`, loc);
      }
      if (attrs.msc) {
        const n = Number(attrs.msc);
        if (!Number.isInteger(n) || n < 1) diags.add('MX1105', `msc must be an MSC number, not "${attrs.msc}"`, loc);
        else port.msc = n;
      }
      if (attrs.reason) port.reason = attrs.reason;
      if (attrs.note) port.note = attrs.note;
      out.port = port;
    }
  }
  return out;
}

/** Validates the tree in place: refuses HTML, checks directives, restores stray text directives. */
function validateTree(root: Root, file: string, text: string, diags: DiagnosticBag): void {
  const visit = (parent: Parent): void => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i] as RootContent;
      switch (node.type) {
        case 'html':
          diags.add('MX1201', 'raw HTML is not allowed in spec documents; write Markdown (it must render in XML drafts too)', locAt(file, node));
          break;
        case 'code':
          if (node.lang === 'json') {
            try {
              JSON.parse(node.value);
            } catch (e) {
              diags.add('MX1205', `JSON code block does not parse: ${(e as Error).message}`, locAt(file, node));
            }
          }
          break;
        case 'link': {
          const url = node.url;
          const m = /^([a-z][a-z0-9+.-]*):/i.exec(url);
          if (m && !LINK_SCHEMES.includes(m[1]!.toLowerCase())) {
            diags.add('MX1207', `link scheme "${m[1]}:" is not known${suggestion(m[1]!, LINK_SCHEMES)}; see spec/README.md for cross-references`, locAt(file, node));
          }
          break;
        }
        case 'textDirective': {
          // "key:value" in prose parses as a text directive; it was meant as text.
          const start = node.position?.start.offset;
          const end = node.position?.end.offset;
          const value = start !== undefined && end !== undefined ? text.slice(start, end) : `:${(node as DirectiveNode).name}`;
          const replacement: Text = { type: 'text', value };
          if (node.position) replacement.position = node.position;
          parent.children[i] = replacement as never;
          // Merge with neighbouring text so later passes see one run.
          continue;
        }
        case 'leafDirective': {
          const d = node as unknown as DirectiveNode;
          const spec = LEAF_DIRECTIVES[d.name];
          if (!spec) {
            diags.add('MX1202', `unknown directive "::${d.name}"${suggestion(d.name, Object.keys(LEAF_DIRECTIVES))}`, locAt(file, node));
            break;
          }
          const attrs = d.attributes ?? {};
          for (const r of spec.required) {
            if (!attrs[r]) diags.add('MX1203', `::${d.name} needs the attribute ${r}="…"`, locAt(file, node));
          }
          for (const k of Object.keys(attrs)) {
            if (!spec.required.includes(k) && !spec.optional.includes(k)) diags.add('MX1203', `::${d.name} has no attribute "${k}"`, locAt(file, node));
          }
          if (d.name === 'room-version' && attrs.part && !ROOM_VERSION_PARTS.includes(attrs.part)) {
            diags.add('MX1203', `part "${attrs.part}" is not one of ${ROOM_VERSION_PARTS.join(', ')}${suggestion(attrs.part, ROOM_VERSION_PARTS)}`, locAt(file, node));
          }
          break;
        }
        case 'containerDirective': {
          const d = node as unknown as DirectiveNode;
          if (d.name !== 'edition') {
            diags.add('MX1202', `unknown container directive ":::${d.name}"${suggestion(d.name, ['edition'])}; only :::edition exists`, locAt(file, node));
          } else {
            const end = node.position?.end.offset;
            if (end !== undefined && !endsWithFence(text, end)) {
              diags.add('MX1202', ':::edition is never closed; end it with a line containing only ":::"', locAt(file, node));
            }
            parseEditionAttributes(d, file, diags);
          }
          visit(d);
          continue;
        }
        default:
          break;
      }
      if ('children' in node) visit(node as Parent);
    }
  };
  visit(root);
}

/** `pieces` (mxspec watch) remembers the document's pieces between builds, so an edit parses only the pieces it changed. */
export function parseMarkdownDocument(file: string, text: string, diags: DiagnosticBag, pieces?: MarkdownPieceMemo): DocumentIR | undefined {
  const id = file.replace(/^documents\//, '').replace(/\.md$/, '');
  let root: Root;
  try {
    root = processor.parse(text, pieces);
  } catch (e) {
    // The parser is recursive: thousands of nested quotes or lists exhaust the stack.
    if (e instanceof RangeError) {
      diags.add('MX1007', `Markdown is nested too deeply to read; flatten it (at most ${MAX_DEPTH} levels)`, { file, ...(deepQuotePosition(text) ?? { line: 1, column: 1 }) });
    } else {
      diags.add('MX1202', `Markdown cannot be parsed: ${(e as Error).message}`, { file, line: 1, column: 1 });
    }
    return undefined;
  }
  // Bound the nesting the parser did accept, so later recursive passes (checks,
  // generators) cannot run out of stack on it.
  const tooDeep = firstNodePastDepth(root, MAX_DEPTH);
  if (tooDeep) {
    diags.add('MX1007', `Markdown nesting deeper than ${MAX_DEPTH} levels; flatten the structure`, locAt(file, tooDeep));
    return undefined;
  }
  const before = diags.errorCount;
  const fmNode = root.children[0];
  let fm: Record<string, unknown> = {};
  if (!fmNode || fmNode.type !== 'yaml') {
    diags.add('MX1204', 'document must start with YAML front matter (---, title: …, ---)', { file, line: 1, column: 1 });
  } else {
    // Line 1 is the opening "---": pad so reported lines match the file.
    const located = parseLocatedYaml(file, '\n' + fmNode.value, diags);
    if (located) {
      if (located.value === null || typeof located.value !== 'object' || Array.isArray(located.value)) {
        diags.add('MX1204', 'front matter must be a mapping', { file, line: 2, column: 1 });
      } else if (validateSource('front-matter', located, diags)) {
        fm = located.value as Record<string, unknown>;
      }
    }
  }
  validateTree(root, file, text, diags);
  if (diags.errorCount > before) return undefined;

  const body = root.children.filter((c) => c.type !== 'yaml');
  const headingDepths = collectHeadingDepths(body);
  const minDepth = headingDepths.length ? Math.min(...headingDepths) : 1;

  const top: Section[] = [];
  const stack: Section[] = [];
  const preamble: RootContent[] = [];

  const place = (node: RootContent): void => {
    const cur = stack[stack.length - 1];
    (cur ? cur.blocks : preamble).push(node);
  };
  const openSection = (h: Heading, scope: { editions?: EditionId[]; port?: PortRecord } | undefined): void => {
    const attrs = headingAttributes(h, file, diags);
    const title = headingText(h);
    const depth = h.depth - minDepth + 1;
    const section: Section = {
      anchor: attrs.anchor ?? slugify(title),
      title,
      depth,
      numbered: !attrs.classes.includes('unnumbered'),
      appendix: attrs.classes.includes('appendix'),
      blocks: [],
      sections: [],
      loc: locAt(file, h),
    };
    if (scope?.editions) section.editions = scope.editions;
    if (scope?.port) section.port = scope.port;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    // Sections inherit the appendix flag; an appendix is never numbered in the main sequence.
    if (parent?.appendix) section.appendix = true;
    (parent ? parent.sections : top).push(section);
    stack.push(section);
  };

  const walk = (nodes: RootContent[], scope: { editions?: EditionId[]; port?: PortRecord } | undefined): void => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        openSection(node, scope);
      } else if (node.type === 'containerDirective' && (node as unknown as DirectiveNode).name === 'edition' && containsHeading(node as unknown as Parent)) {
        const d = node as unknown as DirectiveNode;
        const inner = parseEditionAttributes(d, file, new (diags.constructor as new () => DiagnosticBag)());
        walk(d.children as RootContent[], inner);
      } else {
        place(node);
      }
    }
  };
  walk(body, undefined);
  if (preamble.some((n) => n.type !== 'thematicBreak')) {
    diags.add('MX5003', 'text before the first heading has no section; start the document with a heading (the abstract goes in front matter)', locAt(file, preamble[0]));
  }

  const doc: DocumentIR = {
    id,
    file,
    title: (fm.title as string | undefined) ?? id,
    category: (fm.category as DocumentIR['category'] | undefined) ?? 'std',
    authors: (fm.authors as string[] | undefined) ?? [],
    keywords: (fm.keywords as string[] | undefined) ?? [],
    abstract: ((fm.abstract as string | undefined) ?? '').trim(),
    normative: (fm.normative as string[] | undefined) ?? [],
    informative: (fm.informative as string[] | undefined) ?? [],
    sections: top,
    mdast: root,
    loc: { file, line: 1, column: 1 },
  };
  if (typeof fm.abbrev === 'string') doc.abbrev = fm.abbrev;
  return doc;
}

/** The first node (in document order) nested deeper than `limit`; iterative, so it cannot overflow itself. */
function firstNodePastDepth(root: Root, limit: number): RootContent | undefined {
  const stack: { node: Parent | RootContent; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (depth > limit) return node as RootContent;
    if ('children' in node) {
      const kids = node.children as RootContent[];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Where the first blockquote chain goes deeper than MAX_DEPTH (where a parser
 * stack overflow most likely came from): the same position the depth check
 * above reports when the parser copes, so the answer does not depend on the
 * stack size.
 */
function deepQuotePosition(text: string): { line: number; column: number } | undefined {
  const lines = text.split(/\r?\n/);
  const deep = new RegExp(`^ {0,3}(?:> ?){${MAX_DEPTH}}(?=>)`);
  for (let i = 0; i < lines.length; i++) {
    const m = deep.exec(lines[i]!);
    if (m) return { line: i + 1, column: m[0].length + 1 };
  }
  return undefined;
}

function containsHeading(p: Parent): boolean {
  return p.children.some((c) => c.type === 'heading' || ('children' in c && c.type === 'containerDirective' && containsHeading(c as Parent)));
}

function collectHeadingDepths(nodes: RootContent[]): number[] {
  const out: number[] = [];
  for (const n of nodes) {
    if (n.type === 'heading') out.push(n.depth);
    else if (n.type === 'containerDirective') out.push(...collectHeadingDepths((n as unknown as Parent).children as RootContent[]));
  }
  return out;
}
