/**
 * src/ir/validator.ts interprets the JSON Schema that json-schema.ts emits
 * instead of compiling it with ajv. These tests hold it to ajv: on every
 * example of the shipped spec (and of the imported matrix-spec v1.19, when
 * ../shared is present) and on thousands of mutations of them, both must
 * agree on valid/invalid and, when invalid, on the error the check reports
 * (its path, keyword, parameters and message).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import { EditionValidator, describeError, type SchemaViolation } from '../../src/ir/validator.js';
import { EDITION_IDS, type EditionModel, type SchemaNode } from '../../src/ir/types.js';
import { SPEC } from '../helpers/cli.js';
import { CORPUS_V19, CORPUS_V19_PRESENT, importedV19Spec } from '../helpers/imported.js';
import { AjvEditionValidator } from './ajv-oracle.js';

interface Sample {
  what: string;
  node: SchemaNode;
  data: unknown;
}

/** Every (schema, example) pair the examples-validate check looks at. */
function samples(model: EditionModel): Sample[] {
  const out: Sample[] = [];
  for (const r of model.rpcs) {
    for (const ex of r.examples) {
      if (ex.request !== undefined) out.push({ what: `${r.name} request ${ex.name}`, node: r.request, data: ex.request });
      if (ex.response !== undefined) out.push({ what: `${r.name} response ${ex.name}`, node: r.response, data: ex.response });
    }
  }
  for (const s of model.schemas) for (const ex of s.schema.examples ?? []) out.push({ what: `schema ${s.name}`, node: s.schema, data: ex });
  for (const b of model.contentBlocks) for (const ex of b.examples ?? []) out.push({ what: `block ${b.name}`, node: b.schema, data: ex });
  for (const e of model.eventTypes) for (const ex of e.examples ?? []) out.push({ what: `event ${e.name}`, node: e.content, data: (ex as { content?: unknown }).content });
  for (const e of model.eduTypes) {
    for (const ex of e.examples ?? []) {
      const content = (ex as { content?: unknown }).content;
      out.push({ what: `edu ${e.name}`, node: e.content, data: content !== undefined ? content : ex });
    }
  }
  return out;
}

type Json = unknown;

/** Copies of `value` with one thing wrong (or, sometimes, still right) at one place each. */
function mutations(value: Json, limit: number): Json[] {
  const out: Json[] = [];
  const replacementsFor = (v: Json): Json[] => {
    if (Array.isArray(v)) return [{}, 'list', [], v.length ? [...v, v[0]] : [null], v.length ? [v[0], v[0]] : [1, 1]];
    if (v !== null && typeof v === 'object') return [[], 'object', null, { ...v, mx_unexpected_key: 1 }, ...Object.keys(v).map((k) => omit(v as Record<string, Json>, k))];
    if (typeof v === 'string') return [5, '', 'x', '!!not an identifier', '@', `${v}${v}`, null, true];
    if (typeof v === 'number') return ['7', 1.5, -1, 0, 2 ** 60, null, false];
    if (typeof v === 'boolean') return ['true', 0, !v];
    return [0, 'null', {}];
  };
  const walk = (v: Json, rebuild: (replacement: Json) => Json): void => {
    for (const r of replacementsFor(v)) {
      if (out.length >= limit) return;
      out.push(rebuild(r));
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, (r) => rebuild(v.map((x, j) => (j === i ? r : x)))));
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) walk((v as Record<string, Json>)[k], (r) => rebuild({ ...(v as object), [k]: r }));
    }
  };
  walk(value, (r) => r);
  return out;
}

function omit(o: Record<string, Json>, key: string): Record<string, Json> {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

interface Comparison {
  compared: number;
  invalid: number;
  mismatches: string[];
}

function compare(model: EditionModel, mutationsPerSample: number): Comparison {
  const ours = new EditionValidator(model);
  const ajv = new AjvEditionValidator(model);
  const result: Comparison = { compared: 0, invalid: 0, mismatches: [] };
  for (const s of samples(model)) {
    for (const data of [s.data, ...mutations(s.data, mutationsPerSample)]) {
      result.compared++;
      const a = ajv.validate(s.node, data);
      const o = ours.validate(s.node, data);
      if (a) result.invalid++;
      const summary = (e: SchemaViolation | undefined): string => (e ? `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)} | ${describeError(e)}` : 'valid');
      const want = a ? summary({ instancePath: a.instancePath, keyword: a.keyword, params: a.params as Record<string, unknown>, message: a.message ?? '' }) : 'valid';
      const got = summary(o);
      if (want !== got && result.mismatches.length < 10) result.mismatches.push(`${s.what}: ${JSON.stringify(data).slice(0, 200)}\n  ajv:  ${want}\n  ours: ${got}`);
    }
  }
  return result;
}

describe('example validator agrees with ajv', () => {
  let models: Record<string, EditionModel>;
  beforeAll(async () => {
    const built = await compile(SPEC, { checkOnly: true });
    models = built.models as Record<string, EditionModel>;
  });

  for (const edition of EDITION_IDS) {
    it(`shipped spec, ${edition} edition: every example and its mutations get the same verdict and error`, () => {
      const r = compare(models[edition]!, 400);
      expect(r.mismatches).toEqual([]);
      // The mutations must actually exercise the error paths.
      expect(r.compared).toBeGreaterThan(5_000);
      expect(r.invalid).toBeGreaterThan(r.compared / 3);
    });
  }

  const present = CORPUS_V19_PRESENT;
  if (!present) console.warn(`test/checks: skipping the imported-corpus comparison, ${CORPUS_V19} is absent (read from ../shared/corpus/matrix-spec)`);
  it.skipIf(!present)('imported matrix-spec v1.19: same verdicts and errors on its examples and their mutations', async () => {
    const dir = importedV19Spec('mxspec-validator-');
    const built = await compile(dir, { checkOnly: true });
    const r = compare(built.models!['matrix-org'], 150);
    expect(r.mismatches).toEqual([]);
    expect(r.compared).toBeGreaterThan(5_000);
  }, 120_000);

  it('refuses a JSON Schema keyword it does not implement instead of ignoring it', () => {
    const v = new EditionValidator(models['ietf']!);
    expect(v.validateJson({ type: 'integer', minimum: 2 }, 1)?.keyword).toBe('minimum');
    expect(() => v.validateJson({ type: 'integer', multipleOf: 2 }, 3)).toThrow(/keyword "multipleOf" is not supported/);
    expect(() => v.validateJson({ items: { if: { type: 'string' } } }, [1])).toThrow(/keyword "if" is not supported/);
  });
});
