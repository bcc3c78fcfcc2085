/**
 * Which way the data of each named schema and content block flows, from
 * where it is used in both models: only in RPC requests, only in responses,
 * or anywhere else / both (`none`). Also which named schemas each RPC
 * reaches, for the per-RPC verdict.
 */
import type { EditionModel, SchemaNode } from '../../ir/types.js';
import type { Direction } from '../types.js';
import { forEachSchemaNode } from '../../ir/schema-walk.js';

/** Names a schema node refers to directly: "schema:Name" / "block:name". */
export function directRefs(node: SchemaNode, out: Set<string> = new Set()): Set<string> {
  forEachSchemaNode(node, (n) => {
    if (n.type === 'ref') out.add(`schema:${n.ref}`);
    else if (n.type === 'block') out.add(`block:${n.block}`);
    else if (n.type === 'object') for (const e of n.extends ?? []) out.add(`schema:${e}`);
  });
  return out;
}

function graph(models: EditionModel[]): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  const add = (key: string, node: SchemaNode): void => {
    const set = g.get(key) ?? new Set<string>();
    directRefs(node, set);
    g.set(key, set);
  };
  for (const m of models) {
    for (const s of m.schemas) add(`schema:${s.name}`, s.schema);
    for (const b of m.contentBlocks) add(`block:${b.name}`, b.schema);
  }
  return g;
}

/** Everything reachable from the given roots, roots' own references included. */
export function reachable(g: Map<string, Set<string>>, roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const k = stack.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const n of g.get(k) ?? []) stack.push(n);
  }
  return seen;
}

export function schemaDirections(models: EditionModel[]): Map<string, Direction> {
  const g = graph(models);
  const uses = new Map<string, Set<Direction>>();
  const mark = (roots: Set<string>, d: Direction): void => {
    for (const k of reachable(g, roots)) {
      const s = uses.get(k) ?? new Set<Direction>();
      s.add(d);
      uses.set(k, s);
    }
  };
  for (const m of models) {
    for (const r of m.rpcs) {
      mark(directRefs(r.request), 'request');
      mark(directRefs(r.response), 'response');
    }
    for (const e of m.eventTypes) {
      mark(directRefs(e.content), 'none');
      for (const mt of e.msgtypes ?? []) mark(directRefs(mt.schema), 'none');
    }
    for (const e of m.eduTypes) mark(directRefs(e.content), 'none');
    for (const rv of m.roomVersions) mark(new Set([`schema:${rv.envelope}`]), 'none');
  }
  const out = new Map<string, Direction>();
  for (const [k, dirs] of uses) out.set(k, dirs.size === 1 ? [...dirs][0]! : 'none');
  return out;
}

/** Named schemas and blocks each RPC reaches (request and response, both models). */
export function rpcReach(models: EditionModel[]): Map<string, Set<string>> {
  const g = graph(models);
  const out = new Map<string, Set<string>>();
  for (const m of models) {
    for (const r of m.rpcs) {
      const set = out.get(r.name) ?? new Set<string>();
      for (const k of reachable(g, [...directRefs(r.request), ...directRefs(r.response)])) set.add(k);
      out.set(r.name, set);
    }
  }
  return out;
}
