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
import { decodePlaces, encodePlaces, memberOffset, pushMap, pushSeq, type Place } from '../../src/load/yaml-places.js';

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
    // Laid out as a reader makes them: children first, keys in the order they were written.
    const offsets: number[] = [];
    const at = new Map<object, Place>();
    at.set(inner['10'], { at: pushSeq(offsets, 15, [18, 19]) });
    at.set(inner, { at: pushMap(offsets, 11, [12, 13, 14, 15, 16, 17]), keys: ['z', '10', '2'] });
    at.set(list, { at: pushSeq(offsets, 10, [11, 20]) });
    at.set(value['7'], { at: pushMap(offsets, 31, []), keys: [] });
    at.set(value, { at: pushMap(offsets, 0, [1, 10, 30, 31, 40, 41]), keys: ['b', '7', 'a'] });
    const flat = encodePlaces(value, (o) => at.get(o), offsets)!;
    const back = JSON.parse(JSON.stringify(value)) as typeof value;
    // What each collection answers, on either side of the trip.
    const answers = (offs: ArrayLike<number>, p: Place, obj: object) =>
      [offs[p.at], ...Object.keys(obj).flatMap((k) => {
        const m = Array.isArray(obj) ? Number(k) : k;
        return [k, memberOffset(offs, p, m, false), memberOffset(offs, p, m, true)];
      })];
    const got = new Map<string, unknown[]>();
    decodePlaces(back, flat, (obj, pos, keys) => got.set(JSON.stringify(obj), answers(flat, { at: pos, keys }, obj)));
    expect(got.size).toBe(at.size);
    for (const [obj, p] of at) expect(got.get(JSON.stringify(obj))).toEqual(answers(offsets, p, obj));
    expect(got.get(JSON.stringify(inner))).toEqual([11, '2', 16, 17, '10', 14, 15, 'z', 12, 13]);
    expect(got.get(JSON.stringify(list))).toEqual([10, '0', 11, 11, '1', 20, 20]);
  });

  it('answers no member for a key or item the collection does not have', () => {
    const offsets: number[] = [];
    const seq = { at: pushSeq(offsets, 5, [6, 7]) };
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const map = { at: pushMap(offsets, 0, keys.flatMap((_, i) => [100 + i, 200 + i])), keys };
    expect([2, -1, 0.5, '0'].map((m) => memberOffset(offsets, seq, m, false))).toEqual([undefined, undefined, undefined, undefined]);
    expect(memberOffset(offsets, seq, 1, true)).toBe(7);
    // A long mapping is looked up through an index; a short one by scanning: the same answers.
    expect([memberOffset(offsets, map, 'k39', false), memberOffset(offsets, map, 'k39', true), memberOffset(offsets, map, 'k40', false)]).toEqual([139, 239, undefined]);
  });

  it('refuses values JSON would change, and a list that does not fit the value', () => {
    const one: number[] = [];
    const seq = { at: pushSeq(one, 0, [1]) };
    expect(encodePlaces([NaN], () => seq, one)).toBeUndefined();
    expect(encodePlaces([-0], () => seq, one)).toBeUndefined();
    expect(encodePlaces([Infinity], () => seq, one)).toBeUndefined();
    const empty: number[] = [];
    const map = { at: pushMap(empty, 0, []), keys: [] };
    expect(encodePlaces({ a: [] }, (o) => (Array.isArray(o) ? undefined : map), empty)).toBeUndefined();
    expect(() => decodePlaces([1], [0, 1, 5, 99], () => {})).toThrow(/do not match/);
    expect(() => decodePlaces([1, 2], [0, 1, 5], () => {})).toThrow(/do not match/);
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
    const inWorker = await loadProgram(SPEC, undefined, undefined, { yamlOffloadMinChars: 0 });
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
    const offloaded = strip(await loadProgram(broken, undefined, undefined, { yamlOffloadMinChars: 0 }));
    expect(offloaded.diagnostics.length).toBeGreaterThan(0);
    expect(offloaded).toEqual(strip(await loadProgram(broken)));
  });
});
