/**
 * Large specs' YAML is read in a worker thread (src/load/yaml-offload.ts)
 * and comes back as JSON text plus flat positions (src/load/yaml-places.ts).
 * Where a text was read must never show: the same values, the same location
 * of every key, item and collection, the same diagnostics and the same
 * Program. Worker threads run compiled modules, so this file loads them from
 * dist/ (npm test compiles first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SPEC, copySpec } from '../helpers/cli.js';
import { placesOf } from '../helpers/located.js';
import { decodePlaces, encodePlaces, type MapPlaces, type SeqPlaces } from '../../src/load/yaml-places.js';

type Offload = typeof import('../../src/load/yaml-offload.js');
type Located = typeof import('../../src/load/yaml-located.js');
type Loader = typeof import('../../src/program/load-program.js');
type ReadTree = typeof import('../../src/load/read-tree.js');
type Diags = typeof import('../../src/diagnostics/diagnostic.js');
const dist = (rel: string): string => path.join(ROOT, 'dist', rel);
const { offloadYaml } = (await import(dist('src/load/yaml-offload.js'))) as Offload;
const { parseLocatedYaml } = (await import(dist('src/load/yaml-located.js'))) as Located;
const { loadProgram } = (await import(dist('src/program/load-program.js'))) as Loader;
const { readSpecTree } = (await import(dist('src/load/read-tree.js'))) as ReadTree;
const { DiagnosticBag } = (await import(dist('src/diagnostics/diagnostic.js'))) as Diags;


const yamlSources = async (dir: string) => (await readSpecTree(dir, new DiagnosticBag())).filter((f) => f.kind !== 'document');

describe('yaml-places: positions as a flat list', () => {
  it('round-trips through JSON, integer-like keys (which JSON moves first) included', () => {
    const inner = { z: 1, '10': [true, null], '2': 'two' };
    const list = [inner, 'x'];
    const value = { b: list, '7': {}, a: 'a' };
    const at = new Map<object, MapPlaces | SeqPlaces>([
      [inner, { start: 11, keys: new Map([['z', { key: 12, value: 13 }], ['10', { key: 14, value: 15 }], ['2', { key: 16, value: 17 }]]) }],
      [inner['10'], { start: 15, items: [18, 19] }],
      [list, { start: 10, items: [11, 20] }],
      [value['7'], { start: 31, keys: new Map() }],
      [value, { start: 0, keys: new Map([['b', { key: 1, value: 10 }], ['7', { key: 30, value: 31 }], ['a', { key: 40, value: 41 }]]) }],
    ]);
    const flat = encodePlaces(value, (o) => at.get(o))!;
    const back = JSON.parse(JSON.stringify(value)) as typeof value;
    const got = new Map<string, MapPlaces | SeqPlaces>();
    decodePlaces(back, flat, (obj, p) => got.set(JSON.stringify(obj), p));
    expect(got.size).toBe(at.size);
    for (const [obj, p] of at) expect(got.get(JSON.stringify(obj))).toEqual(p);
  });

  it('refuses values JSON would change, and a list that does not fit the value', () => {
    const arr = [NaN];
    expect(encodePlaces(arr, () => ({ start: 0, items: [1] }))).toBeUndefined();
    expect(encodePlaces([-0], () => ({ start: 0, items: [1] }))).toBeUndefined();
    expect(encodePlaces([Infinity], () => ({ start: 0, items: [1] }))).toBeUndefined();
    expect(encodePlaces({ a: [] }, (o) => (Array.isArray(o) ? undefined : { start: 0, keys: new Map() }))).toBeUndefined();
    expect(() => decodePlaces([1], [0, 1, 5, 99], () => {})).toThrow(/do not match/);
  });
});

describe('offloadYaml: YAML read in a worker thread', () => {
  it('gives every shipped source file the value and locations of a read on this thread', async () => {
    const files = await yamlSources(SPEC);
    // Two cores said, so that the worker runs on any machine: this test is about what it reads.
    const offload = offloadYaml(files, { minChars: 0, cores: 2 })!;
    expect(offload).toBeDefined();
    let taken = 0;
    try {
      for (const [i, f] of files.entries()) {
        const here = parseLocatedYaml(f.rel, f.text, new DiagnosticBag())!;
        const there = await offload.take(i);
        if (!there) {
          // Only what the fast path leaves alone: the files with anchors.
          expect(f.text).toMatch(/: &\w/);
          continue;
        }
        taken++;
        expect(there.value).toEqual(here.value);
        expect(placesOf(there)).toEqual(placesOf(here));
      }
    } finally {
      offload.close();
    }
    expect(taken).toBeGreaterThanOrEqual(files.length - 3);
  });

  it('is not used for little YAML nor on one core, and a closed worker leaves every text to this thread', async () => {
    const files = await yamlSources(SPEC);
    expect(offloadYaml(files)).toBeUndefined();
    expect(offloadYaml(files, { minChars: 0, cores: 1 })).toBeUndefined();
    const offload = offloadYaml(files, { minChars: 0, cores: 2 })!;
    offload.close();
    expect(await offload.take(0)).toBeUndefined();
  });

  it.skipIf(availableParallelism() < 2)('a spec loads to the same Program and diagnostics either way, broken files included (needs two cores)', async () => {
    const strip = (r: Awaited<ReturnType<Loader['loadProgram']>>) => ({ program: r.program, diagnostics: r.diagnostics.items, files: r.files });
    const inWorker = await loadProgram(SPEC, undefined, undefined, 0);
    expect(inWorker.readInWorker).toBeGreaterThan(0);
    expect(strip(inWorker)).toEqual(strip(await loadProgram(SPEC)));

    // Two broken files (one the worker leaves alone, one it reads) and one with a duplicate key.
    const broken = path.join(copySpec('yaml-offload'), 'spec');
    const edit = (rel: string, change: (text: string) => string): void => {
      const file = path.join(broken, rel);
      writeFileSync(file, change(readFileSync(file, 'utf8')));
    };
    edit('rpcs/media.yaml', (t) => `${t}\nnot valid: [yaml\n`);
    edit('schemas/misc-api.yaml', (t) => `${t}\nalso: {broken\n`);
    edit('rpcs/queries.yaml', (t) => `${t}\ntwice: 1\ntwice: 2\n`);
    const offloaded = strip(await loadProgram(broken, undefined, undefined, 0));
    expect(offloaded.diagnostics.length).toBeGreaterThan(0);
    expect(offloaded).toEqual(strip(await loadProgram(broken)));
  });
});
