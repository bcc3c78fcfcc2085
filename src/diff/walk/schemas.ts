/**
 * Schema walker: compares two schema nodes of the same position. Objects
 * pair properties by name, unions pair members by what they are (reference,
 * discriminator value, type), enums pair values by value; everything else is
 * a field of the node the schema rules classify.
 */
import type { EnumValue, NamedSchema, Property, SchemaNode } from '../../ir/types.js';
import type { Direction, SchemaRole } from '../types.js';
import type { WalkContext } from './context.js';

export interface SchemaPos {
  path: string;
  document: string;
  direction: Direction;
  role: SchemaRole;
}

/** A stable key for a union member. */
export function memberKey(union: SchemaNode & { type: 'union' }, member: SchemaNode, index: number): string {
  if (member.type === 'ref') return `ref:${member.ref}`;
  if (member.type === 'block') return `block:${member.block}`;
  const disc = union.discriminator?.property;
  if (disc && member.type === 'object') {
    const p = member.properties.find((x) => x.name === disc);
    const s = p?.schema;
    if (s && s.type === 'string') {
      if (s.const !== undefined) return `${disc}=${s.const}`;
      if (s.enum && s.enum.length === 1) return `${disc}=${String(s.enum[0]!.value)}`;
    }
  }
  if (member.title) return `${member.type}:${member.title}`;
  // Inline members without a name: the n-th member of that type.
  const nth = union.oneOf.slice(0, index).filter((m) => m.type === member.type && !m.title).length;
  return nth ? `${member.type}#${nth + 1}` : member.type;
}

export function enumKey(v: EnumValue): string {
  return JSON.stringify(v.value);
}

export function compareSchema(ctx: WalkContext, from: SchemaNode, to: SchemaNode, pos: SchemaPos): void {
  const { run } = ctx;
  const children: Record<string, () => void> = {};
  if (from.type === to.type) {
    switch (from.type) {
      case 'object': {
        const t = to as typeof from;
        children.properties = () => compareProperties(ctx, from.properties, t.properties, pos);
        if (from.additionalProperties && t.additionalProperties && typeof from.additionalProperties === 'object' && typeof t.additionalProperties === 'object') {
          const a = from.additionalProperties;
          const b = t.additionalProperties;
          children.additionalProperties = () => compareSchema(ctx, a, b, { ...pos, path: `${pos.path}/additionalProperties`, role: 'additional-properties' });
        }
        break;
      }
      case 'array': {
        const t = to as typeof from;
        children.items = () => compareSchema(ctx, from.items, t.items, { ...pos, path: `${pos.path}/items`, role: 'items' });
        break;
      }
      case 'map': {
        const t = to as typeof from;
        children.values = () => compareSchema(ctx, from.values, t.values, { ...pos, path: `${pos.path}/values`, role: 'map-values' });
        break;
      }
      case 'union': {
        const t = to as typeof from;
        children.oneOf = () => {
          const keyed = (u: typeof from): { key: string; node: SchemaNode }[] => u.oneOf.map((m, i) => ({ key: memberKey(u, m, i), node: m }));
          run.compareSet({
            site: 'member-set', from: keyed(from), to: keyed(t), keyOf: (m) => m.key,
            path: `${pos.path}/oneOf`, document: pos.document, direction: pos.direction,
          }, (a, b) => compareSchema(ctx, a.node, b.node, { ...pos, path: `${pos.path}/oneOf/${a.key}`, role: 'member' }));
        };
        break;
      }
      case 'string':
      case 'integer':
      case 'number': {
        const t = to as typeof from;
        if (from.enum && t.enum) {
          const a = from.enum;
          const b = t.enum;
          children.enum = () => run.compareSet({
            site: 'enum-set', from: a, to: b, keyOf: enumKey, path: `${pos.path}/enum`, document: pos.document, direction: pos.direction,
          }, (x, y) => run.compare({ site: 'enum-value', from: x, to: y, path: `${pos.path}/enum/${enumKey(x)}`, document: pos.document, direction: pos.direction }, { ignore: ['value'] }));
        }
        break;
      }
      default:
        break;
    }
  }
  run.compare({ site: 'schema', from, to, path: pos.path, document: pos.document, direction: pos.direction, role: pos.role }, { children });
}

function compareProperties(ctx: WalkContext, from: Property[], to: Property[], pos: SchemaPos): void {
  ctx.run.compareSet({
    site: 'property-set', from, to, keyOf: (p) => p.name, path: `${pos.path}/properties`, document: pos.document, direction: pos.direction,
  }, (a, b) => {
    const path = `${pos.path}/properties/${a.name}`;
    ctx.run.compare({ site: 'property', from: a, to: b, path, document: pos.document, direction: pos.direction }, {
      ignore: ['name'],
      children: { schema: () => compareSchema(ctx, a.schema, b.schema, { ...pos, path, role: 'property' }) },
    });
  });
}

export function compareNamedSchemas(ctx: WalkContext): void {
  const { run, placement } = ctx;
  const dir = (name: string): Direction => ctx.schemaDirection.get(`schema:${name}`) ?? 'none';
  run.compareSet<NamedSchema>({
    site: 'schema-set', from: ctx.from.schemas, to: ctx.to.schemas, keyOf: (s) => s.name, path: 'schemas', document: '-', direction: 'none',
    documentOf: (name) => placement.schema(name),
  }, (a, b) => {
    const path = `schemas/${a.name}`;
    const document = placement.schema(a.name);
    const direction = dir(a.name);
    // Besides the two schemas, a pair's changes depend only on where it is placed and which way its data flows.
    run.comparePairOnce(a, b, () => run.compare({ site: 'named-schema', from: a, to: b, path, document, direction }, {
      ignore: ['name'],
      children: { schema: () => compareSchema(ctx, a.schema, b.schema, { path, document, direction, role: 'root' }) },
    }), `${document}\u0000${direction}`);
  });
}
