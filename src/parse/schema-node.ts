/** YAML schema nodes (spec/README.md, "schema nodes") to IR SchemaNode. */
import type { EnumValue, Property, SchemaNode, StringFormat, EditionId } from '../ir/types.js';
import { SOURCE_SCHEMAS } from '../source-format/schemas.js';
import { isRaw, locOf, parsePort, parseScope, SCOPE_KEYS, type ParseContext, type Raw } from './yaml-context.js';

const NODE_KEYS = Object.keys(
  ((SOURCE_SCHEMAS['schema-set'].$defs as Record<string, { properties: object }>).schemaNode).properties,
);

const PROPERTY_ONLY_KEYS = new Set(['required', ...SCOPE_KEYS]);

function inferType(raw: Raw): string | undefined {
  if (typeof raw.type === 'string') return raw.type;
  if (raw.ref !== undefined) return 'ref';
  if (raw.block !== undefined) return 'block';
  if (raw.properties !== undefined || raw.extends !== undefined || raw.additionalProperties !== undefined) return 'object';
  if (raw.items !== undefined) return 'array';
  if (raw.values !== undefined) return 'map';
  if (raw.oneOf !== undefined) return 'union';
  if (typeof raw.const === 'string') return 'string';
  return undefined;
}

function parseEnum(ctx: ParseContext, raw: unknown[]): EnumValue[] {
  return raw.map((item, i) => {
    if (isRaw(item)) {
      const ev: EnumValue = { value: item.value as EnumValue['value'], loc: ctx.doc.valueLoc(raw, i) };
      if (typeof item.description === 'string') ev.description = item.description;
      if (Array.isArray(item.editions)) ev.editions = item.editions as EditionId[];
      const port = parsePort(ctx, item.port);
      if (port) ev.port = port;
      return ev;
    }
    return { value: item as EnumValue['value'], loc: ctx.doc.valueLoc(raw, i) };
  });
}

/**
 * Parses one schema node. `allowScope` is true where edition keys are
 * meaningful on the node itself (named schemas, union members); on other
 * nested nodes they are reported because they would silently do nothing.
 */
