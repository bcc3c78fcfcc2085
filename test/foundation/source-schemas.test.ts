/**
 * The JSON Schemas published for editors (schemas/source/) are the ones the
 * checker uses, and they accept every YAML file in the shipped spec/ — and
 * reject a file with an unknown key, so the test can fail. The validators the
 * checker runs are precompiled from the same schemas (validators.generated.ts);
 * the committed module must equal a fresh emit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, SPEC } from '../helpers/cli.js';
import { sourceSchemaFiles } from '../../src/source-format/emit.js';
import { SOURCE_VALIDATORS_FILE, SOURCE_VALIDATOR_OPTIONS, sourceValidatorModule } from '../../src/source-format/emit-validators.js';
import { sourceValidators } from '../../src/source-format/validators.generated.js';
import { FRONT_MATTER_SCHEMA, SOURCE_SCHEMAS } from '../../src/source-format/schemas.js';
import { kindOf } from '../../src/load/read-tree.js';

function specYamlFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(SPEC, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (r.endsWith('.yaml')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

function loadPublished(name: string): object {
  return JSON.parse(readFileSync(path.join(ROOT, 'schemas/source', name), 'utf8')) as object;
}

describe('source-format JSON Schemas', () => {
  it('the committed schemas equal what the source format defines', () => {
    for (const f of sourceSchemaFiles()) {
      expect(readFileSync(path.join(ROOT, 'schemas/source', f.name), 'utf8'), f.name).toBe(f.content);
    }
  });

  it('the committed precompiled validators equal a fresh emit (run `npm run schemas` after editing schemas.ts)', () => {
    expect(readFileSync(path.join(ROOT, SOURCE_VALIDATORS_FILE), 'utf8') === sourceValidatorModule(), `${SOURCE_VALIDATORS_FILE} is stale`).toBe(true);
  });

  it('the precompiled validators report the errors ajv reports for the schemas', () => {
    const schemas: Record<string, object> = { ...SOURCE_SCHEMAS, 'front-matter': FRONT_MATTER_SCHEMA };
    expect(Object.keys(sourceValidators).sort()).toEqual(Object.keys(schemas).sort());
    const ajv = new Ajv2020(SOURCE_VALIDATOR_OPTIONS);
    // Unknown key at the top, a wrong type, a bad enum value: the error kinds validate-source.ts maps.
    const bad = { sumary: 'typo', group: 5, editions: ['ieft'], title: [] };
    for (const [kind, schema] of Object.entries(schemas)) {
      const compiled = ajv.compile(schema);
      const precompiled = sourceValidators[kind as keyof typeof sourceValidators];
      expect(precompiled(bad), kind).toBe(false);
      expect(compiled(bad), kind).toBe(false);
      expect(precompiled.errors, kind).toEqual(compiled.errors);
      expect(precompiled.errors?.some((e) => e.keyword === 'additionalProperties' && e.parentSchema !== undefined), kind).toBe(true);
    }
  });

  const files = specYamlFiles();
  it('spec/ has YAML files of every kind', () => {
    const kinds = new Set(files.map((f) => kindOf(f)));
    for (const k of ['editions', 'references', 'rpc-group', 'binding-group', 'schema-set', 'event-set', 'room-version']) expect(kinds.has(k as never), k).toBe(true);
  });

  for (const rel of files) {
    it(`validates spec/${rel}`, () => {
      const kind = kindOf(rel);
      expect(kind, `${rel} is a known source kind`).toBeDefined();
      const text = readFileSync(path.join(SPEC, rel), 'utf8');
      // The first line names the schema for YAML language servers.
      const m = /^# yaml-language-server: \$schema=(\S+)/.exec(text);
      expect(m, `${rel} names its schema on line 1`).not.toBeNull();
      const schemaPath = path.resolve(path.dirname(path.join(SPEC, rel)), m![1]!);
      expect(path.basename(schemaPath)).toBe(`${kind}.schema.json`);
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      const validate = ajv.compile(loadPublished(`${kind}.schema.json`));
      const ok = validate(parse(text));
      expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });
  }

  it('rejects an unknown key (the schemas are not vacuous)', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(loadPublished('rpc-group.schema.json'));
    expect(validate({ group: { id: 'g', title: 'G', document: 'api' }, rpcs: { x: { summary: 's', request: {}, response: {}, sumary: 'typo' } } })).toBe(false);
  });
});
