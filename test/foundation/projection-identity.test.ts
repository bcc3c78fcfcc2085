/**
 * Projection gives the same object for an unchanged element
 * (src/editions/project.ts), which the watch-mode memos rely on to tell
 * unchanged elements by identity; and in the tests every projected model is
 * frozen, so a generator or check that changes one fails.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgram, type ParseCache } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import type { EditionModel, Program } from '../../src/ir/types.js';
import { SPEC, tempDir } from '../helpers/cli.js';
import { findPropertyDescriptionLine } from '../../scripts/bench/watch-probe.js';

async function load(spec: string, cache?: ParseCache): Promise<Program> {
  const r = await loadProgram(spec, cache);
  expect(r.diagnostics.hasErrors()).toBe(false);
  return r.program!;
}

const ELEMENT_LISTS = ['documents', 'rpcs', 'bindings', 'schemas', 'contentBlocks', 'eventTypes', 'eduTypes', 'roomVersions'] as const;

describe('projection identity', () => {
  it('projecting the same program again gives a new model of the same element objects', async () => {
    const program = await load(SPEC);
    for (const edition of ['ietf', 'matrix-org'] as const) {
      const a = projectEdition(program, edition);
      const b = projectEdition(program, edition);
      expect(a).not.toBe(b);
      for (const list of ELEMENT_LISTS) {
        expect(a[list].length, list).toBeGreaterThan(0);
        a[list].forEach((el, i) => expect(b[list][i], `${edition} ${list}[${i}]`).toBe(el));
      }
    }
    // Editions do not share projections of an element with edition-specific parts.
    const ietf = projectEdition(program, 'ietf');
    const mx = projectEdition(program, 'matrix-org');
    const doc = (m: EditionModel): unknown => m.documents.find((d) => d.id === 'api');
    expect(doc(ietf)).not.toBe(doc(mx));
  });

  it('an element the editions agree on is one object in both; one with anything scoped to editions is projected for each', async () => {
    const program = await load(SPEC);
    const ietf = projectEdition(program, 'ietf');
    const mx = projectEdition(program, 'matrix-org');
    // Anything projection treats per edition: an `editions` list or `variants` at any depth, or an :::edition block.
    // Authors' data (examples, defaults) is not looked into: a key there is theirs.
    const DATA = new Set(['example', 'examples', 'default', 'const', 'loc', 'position']);
    const scoped = (v: unknown): boolean => {
      if (Array.isArray(v)) return v.some(scoped);
      if (!v || typeof v !== 'object') return false;
      const o = v as Record<string, unknown>;
      if (o.editions !== undefined || o.variants !== undefined) return true;
      if (o.type === 'containerDirective' && o.name === 'edition') return true;
      return Object.entries(o).some(([k, x]) => !DATA.has(k) && scoped(x));
    };
    const lists = {
      documents: (d: { id: string }) => d.id,
      rpcs: (r: { name: string }) => r.name,
      bindings: (b: { method: string; path: string }) => `${b.method} ${b.path}`,
      schemas: (s: { name: string }) => s.name,
      contentBlocks: (b: { name: string }) => b.name,
      eventTypes: (e: { name: string }) => e.name,
      eduTypes: (e: { name: string }) => e.name,
    } as const;
    const counts = { shared: 0, apart: 0 };
    for (const [list, keyOf] of Object.entries(lists) as [keyof typeof lists, (x: never) => string][]) {
      const other = new Map((mx[list] as object[]).map((el) => [keyOf(el as never), el]));
      const sources = new Map((program[list] as object[]).map((el) => [keyOf(el as never), el]));
      for (const el of ietf[list] as object[]) {
        const key = keyOf(el as never);
        const twin = other.get(key);
        if (!twin) continue;
        const isScoped = scoped(sources.get(key));
        expect(twin === el, `${list} ${key}: ${isScoped ? 'scoped, so projected apart' : 'unscoped, so shared'}`).toBe(!isScoped);
        counts[twin === el ? 'shared' : 'apart']++;
      }
    }
    // The shipped spec has both kinds.
    expect(counts.shared).toBeGreaterThan(50);
    expect(counts.apart).toBeGreaterThan(10);
  });

  it('after an edit, only the elements of the edited file are new', async () => {
    const dir = tempDir('mxspec-projection-');
    const spec = path.join(dir, 'spec');
    cpSync(SPEC, spec, { recursive: true });
    const cache: ParseCache = new Map();
    const before = projectEdition(await load(spec, cache), 'ietf');
    const file = path.join(spec, 'schemas/transactions.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[findPropertyDescriptionLine(lines.join('\n'))] += ' Edited.';
    writeFileSync(file, lines.join('\n'));
    const after = projectEdition(await load(spec, cache), 'ietf');
    const fromEdited = (s: { loc: { file: string } }): boolean => s.loc.file === 'schemas/transactions.yaml';
    const changed = after.schemas.filter((s, i) => s !== before.schemas[i]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every(fromEdited)).toBe(true);
    expect(after.schemas.filter((s) => !fromEdited(s)).every((s) => before.schemas.includes(s))).toBe(true);
    for (const list of ['documents', 'rpcs', 'bindings', 'eventTypes', 'roomVersions'] as const) {
      after[list].forEach((el, i) => expect(el, `${list}[${i}]`).toBe(before[list][i]));
    }
  });

  it('models are frozen in the tests, so changing one throws', async () => {
    expect(process.env.MXSPEC_FREEZE_MODELS).toBe('1');
    const model = projectEdition(await load(SPEC), 'ietf');
    const schema = model.schemas[0]!;
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(schema.schema)).toBe(true);
    expect(() => {
      (schema as { description?: string }).description = 'changed';
    }).toThrow(TypeError);
    expect(() => model.rpcs.push(model.rpcs[0]!)).toThrow(TypeError);
  });
});
