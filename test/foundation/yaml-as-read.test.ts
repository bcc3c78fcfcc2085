/**
 * jsonToYamlAsRead (src/text/yaml-writer.ts) writes a value's YAML and says
 * what a reading of that text gives, so `mxspec import --build` need not
 * read back the spec it has just written. Whatever it says must be exactly
 * what the reader (src/load/yaml-located.ts) makes of the text: the same
 * values and the same position of every collection, key and item. Where
 * the reader would leave its plain path, it must say nothing. Held to that
 * on random values, on the importer's files for the corpus (when ../shared
 * is there), and through loadProgram.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeFast, LocatedYaml, MAX_DEPTH, PLAIN_READ_LIMITS } from '../../src/load/yaml-located.js';
import { jsonToYaml, jsonToYamlAsRead } from '../../src/text/yaml-writer.js';
import { importMatrixSpec } from '../../src/import/index.js';
import { loadProgram, type WrittenYaml } from '../../src/program/load-program.js';
import { CORPUS, copySpec } from '../helpers/cli.js';
import { placesOf } from '../helpers/located.js';

const RUNS = Number(process.env.MXSPEC_PROPERTY_RUNS ?? 3000);

type Json = Parameters<typeof jsonToYaml>[0];

/** The writer's reading of `value` after `prefix`, held to the reader's; returns whether it gave one. */
function readsAsTheReader(value: unknown, prefix = ''): boolean {
  const { text, asRead } = jsonToYamlAsRead(value as Json, PLAIN_READ_LIMITS, prefix);
  expect(text).toBe(prefix + jsonToYaml(value as Json));
  if (!asRead) return false;
  const read = composeFast('t.yaml', text);
  expect(read, `the writer foresaw a reading the plain path does not make:\n${text}`).toBeDefined();
  const foreseen = LocatedYaml.fromValue('t.yaml', text, asRead.value, asRead.places);
  expect(foreseen.value).toStrictEqual(read!.value);
  expect(placesOf(foreseen)).toEqual(placesOf(read!));
  return true;
}