export function parseSchemaNode(ctx: ParseContext, raw: unknown, allowScope: boolean, where: { parent: unknown; key: string | number }): SchemaNode {
  const loc = isRaw(raw) ? locOf(ctx, raw) : ctx.doc.valueLoc(where.parent, where.key);
  if (!isRaw(raw)) {
    ctx.diags.add('MX6006', 'a schema must be a mapping', loc);
    return { type: 'any', loc };
  }
  const type = inferType(raw);
  const common: Record<string, unknown> = {};
  for (const k of ['description', 'title', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'nullable'] as const) {
    if (raw[k] !== undefined) common[k] = raw[k];
  }
  if (allowScope) {
    if (Array.isArray(raw.editions)) common.editions = raw.editions;
    const port = parsePort(ctx, raw.port);
    if (port) common.port = port;
  } else {
    for (const k of ['editions', 'variants', 'port'] as const) {
      if (raw[k] !== undefined) {
        ctx.diags.add('MX6006', `"${k}" has no effect here; put it on the property, union member or named schema`, ctx.doc.keyLoc(raw, k));
      }
    }
  }
  const bad = (msg: string, key?: string): SchemaNode => {
    ctx.diags.add('MX6006', msg, key ? ctx.doc.keyLoc(raw, key) : loc);
    return { type: 'any', loc, ...common } as SchemaNode;
  };
  const onlyFor = (keys: string[], t: string): void => {
    for (const k of keys) {
      if (raw[k] !== undefined) ctx.diags.add('MX6006', `"${k}" does not apply to type ${t}`, ctx.doc.keyLoc(raw, k));
    }
  };
  switch (type) {
    case undefined:
      return bad('schema needs a "type" (or "ref" / "block")');
    case 'ref':
      if (typeof raw.ref !== 'string') return bad('"ref" must name a schema', 'ref');
      onlyFor(['properties', 'items', 'values', 'oneOf', 'enum', 'format'], 'ref');
      return { type: 'ref', ref: raw.ref, loc, ...common } as SchemaNode;
    case 'block':
      if (typeof raw.block !== 'string') return bad('"block" must name a content block', 'block');
      return { type: 'block', block: raw.block, loc, ...common } as SchemaNode;
    case 'object': {
      onlyFor(['items', 'values', 'oneOf', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern'], 'object');
      const properties: Property[] = [];
      if (isRaw(raw.properties)) {
        for (const [name, p] of Object.entries(raw.properties)) {
          properties.push(parseProperty(ctx, raw.properties, name, p));
        }
      }
      const node: Record<string, unknown> = { type: 'object', properties, loc, ...common };
      if (raw.additionalProperties === false) node.additionalProperties = false;
      else if (isRaw(raw.additionalProperties)) node.additionalProperties = parseSchemaNode(ctx, raw.additionalProperties, false, { parent: raw, key: 'additionalProperties' });
      if (Array.isArray(raw.extends)) node.extends = raw.extends;
      return node as unknown as SchemaNode;
    }
    case 'array': {
      if (!isRaw(raw.items)) return bad('array schema needs "items"');
      const node: Record<string, unknown> = { type: 'array', items: parseSchemaNode(ctx, raw.items, false, { parent: raw, key: 'items' }), loc, ...common };
      for (const k of ['minItems', 'maxItems', 'uniqueItems']) if (raw[k] !== undefined) node[k] = raw[k];
      if (typeof raw.minItems === 'number' && typeof raw.maxItems === 'number' && raw.minItems > raw.maxItems) return bad('minItems is larger than maxItems', 'minItems');
      return node as unknown as SchemaNode;
    }
    case 'map': {
      if (!isRaw(raw.values)) return bad('map schema needs "values"');
      const node: Record<string, unknown> = { type: 'map', values: parseSchemaNode(ctx, raw.values, false, { parent: raw, key: 'values' }), loc, ...common };
      if (isRaw(raw.keys)) node.keys = raw.keys;
      return node as unknown as SchemaNode;
    }
    case 'string': {
      onlyFor(['properties', 'items', 'values', 'oneOf', 'minimum', 'maximum'], 'string');
      if (raw.format === 'timestamp') return bad('format "timestamp" applies to integers', 'format');
      const node: Record<string, unknown> = { type: 'string', loc, ...common };
      for (const k of ['format', 'pattern', 'minLength', 'maxLength', 'const']) if (raw[k] !== undefined) node[k] = raw[k];
      if (typeof raw.pattern === 'string') {
        try {
          new RegExp(raw.pattern, 'u');
        } catch {
          return bad(`pattern is not a valid regular expression`, 'pattern');
        }
      }
      if (Array.isArray(raw.enum)) node.enum = parseEnum(ctx, raw.enum);
      return node as unknown as SchemaNode;
    }
    case 'integer':
    case 'number': {
      onlyFor(['properties', 'items', 'values', 'oneOf', 'pattern', 'minLength', 'maxLength'], type);
      if (raw.format !== undefined && raw.format !== 'timestamp') return bad(`format "${String(raw.format)}" applies to strings`, 'format');
      const node: Record<string, unknown> = { type, loc, ...common };
      for (const k of ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'const']) if (raw[k] !== undefined) node[k] = raw[k];
      if (typeof raw.minimum === 'number' && typeof raw.maximum === 'number' && raw.minimum > raw.maximum) return bad('minimum is larger than maximum', 'minimum');
      if (Array.isArray(raw.enum)) node.enum = parseEnum(ctx, raw.enum);
      return node as unknown as SchemaNode;
    }
    case 'boolean': {
      const node: Record<string, unknown> = { type: 'boolean', loc, ...common };
      if (raw.const !== undefined) node.const = raw.const;
      return node as unknown as SchemaNode;
    }
    case 'null':
    case 'any':
    case 'binary':
      return { type, loc, ...common } as SchemaNode;
    case 'union': {
      if (!Array.isArray(raw.oneOf)) return bad('union schema needs "oneOf"');
      const members = raw.oneOf.map((m, i) => parseSchemaNode(ctx, m, true, { parent: raw.oneOf, key: i }));
      const node: Record<string, unknown> = { type: 'union', oneOf: members, loc, ...common };
      if (isRaw(raw.discriminator)) node.discriminator = { property: raw.discriminator.property };
      return node as unknown as SchemaNode;
    }
    default:
      return bad(`unknown schema type "${type}"`, 'type');
  }
}

export function parseProperty(ctx: ParseContext, parent: Raw, name: string, raw: unknown): Property {
  const loc = ctx.doc.keyLoc(parent, name);
  if (!isRaw(raw)) {
    ctx.diags.add('MX6006', `property "${name}" must be a mapping`, loc);
    return { name, required: false, schema: { type: 'any', loc }, loc };
  }
  const build = (r: Raw): Property => {
    const schemaRaw: Raw = {};
    for (const [k, v] of Object.entries(r)) if (!PROPERTY_ONLY_KEYS.has(k)) schemaRaw[k] = v;
    // Positions of the schema keys are those of the property mapping itself.
    ctx.doc.alias(schemaRaw, (key) => ({ obj: r, key }), r);
    return { name, required: r.required === true, schema: parseSchemaNode(ctx, schemaRaw, false, { parent, key: name }), loc };
  };
  const prop = build(raw);
  const scope = parseScope(ctx, raw, NODE_KEYS, (merged) => build(merged));
  return Object.assign(prop, scope);
}

export { NODE_KEYS };
export type { StringFormat };
