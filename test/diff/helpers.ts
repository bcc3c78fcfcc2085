/** Shared by the diff tests: the fixture spec loaded in-process, and small model builders. */
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import type { EditionId, EditionModel, ObjectSchema, Program, Property, SchemaNode, SourceLocation } from '../../src/ir/types.js';

export const FIXTURE = path.join(ROOT, 'test/fixtures/diff/spec');
export const LOC: SourceLocation = { file: 'test.yaml', line: 1, column: 1 };

const programs = new Map<string, Program>();
export async function program(dir = FIXTURE): Promise<Program> {
  let p = programs.get(dir);
  if (!p) {
    const r = await loadProgram(dir);
    if (!r.program || r.diagnostics.hasErrors()) throw new Error(`fixture ${dir} does not load: ${r.diagnostics.items.map((d) => d.message).join('; ')}`);
    p = r.program;
    programs.set(dir, p);
  }
  return p;
}

export async function model(edition: EditionId = 'ietf', dir = FIXTURE): Promise<EditionModel> {
  return projectEdition(await program(dir), edition);
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}

export function prop(name: string, schema: Partial<SchemaNode> & { type: SchemaNode['type'] }, required = false): Property {
  return { name, required, schema: { loc: LOC, ...schema } as SchemaNode, loc: LOC };
}

export function rpc(m: EditionModel, name: string) {
  const r = m.rpcs.find((x) => x.name === name);
  if (!r) throw new Error(`no RPC ${name}`);
  return r;
}
export function binding(m: EditionModel, name: string) {
  const b = m.bindings.find((x) => x.rpc === name);
  if (!b) throw new Error(`no binding ${name}`);
  return b;
}
export function schema(m: EditionModel, name: string): SchemaNode {
  const s = m.schemas.find((x) => x.name === name);
  if (!s) throw new Error(`no schema ${name}`);
  return s.schema;
}
export function obj(node: SchemaNode): ObjectSchema & { loc: SourceLocation } {
  if (node.type !== 'object') throw new Error(`not an object: ${node.type}`);
  return node;
}
export function property(node: SchemaNode, name: string): Property {
  const p = obj(node).properties.find((x) => x.name === name);
  if (!p) throw new Error(`no property ${name}`);
  return p;
}
export function eventType(m: EditionModel, name: string) {
  const e = m.eventTypes.find((x) => x.name === name);
  if (!e) throw new Error(`no event type ${name}`);
  return e;
}
