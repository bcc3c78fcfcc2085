/**
 * IR schema nodes to OpenAPI 3.1 Schema Objects. The JSON Schema shape comes
 * from the core converter (the same one the example check validates with),
 * so the OpenAPI document and `mxspec check` can never disagree on what an
 * example may look like; this module only adds what OpenAPI readers want on
 * top: lifecycle and port extensions on properties and union members, and
 * enum value descriptions.
 */
import { toJsonSchema } from '../../src/ir/json-schema.js';
import type { EnumValue, Lifecycle, PortRecord, Property, SchemaNode } from '../../src/ir/types.js';
import { blockRef, SCHEMA_REF_PREFIX } from './names.js';

export type Json = Record<string, unknown>;

export function schemaObject(node: SchemaNode): Json {
  const json = toJsonSchema(node, { refPrefix: SCHEMA_REF_PREFIX, blockRef, openapi: true });
  decorate(node, json);
  return json;
}

export function lifecycleJson(l: Lifecycle | undefined): Json | undefined {
  if (!l) return undefined;
  const out: Json = {};
  if (l.added !== undefined) out.added = String(l.added);
  if (l.changed?.length) out.changed = l.changed.map((c) => (c.note ? { in: String(c.in), note: c.note.trim() } : { in: String(c.in) }));
  if (l.deprecated) {
    const d: Json = {};
    if (l.deprecated.in !== undefined) d.in = String(l.deprecated.in);
    if (l.deprecated.note) d.note = l.deprecated.note.trim();
    if (l.deprecated.replacement) d.replacement = l.deprecated.replacement;
    out.deprecated = d;
  }
  return Object.keys(out).length ? out : undefined;
}

export function portJson(p: PortRecord | undefined): Json | undefined {
  if (!p) return undefined;
  const out: Json = { status: p.status };
  if (p.origin) out.origin = p.origin;
  if (p.msc !== undefined) out.msc = p.msc;
  if (p.reason) out.reason = p.reason.trim();
  if (p.note) out.note = p.note.trim();
  return out;
}

/** Sets the x-mxspec-lifecycle / x-mxspec-port extensions (and `deprecated`) on a JSON object. */
export function annotateElement(target: Json, el: { lifecycle?: Lifecycle; port?: PortRecord }): void {
  const l = lifecycleJson(el.lifecycle);
  if (l) target['x-mxspec-lifecycle'] = l;
  if (el.lifecycle?.deprecated) target.deprecated = true;
  const p = portJson(el.port);
  if (p) target['x-mxspec-port'] = p;
}

/** The schema without the `anyOf: [schema, null]` wrapper a nullable reference gets. */
function core(node: SchemaNode, json: Json): Json {
  const any = json.anyOf as Json[] | undefined;
  if (node.nullable && any?.length === 2 && (any[1] as Json).type === 'null') return any[0] as Json;
  return json;
}

function enumDescriptions(values: EnumValue[] | undefined): Json | undefined {
  if (!values?.some((v) => v.description)) return undefined;
  const out: Json = {};
  for (const v of values) if (v.description) out[String(v.value)] = v.description.trim();
  return out;
}

function decorateProperty(p: Property, json: Json | undefined): void {
  if (!json) return;
  annotateElement(json, p);
  decorate(p.schema, json);
}

function decorate(node: SchemaNode, json: Json): void {
  const c = core(node, json);
  switch (node.type) {
    case 'object': {
      const allOf = c.allOf as Json[] | undefined;
      const own = allOf ? allOf[allOf.length - 1] : c;
      const props = own.properties as Record<string, Json> | undefined;
      for (const p of node.properties) decorateProperty(p, props?.[p.name]);
      if (node.additionalProperties && typeof own.additionalProperties === 'object') decorate(node.additionalProperties, own.additionalProperties as Json);
      break;
    }
    case 'array':
      decorate(node.items, c.items as Json);
      break;
    case 'map':
      decorate(node.values, c.additionalProperties as Json);
      break;
    case 'union': {
      const members = c.oneOf as Json[];
      node.oneOf.forEach((m, i) => {
        const p = portJson(m.port);
        if (p) members[i]['x-mxspec-port'] = p;
        decorate(m, members[i]);
      });
      break;
    }
    case 'string':
    case 'integer':
    case 'number': {
      const d = enumDescriptions(node.enum);
      if (d) c['x-enumDescriptions'] = d;
      break;
    }
    default:
      break;
  }
}
