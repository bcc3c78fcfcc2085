/**
 * Component names in the OpenAPI document. Named schemas keep their own
 * names; content blocks live beside them under a "Block." prefix, which the
 * OpenAPI component-name pattern (^[a-zA-Z0-9._-]+$) admits and no schema
 * name can take (schema names have no dots).
 */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';
export const BLOCK_COMPONENT_PREFIX = 'Block.';

export function blockComponentName(block: string): string {
  return BLOCK_COMPONENT_PREFIX + block.replace(/[^a-zA-Z0-9._-]/g, '_');
}

export function blockRef(block: string): string {
  return SCHEMA_REF_PREFIX + blockComponentName(block);
}

export function schemaRef(name: string): string {
  return SCHEMA_REF_PREFIX + name;
}
