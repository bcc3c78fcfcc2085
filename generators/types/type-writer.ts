/**
 * Writes TypeScript type expressions and declarations for IR schema nodes
 * into a ts-morph CodeBlockWriter. Everything a file holds is written as
 * text in one pass; no AST node is created or edited one by one.
 *
 * Objects are open unless the schema closes them (`additionalProperties:
 * false`): Matrix lets senders add fields, so an open object gets an index
 * signature `[key: string]: unknown` — the same reading openapi-typescript
 * gives the OpenAPI document with its `additionalProperties` option.
 */
import type { CodeBlockWriter } from 'ts-morph';
import type { ObjectSchema, Property, SchemaNode } from '../../src/ir/types.js';
import { writeDoc, type DocInput } from './jsdoc.js';
import { blockTypeName, FORMAT_TYPES, propertyKey, stringLiteral, TIMESTAMP_TYPE } from './naming.js';

/** full = the data model; read = as received (no writeOnly fields); write = as sent (no readOnly fields). */
export type Mode = 'full' | 'read' | 'write';

export interface TypeContext {
  /** The declared name of a named schema in a mode. */
  schemaName(name: string, mode: Mode): string;
}

function literal(v: string | number | boolean | null): string {
  return typeof v === 'string' ? stringLiteral(v) : String(v);
}

function isSimple(node: SchemaNode): boolean {
  if (node.nullable) return false;
  switch (node.type) {
    case 'ref': case 'block': case 'boolean': case 'null': case 'any': case 'binary':
      return true;
    case 'string': case 'integer': case 'number':
      return !node.enum || node.enum.length <= 1;
    default:
      return false;
  }
}

export function includeProperty(p: Property, mode: Mode): boolean {
  if (mode === 'write' && p.schema.readOnly) return false;
  if (mode === 'read' && p.schema.writeOnly) return false;
  return true;
}

export function writeType(w: CodeBlockWriter, node: SchemaNode, ctx: TypeContext, mode: Mode): void {
  switch (node.type) {
    case 'ref':
      w.write(ctx.schemaName(node.ref, mode));
      break;
    case 'block':
      w.write(blockTypeName(node.block));
      break;
    case 'object':
      for (const base of node.extends ?? []) w.write(`${ctx.schemaName(base, mode)} & `);
      writeObjectLiteral(w, node, ctx, mode);
      break;
    case 'array':
      if (isSimple(node.items)) {
        writeType(w, node.items, ctx, mode);
        w.write('[]');
      } else {
        w.write('Array<');
        writeType(w, node.items, ctx, mode);
        w.write('>');
      }
      break;
    case 'map':
      w.write('Record<string, ');
      writeType(w, node.values, ctx, mode);
      w.write('>');
      break;
    case 'string':
      if (node.const !== undefined) w.write(literal(node.const));
      else if (node.enum?.length) w.write(node.enum.map((e) => literal(e.value)).join(' | '));
      else w.write(node.format ? FORMAT_TYPES[node.format] : 'string');
      break;
    case 'integer':
    case 'number':
      if (node.const !== undefined) w.write(literal(node.const));
      else if (node.enum?.length) w.write(node.enum.map((e) => literal(e.value)).join(' | '));
      else w.write(node.format === 'timestamp' ? TIMESTAMP_TYPE : 'number');
      break;
    case 'boolean':
      w.write(node.const !== undefined ? String(node.const) : 'boolean');
      break;
    case 'null':
      w.write('null');
      break;
    case 'any':
      w.write('unknown');
      break;
    case 'binary':
      w.write('string');
      break;
    case 'union':
      if (!node.oneOf.length) w.write('never');
      node.oneOf.forEach((m, i) => {
        if (i) w.write(' | ');
        writeType(w, m, ctx, mode);
      });
      break;
  }
  if (node.nullable && node.type !== 'null') w.write(' | null');
}

/** The members of an object type: documented properties and the index signature. */
export function writeObjectMembers(w: CodeBlockWriter, node: ObjectSchema, ctx: TypeContext, mode: Mode): void {
  for (const p of node.properties) {
    if (!includeProperty(p, mode)) continue;
    writeDoc(w, { node: p.schema, lifecycle: p.lifecycle, port: p.port });
    w.write(`${propertyKey(p.name)}${p.required ? '' : '?'}: `);
    writeType(w, p.schema, ctx, mode);
    w.write(';').newLine();
  }
  if (node.additionalProperties === false) return;
  if (node.additionalProperties) {
    writeDoc(w, { node: node.additionalProperties });
    w.write('[key: string]: ');
    writeType(w, node.additionalProperties, ctx, mode);
    // Optional fields read as `T | undefined`, which the index signature has to admit.
    const optional = node.properties.some((p) => !p.required && includeProperty(p, mode));
    if (optional && node.additionalProperties.type !== 'any') w.write(' | undefined');
    w.write(';').newLine();
  } else {
    w.writeLine('[key: string]: unknown;');
  }
}

function writeObjectLiteral(w: CodeBlockWriter, node: ObjectSchema, ctx: TypeContext, mode: Mode): void {
  const members = node.properties.filter((p) => includeProperty(p, mode));
  if (!members.length && node.additionalProperties === false) {
    w.write('Record<string, never>');
    return;
  }
  w.write('{').newLine();
  w.indent(() => writeObjectMembers(w, node, ctx, mode));
  w.write('}');
}

/** `export interface` for plain objects, `export type` for everything else. */
export function writeNamedType(w: CodeBlockWriter, name: string, node: SchemaNode, ctx: TypeContext, mode: Mode, doc: DocInput): void {
  w.blankLineIfLastNot();
  writeDoc(w, { ...doc, node: doc.node ?? node });
  const closedEmpty = node.type === 'object' && node.additionalProperties === false && !node.extends?.length
    && !node.properties.some((p) => includeProperty(p, mode));
  if (node.type === 'object' && !node.nullable && !closedEmpty) {
    const bases = (node.extends ?? []).map((b) => ctx.schemaName(b, mode));
    w.write(`export interface ${name}${bases.length ? ` extends ${bases.join(', ')}` : ''} {`).newLine();
    w.indent(() => writeObjectMembers(w, node, ctx, mode));
    w.writeLine('}');
    return;
  }
  w.write(`export type ${name} = `);
  writeType(w, node, ctx, mode);
  w.write(';').newLine();
}
