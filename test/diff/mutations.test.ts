/**
 * Mutation test: each single edit of mutations.ts, applied to a fresh copy
 * of the shipped spec, must make the diff (original -> edited, same edition)
 * report the rule it names, and nothing unclassified. Loading is in-process
 * with a shared parse cache, so only the edited file is parsed again.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/diff.js';
import { projectEdition } from '../../src/editions/project.js';
import type { EditionModel, Program } from '../../src/ir/types.js';
import { loadProgram, type ParseCache } from '../../src/program/load-program.js';
import { SPEC } from '../helpers/cli.js';
import { MUTATIONS } from './mutations.js';

const cache: ParseCache = new Map();
let original: Program;
const work = mkdtempSync(path.join(tmpdir(), 'mxspec-mutations-'));

beforeAll(async () => {
  const r = await loadProgram(SPEC, cache);
  expect(r.diagnostics.hasErrors(), r.diagnostics.items.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`).join('\n')).toBe(false);
  original = r.program!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('mutations of the shipped spec', () => {
  it('has at least 30 different edits', () => {
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(MUTATIONS.map((m, i) => [m.name, m.rule, i] as const))('%s -> %s', async (_name, rule, i) => {
    const m = MUTATIONS[i]!;
    const dir = path.join(work, `m${i}`);
    cpSync(SPEC, dir, { recursive: true });
    expect(m.apply(dir), 'the edit found nothing to change in the current spec').toBe(true);
    // A copy of the original's cache: only the edited file is parsed again.
    const r = await loadProgram(dir, new Map(cache));
    expect(r.diagnostics.hasErrors(), r.diagnostics.items.filter((d) => d.severity === 'error').map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`).join('\n')).toBe(false);
    const edition = m.edition ?? 'matrix-org';
    const before: EditionModel = projectEdition(original, edition);
    const after: EditionModel = projectEdition(r.program!, edition);
    const d = diffModels(before, after);
    expect(d.changes.map((c) => c.rule), JSON.stringify(d.changes.map((c) => `${c.rule} ${c.path} ${c.message}`), null, 1)).toContain(rule);
    expect(d.changes.filter((c) => c.rule === 'unclassified')).toEqual([]);
    // And back: the reverse diff is classified too.
    expect(diffModels(after, before).changes.filter((c) => c.rule === 'unclassified')).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
