/**
 * openapi.yaml and the source files `mxspec import` writes are written by
 * our own JSON-to-YAML writer (src/text/yaml-writer.ts); what it writes must
 * read back, with the `yaml` library as a YAML 1.2 and as a YAML 1.1
 * reader, as exactly the JSON value it was given.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { jsonToYaml } from '../../src/text/yaml-writer.js';
import { yamlFile } from '../../src/import/emit.js';
import { openApiFiles } from '../../generators/openapi/index.js';
import { EDITION_IDS } from '../../src/ir/types.js';
import { editionModels, SPEC } from '../openapi/helpers.js';

function readBack(text: string, version: '1.1' | '1.2'): unknown {
  return parse(text, { version, uniqueKeys: true, maxAliasCount: 0 });
}

const tricky = fc.constantFrom(
  '', ' ', 'true', 'False', 'null', '~', 'yes', 'No', 'on', 'y', '1', '-1', '0x1F', '1e3', '.inf', '.NaN', '2026-11-26', '1:20', '3.1.0',
  '#x', 'a #b', 'a: b', 'a:', ':a', '- a', '? a', '&a', '*a', '!tag', '|', '>', "'q'", '"q"', '%x', '@x', '`x', '{}', '[a]', '$ref', '^a$',
  'a\n', 'a\n\n', '\n', '\na', ' a\nb', 'a\n b', 'a\n\n\nb\n', 'tab\there', '\ta\nb', 'cr\r\n', 'nel\u0085', 'ls\u2028', 'bom\ufeff', 'del\u007f',
  'emoji 😀', 'lone \ud800', 'nbsp\u00a0', 'trailing ', 'multi\nline \n', '<<', '=', 'e0', 'E-3', 'e+10', 'e1.5',
);
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), tricky);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d)), text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('jsonToYaml', () => {
  it('reads back as the same value (YAML 1.2 and 1.1), for any JSON value', () => {
    fc.assert(
      fc.property(json, (v) => {
        const expected = JSON.parse(JSON.stringify(v));
        const y = jsonToYaml(v as never);
        expect(readBack(y, '1.2')).toEqual(expected);
        expect(readBack(y, '1.1')).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('writes each tricky string so it reads back as itself, as a value and as a key', () => {
    fc.assert(
      fc.property(tricky, (s) => {
        const v = { [s]: s, list: [s, { [s]: [s] }] };
        expect(readBack(jsonToYaml(v), '1.2')).toEqual(v);
        expect(readBack(jsonToYaml(v), '1.1')).toEqual(v);
      }),
    );
  });

  it('drops undefined members as JSON does, and writes empty collections inline', () => {
    const v = { a: undefined, b: {}, c: [], d: { e: undefined } };
    expect(readBack(jsonToYaml(v as never), '1.2')).toEqual({ b: {}, c: [], d: {} });
  });
});

describe('openapi.yaml of the shipped spec', () => {
  it.each(EDITION_IDS)('parses to the same value as openapi.json (%s)', async (edition) => {
    const models = await editionModels(SPEC);
    const [jsonFile, yamlFile] = openApiFiles(models[edition]);
    expect(yamlFile.path).toBe(`${edition}/openapi.yaml`);
    expect(readBack(yamlFile.content, '1.2')).toEqual(JSON.parse(jsonFile.content));
    expect(readBack(yamlFile.content, '1.1')).toEqual(JSON.parse(jsonFile.content));
  });

  it('writes the importer\'s source files: the header as comments, then the value, which reads back as given', () => {
    const value = { group: { id: 'g', title: 'A: title' }, rpcs: [{ name: 'x', description: 'Line one.\nLine two.\n', errors: [] }], note: '#not a comment' };
    const text = yamlFile('Written by mxspec import.\nSecond line.', value).content;
    expect(text.startsWith('# Written by mxspec import.\n# Second line.\ngroup:\n')).toBe(true);
    expect(readBack(text, '1.2')).toEqual(value);
  });
});
