/**
 * What an edition's IR says goes over the wire for one operation: the
 * request fields placed in path, query, headers and body by the binding, and
 * the top-level names of the success response.
 */
import type { EditionModel, HttpBinding, Rpc, SchemaNode } from '../../../src/ir/types.js';

/** Top-level property names of an IR schema, through named refs, `extends`, content blocks and union members. */
export function irPropertyNames(model: EditionModel, node: SchemaNode, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  switch (node.type) {
    case 'ref': {
      if (seen.has(node.ref)) return out;
      seen.add(node.ref);
      const named = model.schemas.find((s) => s.name === node.ref);
      if (named) for (const k of irPropertyNames(model, named.schema, seen)) out.add(k);
      return out;
    }
    case 'block': {
      const b = model.contentBlocks.find((c) => c.name === node.block);
      if (b) for (const k of irPropertyNames(model, b.schema, seen)) out.add(k);
      return out;
    }
    case 'object':
      for (const e of node.extends ?? []) for (const k of irPropertyNames(model, { type: 'ref', ref: e, loc: node.loc }, seen)) out.add(k);
      for (const p of node.properties) out.add(p.name);
      return out;
    case 'union':
      for (const m of node.oneOf) for (const k of irPropertyNames(model, m, seen)) out.add(k);
      return out;
    default:
      return out;
  }
}

export interface WireShape {
  method: string;
  path: string;
  pathParams: string[];
  query: string[];
  headers: string[];
  body: string[];
  response: string[];
}

/** Request fields as the binding places them, and the response's top-level names. */
export function wireShape(model: EditionModel, rpc: Rpc, b: HttpBinding): WireShape {
  const fields = [...irPropertyNames(model, rpc.request)];
  const placed = new Set([...b.pathParams, ...b.query, ...Object.keys(b.headers)]);
  let body: string[] = [];
  if (b.body === 'fields') body = fields.filter((f) => !placed.has(f));
  else if (b.body !== 'none') {
    const field = rpc.request.properties.find((p) => p.name === b.body);
    body = field ? [...irPropertyNames(model, field.schema)] : [];
  }
  return {
    method: b.method,
    path: b.path,
    pathParams: [...b.pathParams],
    query: [...b.query],
    headers: Object.values(b.headers),
    body: body.sort(),
    response: [...irPropertyNames(model, rpc.response)].sort(),
  };
}
