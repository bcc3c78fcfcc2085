/**
 * The OpenAPI generator's YAML writer remembers the text of objects shared
 * between documents (src/text/yaml-writer.ts). Whatever it remembers,
 * openapi.yaml must be exactly what the writer gives without remembering —
 * also when one shared object appears at several depths, and after the
 * objects were serialised before. (openapi.json is the engine's
 * JSON.stringify, which remembers nothing.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonToYaml } from '../../src/text/yaml-writer.js';
import { buildOpenApiDocument, isSharedOpenApiObject } from '../../generators/openapi/document.js';
import { openApiFiles } from '../../generators/openapi/index.js';
import { projectEdition } from '../../src/editions/project.js';
import { loadProgram } from '../../src/program/load-program.js';
import { SPEC } from './helpers.js';

type Json = Parameters<typeof jsonToYaml>[0];

const key = fc.oneof(fc.string(), fc.constantFrom('', 'a', '"q"', '\n', 'ü', '__proto__x', '0', '1e3'));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** The value with one of its objects placed again at a deeper level, so a remembered text is asked for at two depths. */
function withRepeat(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  return { first: v, nested: { deeper: [v, { again: v }] } };
}

const everything = (): boolean => true;

describe('YAML serialiser', () => {
  it('remembering every object changes nothing, also at several depths, in lists and on the second serialisation', () => {
    fc.assert(fc.property(json, (raw) => {
      const v = withRepeat(raw) as Json;
      const expected = jsonToYaml(v);
      expect(jsonToYaml(v, { shared: everything })).toBe(expected);
      expect(jsonToYaml(v, { shared: everything })).toBe(expected);
    }), { numRuns: 1000 });
  });
});

describe('shared component schemas of the OpenAPI document', () => {
  it('a document built again from a new projection of the same sources shares every component schema object', async () => {
    const program = (await loadProgram(SPEC)).program!;
    const schemas = (doc: ReturnType<typeof buildOpenApiDocument>): Record<string, object> => (doc.components as { schemas: Record<string, object> }).schemas;
    const a = schemas(buildOpenApiDocument(projectEdition(program, 'ietf')));
    const b = schemas(buildOpenApiDocument(projectEdition(program, 'ietf')));
    const names = Object.keys(a).filter((n) => n !== 'Error' || isSharedOpenApiObject(a[n]!));
    expect(names.length).toBeGreaterThan(50);
    for (const n of names) {
      expect(b[n], n).toBe(a[n]);
      expect(isSharedOpenApiObject(a[n]!)).toBe(true);
      expect(Object.isFrozen(a[n]), 'shared objects are frozen in the tests').toBe(true);
    }
  });
});

describe('shared operations of the OpenAPI document', () => {
  it('an operation is rebuilt when a named schema its request is laid out from changes, and only then', async () => {
    const program = (await loadProgram(SPEC)).program!;
    const model = projectEdition(program, 'ietf');
    const ops = (doc: ReturnType<typeof buildOpenApiDocument>): Map<string, object> => {
      const out = new Map<string, object>();
      for (const item of Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>)) for (const op of Object.values(item)) out.set(op.operationId, op);
      return out;
    };
    const before = ops(buildOpenApiDocument(model));
    const send = model.rpcs.find((r) => r.request.type === 'object' && r.request.extends?.length);
    expect(send, 'an RPC whose request extends a named schema').toBeDefined();
    const base = (send!.request as { extends: string[] }).extends[0]!;
    // The base schema as a new object (as after an edit of its file), its content unchanged.
    const edited = { ...model, schemas: model.schemas.map((x) => (x.name === base ? { ...x } : x)) };
    const doc = buildOpenApiDocument(edited);
    const after = ops(doc);
    expect(after.get(send!.name)).not.toBe(before.get(send!.name));
    expect(after.get(send!.name)).toEqual(before.get(send!.name));
    const others = [...after].filter(([name]) => name !== send!.name);
    expect(others.length).toBeGreaterThan(20);
    for (const [name, op] of others) expect(op, name).toBe(before.get(name));
    // And the text is what a build from unshared objects writes.
    const fresh = buildOpenApiDocument(structuredClone(edited));
    expect(openApiFiles(edited, doc)[0]!.content).toBe(openApiFiles(edited, fresh)[0]!.content);
    expect(jsonToYaml(doc, { shared: isSharedOpenApiObject })).toBe(jsonToYaml(fresh));
  });
});
