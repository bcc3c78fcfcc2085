/**
 * Schemas as prose: a type label ("array of PersistentDataUnit", "string
 * (user ID)") and definition lists of fields with type, requirement and
 * description. Named schemas are linked to where a draft renders them.
 */
import type { EnumValue, Property, SchemaNode, SourceLocation } from '../../src/ir/types.js';
import type { RenderContext } from './context.js';
import { el, type XElement, type XNode } from './xml.js';
import { fragmentBlocks, fragmentInline, sectionXref } from './markdown.js';
import { itemKey } from './placements.js';

const FORMAT_LABELS: Record<string, string> = {
  'user-id': 'user ID', 'room-id': 'room ID', 'event-id': 'event ID', 'room-alias': 'room alias', 'server-name': 'server name',
  'mxc-uri': 'MXC URI', 'device-id': 'device ID', 'key-id': 'key ID', 'unpadded-base64': 'unpadded Base64', uri: 'URI',
  'date-time': 'date-time', timestamp: 'timestamp in milliseconds', empty: 'empty string',
};

/** A named schema, linked when some draft renders it. */
export function schemaRef(name: string, ctx: RenderContext, loc: SourceLocation): XNode[] {
  const placed = ctx.placements.get(itemKey('schema', name));
  if (!placed) return [el('tt', {}, [name])];
  return [el('tt', {}, [name]), ' (', ...sectionXref(placed.doc, placed.anchor, ctx, loc), ')'];
}

function blockRef(name: string, ctx: RenderContext, loc: SourceLocation): XNode[] {
  const placed = ctx.placements.get(itemKey('block', name));
  const label: XNode[] = ['the ', el('tt', {}, [name]), ' content block'];
  if (!placed) return label;
  return [...label, ' (', ...sectionXref(placed.doc, placed.anchor, ctx, loc), ')'];
}

export function typeLabel(node: SchemaNode, ctx: RenderContext, depth = 0): XNode[] {
  const loc = node.loc;
  const nullable = node.nullable ? [' or null'] : [];
  switch (node.type) {
    case 'ref':
      return [...schemaRef(node.ref, ctx, loc), ...nullable];
    case 'block':
      return [...blockRef(node.block, ctx, loc), ...nullable];
    case 'array':
      return ['array of ', ...(depth > 3 ? ['values'] : typeLabel(node.items, ctx, depth + 1)), ...nullable];
    case 'map':
      return [`object mapping ${node.keys?.format ? FORMAT_LABELS[node.keys.format] ?? node.keys.format : 'string'} keys to `, ...(depth > 3 ? ['values'] : typeLabel(node.values, ctx, depth + 1)), ...nullable];
    case 'union': {
      const out: XNode[] = ['one of '];
      node.oneOf.forEach((m, i) => {
        if (i) out.push(i === node.oneOf.length - 1 ? ' or ' : ', ');
        out.push(...typeLabel(m, ctx, depth + 1));
      });
      return [...out, ...nullable];
    }
    case 'string':
      return [`string${node.format ? ` (${FORMAT_LABELS[node.format] ?? node.format})` : ''}`, ...nullable];
    case 'integer':
    case 'number':
      return [`${node.type}${node.format ? ` (${FORMAT_LABELS[node.format] ?? node.format})` : ''}`, ...nullable];
    case 'binary':
      return ['binary data', ...nullable];
    case 'any':
      return ['any JSON value'];
    default:
      return [node.type, ...nullable];
  }
}

function scalarText(v: unknown): string {
  return JSON.stringify(v) ?? 'null';
}

/** Constraints worth stating in prose. */
function constraints(node: SchemaNode): XNode[] {
  const parts: XNode[][] = [];
  const n = node as SchemaNode & Record<string, unknown>;
  if (node.type === 'string') {
    if (node.const !== undefined) parts.push(['always ', el('tt', {}, [scalarText(node.const)])]);
    if (node.minLength !== undefined) parts.push([`at least ${node.minLength} characters`]);
    if (node.maxLength !== undefined) parts.push([`at most ${node.maxLength} characters`]);
    if (node.pattern) parts.push(['matching ', el('tt', {}, [node.pattern])]);
  }
  if (node.type === 'integer' || node.type === 'number') {
    if (node.const !== undefined) parts.push(['always ', el('tt', {}, [scalarText(node.const)])]);
    if (node.minimum !== undefined) parts.push([`at least ${node.minimum}`]);
    if (node.maximum !== undefined) parts.push([`at most ${node.maximum}`]);
    if (node.exclusiveMinimum !== undefined) parts.push([`greater than ${node.exclusiveMinimum}`]);
    if (node.exclusiveMaximum !== undefined) parts.push([`less than ${node.exclusiveMaximum}`]);
  }
  if (node.type === 'boolean' && node.const !== undefined) parts.push(['always ', el('tt', {}, [scalarText(node.const)])]);
  if (node.type === 'array') {
    if (node.minItems !== undefined) parts.push([`at least ${node.minItems} items`]);
    if (node.maxItems !== undefined) parts.push([`at most ${node.maxItems} items`]);
    if (node.uniqueItems) parts.push(['items are unique']);
  }
  if (n.default !== undefined) parts.push(['default ', el('tt', {}, [scalarText(n.default)])]);
  if (node.deprecated) parts.push(['deprecated']);
  const out: XNode[] = [];
  parts.forEach((p, i) => {
    out.push(i ? '; ' : '', ...p);
  });
  return out;
}

