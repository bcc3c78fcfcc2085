/**
 * IR schema nodes to JSON Schema 2020-12 (also the dialect of OpenAPI 3.1).
 * Used by the example check (with ajv) and by the OpenAPI generator.
 */
import type { SchemaNode, StringFormat } from './types.js';

/** Patterns for Matrix identifier formats: loose enough for every room version, tight on the sigil. */
export const FORMAT_PATTERNS: Record<StringFormat, string | undefined> = {
  'user-id': '^@[^:]+:.+$',
  'room-id': '^!.+$',
  'event-id': '^\\$.+$',
  'room-alias': '^#[^:]+:.+$',
  'server-name': '^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$',
  'mxc-uri': '^mxc://[^/]+/.+$',
  'device-id': undefined,
  'key-id': '^[A-Za-z0-9_]+:[A-Za-z0-9_]+$',
  'unpadded-base64': '^[A-Za-z0-9+/_-]*$',
  uri: undefined,
  'date-time': undefined,
};

export interface JsonSchemaOptions {
  /** Prefix of named-schema references, e.g. "#/components/schemas/". */
  refPrefix: string;
  /** Name under which a content block's schema is referenced. */
  blockRef: (block: string) => string;
  /** Emit OpenAPI-only keywords (discriminator). */
  openapi?: boolean;
  /** Leave descriptions and examples out (smaller validators). */
  bare?: boolean;
}

type Json = Record<string, unknown>;

function withNull(s: Json, nullable: boolean | undefined): Json {
  if (!nullable) return s;
  if (typeof s.type === 'string') return { ...s, type: [s.type, 'null'] };
  return { anyOf: [s, { type: 'null' }] };
}

function annotate(out: Json, node: SchemaNode, opts: JsonSchemaOptions): Json {
  if (!opts.bare) {
    if (node.title) out.title = node.title;
    if (node.description) out.description = node.description.trim();
    if (node.examples?.length) out.examples = node.examples;
    if (node.default !== undefined) out.default = node.default;
  }
  if (node.deprecated) out.deprecated = true;
  if (node.readOnly) out.readOnly = true;
  if (node.writeOnly) out.writeOnly = true;
  return out;
}

export function toJsonSchema(node: SchemaNode, opts: JsonSchemaOptions): Json {
  let out: Json;
  switch (node.type) {
    case 'ref':
      out = { $ref: opts.refPrefix + node.ref };
      // Siblings of $ref are legal in 2020-12; keep the use-site description.
      if (!opts.bare && node.description) out.description = node.description.trim();
      return withNull(out, node.nullable);
    case 'block':
      out = { $ref: opts.blockRef(node.block) };
      if (!opts.bare && node.description) out.description = node.description.trim();
      return withNull(out, node.nullable);
    case 'object': {
      const own: Json = { type: 'object' };
      const props: Json = {};
      const required: string[] = [];
      for (const p of node.properties) {
        props[p.name] = toJsonSchema(p.schema, opts);
        if (p.required) required.push(p.name);
      }
      if (node.properties.length) own.properties = props;
      if (required.length) own.required = required;
      if (node.additionalProperties === false) own.additionalProperties = false;
      else if (node.additionalProperties) own.additionalProperties = toJsonSchema(node.additionalProperties, opts);
      if (node.extends?.length) {
        out = { allOf: [...node.extends.map((e) => ({ $ref: opts.refPrefix + e })), own] };
      } else out = own;
      break;
    }
    case 'array':
      out = { type: 'array', items: toJsonSchema(node.items, opts) };
      if (node.minItems !== undefined) out.minItems = node.minItems;
      if (node.maxItems !== undefined) out.maxItems = node.maxItems;
      if (node.uniqueItems) out.uniqueItems = true;
      break;
    case 'map':
      out = { type: 'object', additionalProperties: toJsonSchema(node.values, opts) };
      if (node.keys) {
        const pattern = node.keys.pattern ?? (node.keys.format ? FORMAT_PATTERNS[node.keys.format] : undefined);
        if (pattern) out.propertyNames = { pattern };
        if (node.keys.format) out['x-mxspec-key-format'] = node.keys.format;
      }
      break;
    case 'string':
      out = { type: 'string' };
      if (node.format) {
        if (node.format === 'uri' || node.format === 'date-time') out.format = node.format;
        else {
          out.format = `mx-${node.format}`;
          const p = FORMAT_PATTERNS[node.format];
          if (p && !node.pattern) out.pattern = p;
        }
      }
      if (node.pattern) out.pattern = node.pattern;
      if (node.minLength !== undefined) out.minLength = node.minLength;
      if (node.maxLength !== undefined) out.maxLength = node.maxLength;
      if (node.enum) out.enum = node.enum.map((e) => e.value);
      if (node.const !== undefined) out.const = node.const;
      break;
    case 'integer':
    case 'number':
      out = { type: node.type };
      if (node.format === 'timestamp') {
        out.format = 'int64';
        out['x-mxspec-format'] = 'timestamp';
      }
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) {
        if (node[k] !== undefined) out[k] = node[k];
      }
      if (node.enum) out.enum = node.enum.map((e) => e.value);
      if (node.const !== undefined) out.const = node.const;
      break;
    case 'boolean':
      out = { type: 'boolean' };
      if (node.const !== undefined) out.const = node.const;
      break;
    case 'null':
      out = { type: 'null' };
      break;
    case 'any':
      out = {};
      break;
    case 'binary':
      out = { type: 'string', format: 'binary' };
      break;
    case 'union': {
      out = { oneOf: node.oneOf.map((m) => toJsonSchema(m, opts)) };
      if (opts.openapi && node.discriminator && node.oneOf.every((m) => m.type === 'ref')) {
        out.discriminator = { propertyName: node.discriminator.property };
      }
      break;
    }
  }
  return withNull(annotate(out, node, opts), node.nullable);
}
