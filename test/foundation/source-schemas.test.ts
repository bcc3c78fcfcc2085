/**
 * The JSON Schemas published for editors (schemas/source/) are the ones the
 * checker uses, and they accept every YAML file in the shipped spec/ — and
 * reject a file with an unknown key, so the test can fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, SPEC } from '../helpers/cli.js';
import { sourceSchemaFiles } from '../../src/source-format/emit.js';
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
