/**
 * Where each request field of an RPC travels under its HTTP binding: path,
 * query, headers, or body. Shared by the OpenAPI generator (parameters and
 * request bodies, example splitting) and the types generator (HTTP body
 * types), so both read the binding the same way.
 */
import type { EditionModel, HttpBinding, ObjectSchema, Property, Rpc, SchemaNode } from '../../src/ir/types.js';
import { firstWith } from '../../src/ir/lookup.js';

export type BodyLayout =
  | { kind: 'none' }
  | { kind: 'field'; property: Property }
  /** Remaining fields as a JSON object; `schema` is a synthetic object node for them. */
  | { kind: 'fields'; schema: ObjectSchema & { loc: SchemaNode['loc'] }; properties: Property[] };

export interface RequestLayout {
  path: Property[];
  query: Property[];
  headers: { property: Property; header: string }[];
  body: BodyLayout;
}

/**
 * Every field of an object schema, with `extends` resolved (own fields win).
 * `read` collects the named schemas it looked up, in order (a name without
 * a schema as the name itself).
 */
export function allProperties(node: SchemaNode, model: EditionModel, seen = new Set<string>(), read?: unknown[]): Property[] {
  if (node.type === 'ref') {
    if (seen.has(node.ref)) return [];
    const named = firstWith(model.schemas, 'name', node.ref);
    read?.push(named ?? node.ref);
    return named ? allProperties(named.schema, model, new Set([...seen, node.ref]), read) : [];
  }
  if (node.type !== 'object') return [];
  const byName = new Map<string, Property>();
  for (const base of node.extends ?? []) {
    for (const p of allProperties({ type: 'ref', ref: base, loc: node.loc }, model, seen, read)) byName.set(p.name, p);
  }
  for (const p of node.properties) byName.set(p.name, p);
  return [...byName.values()];
}

/** What requestLayout reads of the model besides the RPC and the binding: the named schemas its request fields come from. */
export function requestLayoutReads(rpc: Rpc, model: EditionModel): unknown[] {
  const read: unknown[] = [];
  allProperties(rpc.request, model, new Set(), read);
  return read;
}

export function requestLayout(rpc: Rpc, binding: HttpBinding, model: EditionModel): RequestLayout {
  const props = allProperties(rpc.request, model);
  const byName = new Map(props.map((p) => [p.name, p]));
  const placed = new Set<string>([...binding.pathParams, ...binding.query, ...Object.keys(binding.headers)]);
  const take = (names: string[]): Property[] => names.map((n) => byName.get(n)).filter((p): p is Property => !!p);
  const layout: RequestLayout = {
    path: take(binding.pathParams),
    query: take(binding.query),
    headers: Object.entries(binding.headers)
      .filter(([field]) => byName.has(field))
      .map(([field, header]) => ({ property: byName.get(field)!, header })),
    body: { kind: 'none' },
  };
  if (binding.body === 'none') return layout;
  if (binding.body !== 'fields') {
    const p = byName.get(binding.body);
    if (p) layout.body = { kind: 'field', property: p };
    return layout;
  }
  const remaining = props.filter((p) => !placed.has(p.name));
  if (!remaining.length) return layout;
  const req = rpc.request;
  // Keep the named bases as references when none of their fields left the body.
  const basesIntact = (req.extends ?? []).every((base) =>
    allProperties({ type: 'ref', ref: base, loc: req.loc }, model).every((p) => !placed.has(p.name)),
  );
  const schema: ObjectSchema & { loc: SchemaNode['loc'] } = basesIntact && req.extends?.length
    ? { ...req, properties: req.properties.filter((p) => !placed.has(p.name)) }
    : { ...req, extends: undefined, properties: remaining };
  if (!schema.extends) delete schema.extends;
  layout.body = { kind: 'fields', schema, properties: remaining };
  return layout;
}

/** Splits one request example into the parts the binding sends. */
export function splitExample(layout: RequestLayout, request: unknown): {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body?: unknown;
} {
  const r = (request && typeof request === 'object' ? request : {}) as Record<string, unknown>;
  const pick = (ps: Property[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const p of ps) if (r[p.name] !== undefined) out[p.name] = r[p.name];
    return out;
  };
  const out = { path: pick(layout.path), query: pick(layout.query), headers: pick(layout.headers.map((h) => h.property)) } as ReturnType<typeof splitExample>;
  if (layout.body.kind === 'field') out.body = r[layout.body.property.name];
  else if (layout.body.kind === 'fields') {
    const placed = new Set([...layout.path, ...layout.query, ...layout.headers.map((h) => h.property)].map((p) => p.name));
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (!placed.has(k)) body[k] = v;
    out.body = body;
  }
  return out;
}
