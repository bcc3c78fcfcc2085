/**
 * Example verdicts remembered across builds (EditionValidator.validateRemembered):
 * kept while the schema, the example and every definition the schema reaches
 * are the same objects, and found again when a reached definition changes.
 */
import { describe, expect, it } from 'vitest';
import { EditionValidator } from '../../src/ir/validator.js';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import { forEachSchemaNode } from '../../src/ir/schema-walk.js';
import type { EditionModel, SchemaNode } from '../../src/ir/types.js';
import { SPEC } from '../helpers/cli.js';

const model = projectEdition((await loadProgram(SPEC)).program!, 'ietf');

/** Names a schema refers to directly. */
function refs(node: SchemaNode): string[] {
  const out: string[] = [];
  forEachSchemaNode(node, (n) => {
    if (n.type === 'ref') out.push(n.ref);
    if (n.type === 'object') out.push(...(n.extends ?? []));
  });
  return out;
}

/** A named schema with an object example that refers to another named object schema. */
const subject = model.schemas.find((s) => (s.schema.examples ?? []).some((e) => e !== null && typeof e === 'object')
  && refs(s.schema).some((r) => model.schemas.find((x) => x.name === r)?.schema.type === 'object'))!;
const example = subject.schema.examples!.find((e) => e !== null && typeof e === 'object') as object;
const target = refs(subject.schema).find((r) => model.schemas.find((x) => x.name === r)?.schema.type === 'object')!;

/** The model with one named schema replaced. */
function replacing(name: string, make: (s: SchemaNode) => SchemaNode): EditionModel {
  return { ...model, schemas: model.schemas.map((s) => (s.name === name ? { ...s, schema: make(s.schema) } : s)) };
}

describe('remembered example verdicts', () => {
  it('finds a subject in the shipped spec', () => {
    expect(subject, 'a schema with an object example referring to an object schema').toBeDefined();
    expect(new EditionValidator(model).validate(subject.schema, example)).toBeUndefined();
  });

  it('a reached definition that changes is validated again; an unrelated one keeps the verdict', () => {
    expect(new EditionValidator(model).validateRemembered(subject.schema, example)).toBeUndefined();
    // The referenced schema now requires a property no example has.
    const stricter = replacing(target, (s) => {
      const o = s as Extract<SchemaNode, { type: 'object' }>;
      return { ...o, properties: [...o.properties, { name: 'added_for_the_test', required: true, schema: { type: 'string', loc: o.loc }, loc: o.loc } as never] };
    });
    const err = new EditionValidator(stricter).validateRemembered(subject.schema, example);
    expect(err?.keyword).toBe('required');
    expect(err).toEqual(new EditionValidator(stricter).validate(subject.schema, example));
    // Back to the original definitions: valid again.
    expect(new EditionValidator(model).validateRemembered(subject.schema, example)).toBeUndefined();
    // An unrelated schema replaced: the verdict is the remembered one, not recomputed (the same object).
    const unrelated = model.schemas.find((s) => s.name !== target && s.name !== subject.name && !refs(subject.schema).includes(s.name))!;
    const first = new EditionValidator(stricter).validateRemembered(subject.schema, example);
    const withUnrelated = { ...stricter, schemas: stricter.schemas.map((s) => (s.name === unrelated.name ? { ...s, schema: { ...s.schema } } : s)) };
    expect(new EditionValidator(withUnrelated).validateRemembered(subject.schema, example)).toBe(first);
  });
});
