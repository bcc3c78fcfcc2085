/** Visiting every node of a schema tree (properties and their variants, items, values, union members). */
import type { SchemaNode } from './types.js';

export function forEachSchemaNode(node: SchemaNode, fn: (n: SchemaNode) => void): void {
  fn(node);
  switch (node.type) {
    case 'object':
      for (const p of node.properties) {
        forEachSchemaNode(p.schema, fn);
        for (const v of Object.values(p.variants ?? {})) if (v) forEachSchemaNode(v.schema, fn);
      }
      if (node.additionalProperties && typeof node.additionalProperties === 'object') forEachSchemaNode(node.additionalProperties, fn);
      break;
    case 'array':
      forEachSchemaNode(node.items, fn);
      break;
    case 'map':
      forEachSchemaNode(node.values, fn);
      break;
    case 'union':
      for (const m of node.oneOf) forEachSchemaNode(m, fn);
      break;
    default:
      break;
  }
}
