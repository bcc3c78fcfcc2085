/**
 * mxspec watch reuses generator outputs whose inputs did not change (the
 * generators' `inputKey`). Whatever it reused, out/ after a sequence of
 * edits must be byte for byte what a cold build of the same sources writes.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCliInProcess, snapshotTree, SPEC, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');
const { createIncrementalBuild } = (await import(path.join(ROOT, 'dist/src/watch/incremental-build.js'))) as typeof import('../../src/watch/incremental-build.js');
const { compile } = (await import(path.join(ROOT, 'dist/src/build/pipeline.js'))) as typeof import('../../src/build/pipeline.js');

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text.includes(from), `${file} contains ${from}`).toBe(true);
  writeFileSync(file, text.replace(from, to));
}

async function coldBuild(spec: string): Promise<Map<string, string>> {
  const out = path.join(tempDir('mxspec-cold-'), 'out');
  const r = await runCliInProcess(['build', '--spec', spec, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return snapshotTree(out);
}

/** Generator runs of a rebuild that were reused rather than run ("generate:types:ietf"). */
function reused(timings: { phase: string }[]): string[] {
  return timings.filter((t) => t.phase.endsWith(' (reused)')).map((t) => t.phase.replace(' (reused)', '')).sort();
}

/** A copy of `source` in a new folder, watched: its incremental build after the first (cold) rebuild. */
async function watchedCopy(source: string): Promise<{ spec: string; out: string; b: ReturnType<typeof createIncrementalBuild> }> {
  const dir = tempDir('mxspec-watch-eq-');
  const spec = path.join(dir, 'spec');
  const out = path.join(dir, 'out');
  cpSync(source, spec, { recursive: true });
  const b = createIncrementalBuild({ spec, out });
  expect((await b.rebuild()).ok).toBe(true);
  return { spec, out, b };
}

describe('watch output equals a cold build', () => {
  it('after Markdown, abstract, YAML, broken and reverted edits', async () => {
    const { spec, out, b } = await watchedCopy(FIXTURE);
    const api = path.join(spec, 'documents/api.md');
    const schemas = path.join(spec, 'schemas/core.yaml');

    const steps: { name: string; apply: () => void; ok: boolean; reuses?: string[]; reruns?: string[] }[] = [
      {
        name: 'body paragraph',
        apply: () => edit(api, 'A server MUST answer.', 'A server MUST answer promptly.'),
        ok: true,
        // Only the abstract of the api document reaches openapi.json and the types package.
        reuses: ['generate:openapi:ietf', 'generate:openapi:matrix-org', 'generate:types:ietf', 'generate:types:matrix-org'],
      },
      {
        name: 'abstract (info.description)',
        apply: () => edit(api, 'A small document used to test the toolchain.', 'A small document that tests the toolchain.'),
        ok: true,
        reruns: ['generate:openapi:ietf', 'generate:types:ietf'],
      },
      {
        name: 'schema property description',
        apply: () => edit(schemas, 'Implementation name.', 'Implementation name as reported.'),
        ok: true,
        reruns: ['generate:openapi:ietf', 'generate:openapi:matrix-org', 'generate:types:ietf', 'generate:types:matrix-org'],
      },
      { name: 'broken YAML', apply: () => writeFileSync(schemas, readFileSync(schemas, 'utf8') + '\n  : [unclosed\n'), ok: false },
      { name: 'YAML fixed again', apply: () => writeFileSync(schemas, readFileSync(schemas, 'utf8').replace('\n  : [unclosed\n', '')), ok: true },
      { name: 'body paragraph reverted', apply: () => edit(api, 'A server MUST answer promptly.', 'A server MUST answer.'), ok: true },
    ];
    for (const step of steps) {
      step.apply();
      const r = await b.rebuild();
      expect(r.ok, `${step.name}: ${JSON.stringify(r.diagnostics.slice(0, 3))}`).toBe(step.ok);
      if (!r.ok) continue;
      for (const g of step.reuses ?? []) expect(reused(r.timings), `${step.name} reuses ${g}`).toContain(g);
      for (const g of step.reruns ?? []) expect(reused(r.timings), `${step.name} reruns ${g}`).not.toContain(g);
      expect(snapshotTree(out), `out/ after "${step.name}"`).toEqual(await coldBuild(spec));
    }
  });

  it('after edits in different sections of a long document, parsed in pieces (the shipped spec)', async () => {
    const { spec, out, b } = await watchedCopy(SPEC);
    const api = path.join(spec, 'documents/api.md');
    const steps: [string, () => void][] = [
      ['a paragraph of the introduction', () => edit(api, '# Introduction {#introduction}\n\n', '# Introduction {#introduction}\n\nA sentence added first. ')],
      ['a paragraph of a later section', () => edit(api, '# Media {#media}\n\n', '# Media {#media}\n\nAnother added sentence. ')],
      // A new top-level section moves every cut after it, and every line after it by two.
      ['a new section in the middle', () => edit(api, '# Transactions {#transactions}', '# Added {#added}\n\nNew text.\n\n# Transactions {#transactions}')],
      ['the first edit reverted', () => edit(api, 'A sentence added first. ', '')],
    ];
    for (const [name, apply] of steps) {
      apply();
      const r = await b.rebuild();
      expect(r.ok, `${name}: ${JSON.stringify(r.diagnostics.slice(0, 3))}`).toBe(true);
      expect(r.reparsed).toEqual(['documents/api.md']);
      expect(snapshotTree(out), `out/ after "${name}"`).toEqual(await coldBuild(spec));
    }
  });

  it('reports the diagnostics of a cold build, at the same places, after edits around elements a rebuild keeps (the shipped spec)', async () => {
    const { spec, b } = await watchedCopy(SPEC);
    const file = path.join(spec, 'schemas/transactions.yaml');
    type Shown = { code: string; message: string; loc?: { file: string; line: number; column: number } };
    const shown = (ds: readonly Shown[]): string[] => ds.map((d) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column} ${d.code} ${d.message}`).sort();
    const steps: [string, () => void][] = [
      ['an invalid example', () => edit(file, 'origin_server_ts: 1735689600000}', 'origin_server_ts: "soon"}')],
      ['another schema of the file edited (the invalid one kept)', () => edit(file, 'The unit of live traffic between two homeservers.', 'The unit of live traffic between homeservers.')],
      ['quotes added before it on its line (same values, later columns)', () => edit(file, '- {origin: example.org, origin_server_ts: "soon"}', '- {origin: "example.org", origin_server_ts: "soon"}')],
      ['a line added above it', () => edit(file, '    type: object\n    description: >-\n      Fields shared', '    type: object\n    title: Metadata\n    description: >-\n      Fields shared')],
      ['a schema below it edited again', () => edit(file, 'between homeservers.', 'between two homeservers.')],
    ];
    for (const [name, apply] of steps) {
      apply();
      const r = await b.rebuild();
      const cold = await compile(spec);
      expect(r.ok, name).toBe(false);
      expect(shown(r.diagnostics).some((d) => d.includes('MX4001')), name).toBe(true);
      expect(shown(r.diagnostics), name).toEqual(shown(cold.diagnostics.items));
    }
  });
});
