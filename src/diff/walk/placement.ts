/**
 * Which document presents each element, from the documents' directives
 * (::schema, ::schemas, ::event-types, ::room-version, …) and the groups of
 * RPCs and bindings. Named schemas no directive places go with the first RPC
 * that uses them. "-" = not in any document (edition metadata, registries).
 */
import type { RootContent } from 'mdast';
import type { EditionModel } from '../../ir/types.js';
import { directRefs, reachable } from './usage.js';
import { firstWith } from '../../ir/lookup.js';
import { mayHoldBlocks } from '../../ir/flow-content.js';

export interface Placement {
  rpc(name: string): string;
  binding(name: string): string;
  schema(name: string): string;
  block(name: string): string;
  event(): string;
  edu(): string;
  roomVersion(id: string): string;
  /** What the documents contribute (their directives), as text: the rest comes from the models without documents. */
  readonly fromDocuments: string;
}

type Directive = { type: string; name?: string; attributes?: Record<string, string | null | undefined> | null };

function directives(nodes: RootContent[], fn: (d: Directive) => void): void {
  for (const n of nodes) {
    if (n.type === 'leafDirective' || n.type === 'containerDirective') fn(n as unknown as Directive);
    if (mayHoldBlocks(n)) directives(n.children as RootContent[], fn);
  }
}

export function buildPlacement(models: EditionModel[]): Placement {
  const byKey = new Map<string, string>();
  const set = (k: string, doc: string): void => {
    if (!byKey.has(k)) byKey.set(k, doc);
  };
  for (const m of models) {
    for (const doc of m.documents) {
      directives(doc.mdast.children as RootContent[], (d) => {
        const a = d.attributes ?? {};
        switch (d.name) {
          case 'schema': set(`schema:${a.name}`, doc.id); break;
          case 'schemas': set(`schema-file:${a.file}`, doc.id); break;
          case 'content-blocks': set('blocks', doc.id); break;
          case 'event-types': set('events', doc.id); break;
          case 'edu-types': set('edus', doc.id); break;
          case 'room-version': set(`room-version:${a.id}`, doc.id); break;
          default: break;
        }
      });
    }
  }
  const rpcGroupDoc = new Map<string, string>();
  const bindingGroupDoc = new Map<string, string>();
  const rpcGroup = new Map<string, string>();
  const bindingGroup = new Map<string, string>();
  const schemaFile = new Map<string, string>();
  for (const m of models) {
    for (const g of m.rpcGroups) rpcGroupDoc.set(g.id, g.document);
    for (const g of m.bindingGroups) bindingGroupDoc.set(g.id, g.document);
    for (const r of m.rpcs) if (!rpcGroup.has(r.name)) rpcGroup.set(r.name, r.group);
    for (const b of m.bindings) if (!bindingGroup.has(b.rpc)) bindingGroup.set(b.rpc, b.group);
    for (const s of m.schemas) if (!schemaFile.has(s.name)) schemaFile.set(s.name, s.file);
  }
  const rpc = (name: string): string => rpcGroupDoc.get(rpcGroup.get(name) ?? '') ?? '-';
  // Schemas no directive places: the document of the first RPC (by name) that reaches them.
  const g = new Map<string, Set<string>>();
  for (const m of models) {
    for (const s of m.schemas) g.set(`schema:${s.name}`, directRefs(s.schema, g.get(`schema:${s.name}`)));
    for (const b of m.contentBlocks) g.set(`block:${b.name}`, directRefs(b.schema, g.get(`block:${b.name}`)));
  }
  const viaRpc = new Map<string, string>();
  const rpcNames = [...rpcGroup.keys()].sort();
  for (const name of rpcNames) {
    for (const m of models) {
      const r = firstWith(m.rpcs, 'name', name);
      if (!r) continue;
      for (const k of reachable(g, [...directRefs(r.request), ...directRefs(r.response)])) if (!viaRpc.has(k)) viaRpc.set(k, rpc(name));
    }
  }
  return {
    fromDocuments: JSON.stringify([...byKey]),
    rpc,
    binding: (name) => bindingGroupDoc.get(bindingGroup.get(name) ?? '') ?? rpc(name),
    schema: (name) => byKey.get(`schema:${name}`) ?? byKey.get(`schema-file:${schemaFile.get(name)}`) ?? viaRpc.get(`schema:${name}`) ?? byKey.get('events') ?? '-',
    block: (name) => byKey.get('blocks') ?? viaRpc.get(`block:${name}`) ?? '-',
    event: () => byKey.get('events') ?? '-',
    edu: () => byKey.get('edus') ?? byKey.get('events') ?? '-',
    roomVersion: (id) => byKey.get(`room-version:${id}`) ?? '-',
  };
}
