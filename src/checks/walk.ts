/**
 * Enumerates what an IR (a Program or one edition's projection) refers to:
 * schema and block references, binding targets, Markdown cross-references and
 * directives, room-version envelopes, authors and citations. The reference
 * checks resolve each use against one edition's view.
 */
import type { Link, Parent, RootContent } from 'mdast';
import type { DocumentIR, EditionModel, SchemaNode, Section, SourceLocation } from '../ir/types.js';
import { forEachSchemaNode } from '../ir/schema-walk.js';

export { forEachSchemaNode };

export type TargetKind =
  | 'schema' | 'block' | 'rpc' | 'binding' | 'doc' | 'section' | 'event' | 'edu' | 'room-version' | 'rule'
  | 'reference' | 'author' | 'rpc-group' | 'binding-group' | 'schema-file';

export interface ReferenceUse {
  kind: TargetKind;
  target: string;
  /** For sections and rules: the document / room version the target lives in. */
  scope?: string;
  loc: SourceLocation;
  what: string;
}

function schemaUses(node: SchemaNode, out: ReferenceUse[], what: string): void {
  forEachSchemaNode(node, (n) => {
    if (n.type === 'ref') out.push({ kind: 'schema', target: n.ref, loc: n.loc, what });
    else if (n.type === 'block') out.push({ kind: 'block', target: n.block, loc: n.loc, what });
    else if (n.type === 'object') for (const e of n.extends ?? []) out.push({ kind: 'schema', target: e, loc: n.loc, what });
  });
}

export function forEachSection(sections: Section[], fn: (s: Section) => void): void {
  for (const s of sections) {
    fn(s);
    forEachSection(s.sections, fn);
  }
}

function forEachNode(nodes: RootContent[], fn: (n: RootContent) => void): void {
  for (const n of nodes) {
    fn(n);
    if ('children' in n) forEachNode((n as Parent).children as RootContent[], fn);
  }
}

function locOfNode(file: string, n: RootContent): SourceLocation {
  return { file, line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 };
}

const DIRECTIVE_TARGETS: Record<string, { attr: string; kind: TargetKind }[]> = {
  rpcs: [{ attr: 'group', kind: 'rpc-group' }],
  rpc: [{ attr: 'name', kind: 'rpc' }],
  bindings: [{ attr: 'group', kind: 'binding-group' }],
  binding: [{ attr: 'rpc', kind: 'binding' }],
  schema: [{ attr: 'name', kind: 'schema' }],
  schemas: [{ attr: 'file', kind: 'schema-file' }],
  'room-version': [{ attr: 'id', kind: 'room-version' }],
};

/** Parses a cross-reference URL into a use; undefined for plain external links. */
export function linkUse(doc: DocumentIR, url: string, loc: SourceLocation): ReferenceUse | undefined {
  const what = `link in ${doc.file}`;
  if (url.startsWith('#')) return { kind: 'section', target: url.slice(1), scope: doc.id, loc, what };
  const m = /^([a-z-]+):(.*)$/.exec(url);
  if (!m) return undefined;
  const [, scheme, rest] = m as unknown as [string, string, string];
  switch (scheme) {
    case 'doc': {
      const [d, anchor] = rest.split('#');
      return anchor ? { kind: 'section', target: anchor, scope: d!, loc, what } : { kind: 'doc', target: d!, loc, what };
    }
    case 'rpc': case 'binding': case 'schema': case 'event': case 'block': case 'edu': case 'room-version':
      return { kind: scheme, target: rest, loc, what };
    case 'rule': {
      const slash = rest.indexOf('/');
      return { kind: 'rule', target: rest.slice(slash + 1), scope: rest.slice(0, slash), loc, what };
    }
    case 'ref':
      return { kind: 'reference', target: rest.split('#')[0]!, loc, what };
    default:
      return undefined;
  }
}

export function documentUses(doc: DocumentIR): ReferenceUse[] {
  const out: ReferenceUse[] = [];
  const what = `document ${doc.id}`;
  for (const a of doc.authors) out.push({ kind: 'author', target: a, loc: doc.loc, what });
  for (const r of [...doc.normative, ...doc.informative]) out.push({ kind: 'reference', target: r, loc: doc.loc, what });
  forEachSection(doc.sections, (s) => {
    forEachNode(s.blocks, (n) => {
      if (n.type === 'link') {
        const use = linkUse(doc, (n as Link).url, locOfNode(doc.file, n));
        if (use) out.push(use);
      } else if (n.type === 'leafDirective') {
        const d = n as unknown as { name: string; attributes?: Record<string, string | null | undefined> };
        for (const t of DIRECTIVE_TARGETS[d.name] ?? []) {
          const v = d.attributes?.[t.attr];
          if (v) out.push({ kind: t.kind, target: v, loc: locOfNode(doc.file, n), what: `::${d.name} in ${doc.file}` });
        }
      }
    });
  });
  return out;
}

/** Every reference the model makes. */
export function modelUses(m: Pick<EditionModel, 'rpcs' | 'bindings' | 'schemas' | 'contentBlocks' | 'eventTypes' | 'eduTypes' | 'roomVersions' | 'documents' | 'rpcGroups' | 'bindingGroups'>): ReferenceUse[] {
  const out: ReferenceUse[] = [];
  for (const r of m.rpcs) {
    schemaUses(r.request, out, `RPC ${r.name}`);
    schemaUses(r.response, out, `RPC ${r.name}`);
  }
  for (const b of m.bindings) out.push({ kind: 'rpc', target: b.rpc, loc: b.loc, what: `binding ${b.method} ${b.path}` });
  for (const s of m.schemas) schemaUses(s.schema, out, `schema ${s.name}`);
  for (const b of m.contentBlocks) schemaUses(b.schema, out, `content block ${b.name}`);
  for (const e of m.eventTypes) {
    schemaUses(e.content, out, `event type ${e.name}`);
    for (const mt of e.msgtypes ?? []) schemaUses(mt.schema, out, `event type ${e.name}`);
  }
  for (const e of m.eduTypes) schemaUses(e.content, out, `EDU type ${e.name}`);
  for (const rv of m.roomVersions) out.push({ kind: 'schema', target: rv.envelope, loc: rv.loc, what: `room version ${rv.id}` });
  for (const g of m.rpcGroups) out.push({ kind: 'doc', target: g.document, loc: g.loc, what: `RPC group ${g.id}` });
  for (const g of m.bindingGroups) out.push({ kind: 'doc', target: g.document, loc: g.loc, what: `binding group ${g.id}` });
  for (const d of m.documents) out.push(...documentUses(d));
  return out;
}