const tricky = fc.constantFrom(
  '', ' ', 'true', 'null', '~', 'yes', '1', '-1', '0x1F', '1e3', '.inf', '2026-11-26', '1:20', '#x', 'a #b', 'a: b', 'a:', '- a', '&a', '*a',
  '!tag', '|', '"q"', '{}', '[a]', '$ref', 'a\n', 'a\n\n', '\n', '\na', ' a\nb', 'a\n b', 'a\n\n\nb\n', 'nel\u0085', 'ls\u2028', 'emoji 😀',
  'lone \ud800', 'trailing ', 'multi\nline \n', 'e0', '__proto__', 'constructor', 'tab\there', 'cr\r\n', 'k'.repeat(1001),
);
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string(), tricky);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer(), fc.double(), text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 4 }),
  ),
})).value;
// Source files are mappings of words: most random values of that shape must get a reading.
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/);
const sourceLike = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double(), word, fc.constantFrom('', 'Line one.\nLine two.\n', 'a: b', '[x]', '{}', 'e0'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(word, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('jsonToYamlAsRead', () => {
  it('foresees the reading exactly, or says nothing, for any JSON value after any comment header', () => {
    let runs = 0;
    let foreseen = 0;
    fc.assert(
      fc.property(fc.oneof(json, fc.array(json, { maxLength: 4 }), fc.dictionary(text, json, { maxKeys: 4 })), fc.constantFrom('', '# header\n', '# one\n#\n# three\n'), (v, prefix) => {
        runs++;
        if (readsAsTheReader(v, prefix)) foreseen++;
      }),
      { numRuns: RUNS },
    );
    // Scalars on top and raw tabs are left out; most values must still be held to the reader.
    expect(foreseen / runs).toBeGreaterThan(0.5);
  });

  it('gives a reading for source-shaped mappings (keys that are words, no tabs)', () => {
    let given = 0;
    fc.assert(
      fc.property(fc.dictionary(word, sourceLike, { minKeys: 1, maxKeys: 5 }), (v) => {
        expect(readsAsTheReader(v, '# Written by a test.\n')).toBe(true);
        given++;
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
    expect(given).toBeGreaterThan(0);
  });

  it('reads what JSON would give back: undefined members dropped, undefined items, -0 and non-finite numbers as JSON writes them', () => {
    const { asRead } = jsonToYamlAsRead({ a: undefined, b: [undefined, -0, NaN, Infinity, 1e21], c: {}, d: [], e: { f: undefined } } as never, PLAIN_READ_LIMITS);
    expect(asRead!.value).toStrictEqual({ b: [null, 0, null, null, 1e21], c: {}, d: [], e: {} });
    expect(readsAsTheReader({ a: undefined, b: [undefined, -0, NaN], c: {}, e: { f: undefined } })).toBe(true);
  });

  it('says nothing where the reader leaves its plain path: a scalar on top, refused or overlong keys, a raw tab, depth, node count', () => {
    const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });
    for (const v of [
      'x', 1, null, JSON.parse('{"__proto__": 1}'), { constructor: 1 }, { prototype: { a: 1 } }, { ['k'.repeat(1001)]: 1 },
      { a: 'a tab\tin a block\n' }, nested(MAX_DEPTH),
    ]) {
      expect(jsonToYamlAsRead(v as Json, PLAIN_READ_LIMITS).asRead, JSON.stringify(v).slice(0, 60)).toBeUndefined();
    }
    // A tab or carriage return on one line is escaped in double quotes, and read on the plain path; an empty collection on top too.
    for (const v of [{ a: 'tab\there' }, { a: 'cr\r\nlf' }, { ['k'.repeat(1000)]: 1 }, {}, []]) expect(readsAsTheReader(v), JSON.stringify(v).slice(0, 60)).toBe(true);
    // One level less is read on the plain path, and foreseen.
    expect(readsAsTheReader(nested(MAX_DEPTH - 1))).toBe(true);
    expect(jsonToYamlAsRead({ a: [1, 2, 3] } as Json, { ...PLAIN_READ_LIMITS, maxNodes: 3 }).asRead).toBeUndefined();
    expect(jsonToYamlAsRead({ a: [1, 2, 3] } as Json, { ...PLAIN_READ_LIMITS, maxNodes: 5 }).asRead).toBeDefined();
  });
});

describe.skipIf(!existsSync(CORPUS))('the importer\'s files for the corpus', () => {
  it.each(['v1.19', 'v1.11'])('every YAML file of an import of %s (all APIs, events) has a reading, and it is the reader\'s', (version) => {
    const { files } = importMatrixSpec(path.join(CORPUS, version), { keepAsRead: true });
    const yaml = files.filter((f) => f.path.endsWith('.yaml'));
    expect(yaml.length).toBeGreaterThan(40);
    for (const f of yaml) {
      expect(f.asRead, f.path).toBeDefined();
      const read = composeFast(f.path, f.content)!;
      const foreseen = LocatedYaml.fromValue(f.path, f.content, f.asRead!.value, f.asRead!.places);
      expect(foreseen.value, f.path).toStrictEqual(read.value);
      expect(placesOf(foreseen), f.path).toEqual(placesOf(read));
    }
    // Without being asked, the import keeps nothing, and writes the same texts.
    const plain = importMatrixSpec(path.join(CORPUS, version), {});
    expect(plain.files.some((f) => f.asRead)).toBe(false);
    expect(plain.files.map((f) => f.content)).toEqual(files.map((f) => f.content));
  });
});

describe('loadProgram with written YAML', () => {
  it('takes a written file as written only while its text is the one written, with the same program and diagnostics as reading it', async () => {
    const spec = path.join(copySpec('mxspec-as-written-'), 'spec');
    const rels = ['schemas/transactions.yaml', 'rpcs/transactions.yaml', 'bindings/transactions.yaml', 'editions.yaml'];
    // Each file's value written again by the writer, as the importer writes its files.
    const values = new Map(rels.map((rel) => [rel, composeFast(rel, readFileSync(path.join(spec, rel), 'utf8'))!.value as Json]));
    const header = '# Rewritten by a test.\n';
    for (const [rel, value] of values) writeFileSync(path.join(spec, rel), jsonToYamlAsRead(value, PLAIN_READ_LIMITS, header).text);
    /** What the writer says of each file: a new reading for each load, as one build takes each value as its own. */
    const written = (): WrittenYaml => new Map([...values].map(([rel, value]) => {
      const { text, asRead } = jsonToYamlAsRead(value, PLAIN_READ_LIMITS, header);
      return [rel, { text, asRead: asRead! }];
    }));

    const read = await loadProgram(spec);
    const taken = await loadProgram(spec, undefined, undefined, { written: written() });
    expect(read.takenAsWritten).toBe(0);
    expect(taken.takenAsWritten).toBe(rels.length);
    expect(taken.diagnostics.sorted()).toEqual(read.diagnostics.sorted());
    expect(taken.program).toEqual(read.program);

    // A file edited after it was written is read from its text, and what is wrong with it reported where it is.
    const edited = path.join(spec, 'schemas/transactions.yaml');
    const before = readFileSync(edited, 'utf8');
    writeFileSync(edited, before.replace(/^( *)type: object$/m, '$1type: objekt'));
    expect(readFileSync(edited, 'utf8')).not.toBe(before);
    const afterEdit = await loadProgram(spec, undefined, undefined, { written: written() });
    expect(afterEdit.takenAsWritten).toBe(rels.length - 1);
    const readAfterEdit = await loadProgram(spec);
    expect(afterEdit.diagnostics.sorted()).toEqual(readAfterEdit.diagnostics.sorted());
    expect(afterEdit.diagnostics.sorted().some((d) => d.loc?.file === 'schemas/transactions.yaml' && d.severity === 'error')).toBe(true);
  });
});
