/**
 * Finds every modelled divergence of a Program straight from its elements,
 * independently of the projection and of the diff generator: elements with
 * `editions` narrower than all editions or with `variants`, document
 * sections limited to an edition, and `:::edition` Markdown blocks.
 */
import type { RootContent } from 'mdast';
import { EDITION_IDS, type PortStatus, type Program, type Section, type SourceLocation } from '../../../src/ir/types.js';

export interface Divergence {
  kind: string;
  /** Where in the Program (for messages). */
  path: string;
  /** Document the divergence shows up in. */
  document: string | undefined;
  editions?: string[];
  varied: boolean;
  port?: { status?: string; origin?: string; note?: string; reason?: string; msc?: number };
  loc: SourceLocation;
  /** Source locations of the element and of its variants (to find it in projections). */
  locKeys: string[];
  /** For Markdown blocks: the source offsets the block spans. */
  span?: { file: string; start: number; end: number };
  /** For Markdown blocks: its text. */
  text?: string;
  element?: unknown;
}

export const PORT_STATUSES: PortStatus[] = ['pending', 'accepted', 'rejected', 'by-design'];

export const locKey = (l: SourceLocation): string => `${l.file}:${l.line}:${l.column}`;

type Json = Record<string, unknown>;

function isNarrow(editions: unknown): boolean {
  return Array.isArray(editions) && !EDITION_IDS.every((e) => editions.includes(e));
}

interface DirectiveNode {
  type: string;
  name?: string;
  attributes?: Record<string, string | null | undefined> | null;
  children?: RootContent[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

function textOf(n: unknown): string {
  const x = n as { value?: string; children?: unknown[] };
  if (typeof x.value === 'string') return x.value;
  return (x.children ?? []).map(textOf).join(' ');
}

/** The document each source file's elements are shown in, from the documents' leaf directives. */
function documentResolver(program: Program): (file: string, topName?: string) => string | undefined {
  const placedSchemaDoc = new Map<string, string>();
  const placedFileDoc = new Map<string, string>();
  const kindDoc = new Map<string, string>();
  const visit = (doc: string, nodes: RootContent[]): void => {
    for (const n of nodes as DirectiveNode[]) {
      if (n.type === 'leafDirective') {
        const a = n.attributes ?? {};
        if (n.name === 'schema' && a.name && !placedSchemaDoc.has(a.name)) placedSchemaDoc.set(a.name, doc);
        if (n.name === 'schemas' && a.file && !placedFileDoc.has(a.file)) placedFileDoc.set(a.file, doc);
        if (n.name && !kindDoc.has(n.name)) kindDoc.set(n.name, doc);
      }
      if (n.children) visit(doc, n.children);
    }
  };
  const sections = (doc: string, ss: Section[]): void => {
    for (const s of ss) {
      visit(doc, s.blocks);
      sections(doc, s.sections);
    }
  };
  for (const d of program.documents) sections(d.id, d.sections);
  const groupDoc = new Map<string, string>();
  for (const g of [...program.rpcGroups, ...program.bindingGroups]) groupDoc.set(g.loc.file, g.document);
  // A schema no directive places is shown where it is used: by an RPC (its group's document), an event or a room version.
  const usedDoc = new Map<string, string>();
  const schemaByName = new Map(program.schemas.map((x) => [x.name, x]));
  const use = (node: unknown, doc: string | undefined): void => {
    if (!doc || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((x) => use(x, doc));
    const o = node as Json;
    const refs = [...(typeof o.ref === 'string' ? [o.ref] : []), ...(Array.isArray(o.extends) ? (o.extends as string[]) : [])];
    for (const r of refs) {
      if (usedDoc.has(r)) continue;
      usedDoc.set(r, doc);
      use(schemaByName.get(r)?.schema, doc);
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'loc' && k !== 'port') use(x, doc);
  };
  const rpcGroupDoc = new Map(program.rpcGroups.map((g) => [g.id, g.document]));
  const eventsDoc = kindDoc.get('event-types') ?? kindDoc.get('content-blocks');
  const rvDoc = kindDoc.get('room-version');
  for (const [name, doc] of placedSchemaDoc) if (!usedDoc.has(name)) { usedDoc.set(name, doc); use(schemaByName.get(name)?.schema, doc); }
  for (const r of program.rpcs) use([r.request, r.response, r.variants], rpcGroupDoc.get(r.group));
  for (const e of [...program.contentBlocks, ...program.eventTypes, ...program.eduTypes]) use(e, eventsDoc);
  for (const rv of program.roomVersions) use({ ref: rv.envelope }, rvDoc);
  const docByFile = new Map(program.documents.map((d) => [d.loc.file, d.id]));
  return (file, topName) => {
    if (docByFile.has(file)) return docByFile.get(file);
    if (groupDoc.has(file)) return groupDoc.get(file);
    if (file.startsWith('events/')) return kindDoc.get('event-types') ?? kindDoc.get('content-blocks');
    if (file.startsWith('room-versions/')) return kindDoc.get('room-version');
    if (file.startsWith('schemas/')) {
      const stem = file.replace(/^schemas\//, '').replace(/\.ya?ml$/, '');
      return (topName && placedSchemaDoc.get(topName)) ?? placedFileDoc.get(stem) ?? (topName ? usedDoc.get(topName) : undefined);
    }
    return undefined;
  };
}

export function collectDivergences(program: Program): Divergence[] {
  const out: Divergence[] = [];
  const docOf = documentResolver(program);
  const seen = new Set<unknown>();

  // Every IR element carrying `editions` or `variants`, wherever it is nested.
  const walk = (v: unknown, path: string, kind: string, topName?: string): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, kind, topName));
      return;
    }
    const o = v as Json;
    const loc = o.loc as SourceLocation | undefined;
    const variants = o.variants as Record<string, Json> | undefined;
    if (loc && (isNarrow(o.editions) || (variants && Object.keys(variants).length))) {
      const locKeys = new Set([locKey(loc)]);
      for (const x of Object.values(variants ?? {})) if (x?.loc) locKeys.add(locKey(x.loc as SourceLocation));
      out.push({
        kind,
        path,
        document: docOf(loc.file, topName),
        editions: o.editions as string[] | undefined,
        varied: Boolean(variants && Object.keys(variants).length),
        port: o.port as Divergence['port'],
        loc,
        locKeys: [...locKeys],
        element: o,
      });
    }
    for (const [k, x] of Object.entries(o)) {
      if (k === 'loc' || k === 'port' || k === 'mdast' || k === 'blocks') continue;
      walk(x, `${path}.${k}`, kind, topName);
    }
  };
  program.rpcs.forEach((r) => walk(r, `rpcs[${r.name}]`, 'rpc', r.name));
  program.bindings.forEach((b) => walk(b, `bindings[${b.rpc}]`, 'binding', b.rpc));
  program.schemas.forEach((s) => walk(s, `schemas[${s.name}]`, 'schema', s.name));
  program.contentBlocks.forEach((b) => walk(b, `contentBlocks[${b.name}]`, 'content block', b.name));
  program.eventTypes.forEach((e) => walk(e, `eventTypes[${e.name}]`, 'event type', e.name));
  program.eduTypes.forEach((e) => walk(e, `eduTypes[${e.name}]`, 'EDU type', e.name));
  program.roomVersions.forEach((r) => walk(r, `roomVersions[${r.id}]`, 'room version', r.id));
  for (const d of program.documents) walk(d.sections, `documents[${d.id}].sections`, 'section');

