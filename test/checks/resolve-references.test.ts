/**
 * The `resolve` phase (src/checks/resolve-references.ts) and the check that
 * reports from it (src/checks/rules/references.ts), on copies of the minimal
 * fixture and on the shipped spec; and `--stats`, which times the phase on a
 * line of its own.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import { projectAll } from '../../src/checks/registry.js';
import { resolveReferences, unresolvedReferences } from '../../src/checks/resolve-references.js';
import { modelUses } from '../../src/checks/walk.js';
import { loadProgram } from '../../src/program/load-program.js';
import { ROOT, SPEC, runCliInProcess, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');

/** A copy of the fixture with `file` edited by `fn`. */
function fixtureWith(file: string, fn: (text: string) => string): string {
  const dir = path.join(tempDir('mxspec-resolve-'), 'spec');
  cpSync(FIXTURE, dir, { recursive: true });
  const p = path.join(dir, file);
  const before = readFileSync(p, 'utf8');
  const after = fn(before);
  expect(after, 'the edit changed nothing').not.toBe(before);
  writeFileSync(p, after);
  return dir;
}

async function resolved(dir: string) {
  const { program, diagnostics } = await loadProgram(dir);
  expect(program, diagnostics.items.map((d) => d.message).join('\n')).toBeDefined();
  const models = projectAll(program!);
  return { models, references: resolveReferences(program!, models) };
}

describe('resolve phase', () => {
  it('on the shipped spec, looks up every use of each edition once and finds each where it is defined', async () => {
    const { models, references } = await resolved(SPEC);
    expect(unresolvedReferences(references)).toEqual([]);
    for (const edition of ['ietf', 'matrix-org'] as const) {
      const uses = modelUses(models[edition]);
      expect(uses.length).toBeGreaterThan(100);
      expect(references.byEdition[edition].map((r) => r.use)).toEqual(uses);
    }
    // A binding's target is its RPC: the definition found is that RPC's own location.
    const binding = references.byEdition.ietf.find((r) => r.use.kind === 'rpc' && r.use.what.startsWith('binding '))!;
    const rpc = models.ietf.rpcs.find((r) => r.name === binding.use.target)!;
    expect(binding.resolution).toEqual({ status: 'resolved', definition: rpc.loc });
  });

  it('a target limited to the other edition is found outside this one, for that edition only', async () => {
    const dir = fixtureWith('schemas/core.yaml', (s) => s.replace('  VersionResponse:\n', '  VersionResponse:\n    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n'));
    const { references } = await resolved(dir);
    expect(unresolvedReferences(references).map((r) => [r.edition, r.use.kind, r.use.target, r.resolution.status])).toEqual([['ietf', 'schema', 'VersionResponse', 'other-edition']]);
    const [miss] = unresolvedReferences(references);
    expect(miss!.resolution).toMatchObject({ definition: { file: 'schemas/core.yaml', line: 2 } });
    expect(references.byEdition['matrix-org'].find((r) => r.use.target === 'VersionResponse')!.resolution.status).toBe('resolved');
  });

  it('an unknown target is unresolved in both editions, with the names of its kind as candidates', async () => {
    const dir = fixtureWith('rpcs/core.yaml', (s) => s.replace('ref: VersionResponse', 'ref: VersionRespons'));
    const { references } = await resolved(dir);
    expect(unresolvedReferences(references).map((r) => [r.edition, r.use.target, r.resolution.status])).toEqual([
      ['ietf', 'VersionRespons', 'unknown'],
      ['matrix-org', 'VersionRespons', 'unknown'],
    ]);
    const candidates = unresolvedReferences(references)[0]!.resolution.status === 'unknown' ? unresolvedReferences(references)[0]!.resolution.candidates : [];
    expect(candidates).toContain('VersionResponse');
    expect(candidates).toContain('Envelope');
    expect(candidates).not.toContain('getVersion'); // an RPC, not a schema
  });

  it('the check reports an unknown target once and a missing-in-one-edition target per edition', async () => {
    const unknown = await compile(fixtureWith('rpcs/core.yaml', (s) => s.replace('ref: VersionResponse', 'ref: VersionRespons')), { checkOnly: true });
    expect(unknown.diagnostics.items.filter((d) => d.code === 'MX2001').map((d) => d.message)).toEqual([
      expect.stringMatching(/refers to unknown schema "VersionRespons".*did you mean "VersionResponse"/),
    ]);
    const elsewhere = await compile(fixtureWith('schemas/core.yaml', (s) => s.replace('  VersionResponse:\n', '  VersionResponse:\n    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n')), { checkOnly: true });
    const mx3002 = elsewhere.diagnostics.items.filter((d) => d.code === 'MX3002');
    expect(mx3002.map((d) => d.message)).toEqual([expect.stringMatching(/schema "VersionResponse", which does not exist in edition ietf/)]);
    expect(mx3002[0]!.related?.[0]?.loc).toMatchObject({ file: 'schemas/core.yaml', line: 2 });
  });

  it('mxspec build --stats times each phase in the order the build runs them, resolve between project and check', async () => {
    const out = path.join(tempDir('mxspec-stats-'), 'out');
    const r = await runCliInProcess(['build', '--spec', FIXTURE, '--out', out, '--stats']);
    expect(r.code, r.stderr).toBe(0);
    const phases = [...r.stderr.matchAll(/^ {2}(\S+) +\d+\.\d ms$/gm)].map((m) => m[1]);
    const order = ['load', 'parse', 'assemble', 'project', 'resolve', 'check'];
    expect(phases.slice(0, order.length)).toEqual(order);
    for (const output of ['generate:drafts:ietf', 'generate:openapi:ietf', 'generate:openapi:matrix-org', 'generate:types:ietf', 'generate:types:matrix-org', 'generate:diff']) {
      expect(phases).toContain(output);
    }
    expect(phases.slice(-2)).toEqual(['write', 'total']);
  });
});