function enumValues(node: SchemaNode): EnumValue[] | undefined {
  return node.type === 'string' || node.type === 'integer' || node.type === 'number' ? node.enum : undefined;
}

/** The definition-list body for one property or value: type line, description, nested fields. */
export function describeValue(schema: SchemaNode, required: boolean | undefined, description: string | undefined, ctx: RenderContext, depth: number): XElement[] {
  const first: XNode[] = [...capitalise(typeLabel(schema, ctx))];
  if (required !== undefined) first.push(required ? ', required' : ', optional');
  const c = constraints(schema);
  if (c.length) first.push('; ', ...c);
  first.push('.');
  const desc = description ?? schema.description;
  const descBlocks = fragmentBlocks(desc, ctx, schema.loc);
  // One paragraph of description reads best on the type line itself.
  const lead = descBlocks[0]?.name === 't' && !descBlocks[0].attrs.anchor ? descBlocks.shift()! : undefined;
  const out: XElement[] = [el('t', {}, lead ? [...first, ' ', ...lead.children] : first)];
  out.push(...descBlocks);
  const values = enumValues(schema);
  if (values?.length) {
    if (values.some((v) => v.description)) {
      out.push(el('t', {}, ['One of:']));
      out.push(el('dl', { newline: 'false', spacing: 'compact' }, values.flatMap((v) => [
        el('dt', {}, [el('tt', {}, [scalarText(v.value)])]),
        el('dd', {}, v.description ? fragmentInline(v.description, ctx, v.loc) : ['(no description)']),
      ])));
    } else {
      const list: XNode[] = ['One of: '];
      values.forEach((v, i) => list.push(i ? ', ' : '', el('tt', {}, [scalarText(v.value)])));
      list.push('.');
      out.push(el('t', {}, list));
    }
  }
  out.push(...nestedFields(schema, ctx, depth));
  return out;
}

function capitalise(nodes: XNode[]): XNode[] {
  const [h, ...rest] = nodes;
  if (typeof h === 'string' && h.length) return [h[0]!.toUpperCase() + h.slice(1), ...rest];
  return nodes;
}

/** Fields of anonymous objects below a value (named schemas are linked, not repeated). */
function nestedFields(schema: SchemaNode, ctx: RenderContext, depth: number): XElement[] {
  if (depth > 4) return [];
  switch (schema.type) {
    case 'object':
      return schema.properties.length ? [el('t', {}, ['Fields:']), fieldList(schema.properties, ctx, depth + 1)] : [];
    case 'array':
      return schema.items.type === 'object' && schema.items.properties.length ? [el('t', {}, ['Fields of each item:']), fieldList(schema.items.properties, ctx, depth + 1)] : [];
    case 'map':
      return schema.values.type === 'object' && schema.values.properties.length ? [el('t', {}, ['Fields of each value:']), fieldList(schema.values.properties, ctx, depth + 1)] : [];
    case 'union': {
      const members = schema.oneOf.filter((m): m is SchemaNode & { type: 'object' } => m.type === 'object' && m.properties.length > 0);
      return members.flatMap((m, i) => [el('t', {}, [`Fields of the ${ordinal(i + 1)} alternative${m.title ? ` (${m.title})` : ''}:`]), fieldList(m.properties, ctx, depth + 1)]);
    }
    default:
      return [];
  }
}

function ordinal(n: number): string {
  return ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'][n] ?? `${n}th`;
}

export function fieldList(properties: Property[], ctx: RenderContext, depth = 0): XElement {
  return el('dl', {}, properties.flatMap((p) => [
    el('dt', {}, [el('tt', {}, [p.name])], p.loc),
    el('dd', {}, describeValue(p.schema, p.required, p.schema.description, ctx, depth), p.loc),
  ]));
}

/** Fields of an object schema including those it extends (listed under their origin). */
export function objectBody(schema: SchemaNode, ctx: RenderContext, what: string): XElement[] {
  if (schema.type !== 'object') return [el('t', {}, [...capitalise(typeLabel(schema, ctx)), '.']), ...nestedFields(schema, ctx, 0)];
  const out: XElement[] = [];
  if (schema.extends?.length) {
    const t: XNode[] = [`${what} includes every field of `];
    schema.extends.forEach((name, i) => t.push(i ? (i === schema.extends!.length - 1 ? ' and ' : ', ') : '', ...schemaRef(name, ctx, schema.loc)));
    t.push(schema.properties.length ? ', and these:' : '.');
    out.push(el('t', {}, t));
  } else if (!schema.properties.length) {
    out.push(el('t', {}, [`${what} has no fields.`]));
  }
  if (schema.properties.length) out.push(fieldList(schema.properties, ctx));
  if (schema.additionalProperties === false) out.push(el('t', {}, ['No other fields are allowed.']));
  return out;
}