  // :::edition blocks inside section content.
  const blocks = (docId: string, file: string, nodes: RootContent[], path: string): void => {
    for (const n of nodes as DirectiveNode[]) {
      if (n.type === 'containerDirective' && n.name === 'edition') {
        const a = n.attributes ?? {};
        const start = n.position?.start as { line?: number; column?: number; offset?: number } | undefined;
        const loc = { file, line: start?.line ?? 0, column: start?.column ?? 0 };
        out.push({
          kind: 'markdown block',
          path: `${path} :::edition@${loc.line}`,
          document: docId,
          editions: (a.only ?? '').split(/[\s,]+/).filter(Boolean),
          varied: false,
          port: a.status ? { status: a.status, origin: a.origin ?? undefined, note: a.note ?? undefined, reason: a.reason ?? undefined } : undefined,
          loc,
          locKeys: [],
          span: { file, start: n.position?.start.offset ?? -1, end: n.position?.end.offset ?? -1 },
          text: textOf(n),
        });
      }
      if (n.children) blocks(docId, file, n.children, path);
    }
  };
  const sectionBlocks = (docId: string, file: string, ss: Section[], path: string): void => {
    for (const s of ss) {
      blocks(docId, file, s.blocks, `${path}#${s.anchor}`);
      sectionBlocks(docId, file, s.sections, path);
    }
  };
  for (const d of program.documents) sectionBlocks(d.id, d.loc.file, d.sections, `documents[${d.id}]`);
  return out;
}

// ------------------------------------------------------------ removing divergences from a projection

interface Positioned {
  position?: { start?: { offset?: number } };
}

/**
 * A copy of a projected model without the divergent elements (matched by
 * source location) and without the content of `:::edition` blocks (matched
 * by source offsets inside the block), for comparing the common rest.
 */
export function withoutDivergences<T>(model: T, divs: Divergence[], docFileOf: (docId: string) => string): T {
  const drop = new Set(divs.flatMap((d) => d.locKeys));
  const spans = divs.filter((d) => d.span).map((d) => d.span!);
  const inSpan = (file: string, n: Positioned): boolean => {
    const off = n.position?.start?.offset;
    return off !== undefined && spans.some((s) => s.file === file && off >= s.start && off < s.end);
  };
  const prune = (v: unknown, file: string | undefined): unknown => {
    if (Array.isArray(v)) {
      return v
        .filter((x) => !(x && typeof x === 'object' && (x as Json).loc && drop.has(locKey((x as Json).loc as SourceLocation))))
        .filter((x) => !(file && x && typeof x === 'object' && inSpan(file, x as Positioned)))
        .map((x) => prune(x, file));
    }
    if (!v || typeof v !== 'object') return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v as Json)) {
      if (x && typeof x === 'object' && !Array.isArray(x) && (x as Json).loc && k !== 'loc' && drop.has(locKey((x as Json).loc as SourceLocation))) continue;
      out[k] = prune(x, file);
    }
    return out;
  };
  const m = model as unknown as Json;
  const copy: Json = {};
  for (const [k, v] of Object.entries(m)) {
    if (k === 'documents') copy[k] = (v as Json[]).map((d) => prune(d, docFileOf(d.id as string)));
    else copy[k] = prune(v, undefined);
  }
  return copy as T;
}
