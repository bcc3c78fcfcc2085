/**
 * bin/mxspec.js runs the CLI from one CommonJS bundle (dist/mxspec.cjs,
 * scripts/tools/bundle-cli.ts) for start-up time. The bundle must be the
 * compiled sources of now, and running it must give exactly what running the
 * compiled modules gives (MXSPEC_BUNDLE=off).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SPEC, snapshotTree, tempDir } from '../helpers/cli.js';
import { scaleSpec } from '../../scripts/bench/scale-spec.js';
import { compile } from '../../src/build/pipeline.js';

const BUNDLE = path.join(ROOT, 'dist/mxspec.cjs');
const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');

function run(args: string[], bundle: boolean): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, MXSPEC_BUNDLE: bundle ? '' : 'off' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI bundle', () => {
  it('is what bundling the compiled sources gives now', async () => {
    const out = path.join(tempDir('mxspec-bundle-'), 'mxspec.cjs');
    execFileSync(process.execPath, ['--input-type=module', '-e', `const { bundleCli } = await import(${JSON.stringify(path.join(ROOT, 'dist/scripts/tools/bundle-cli.js'))}); await bundleCli(${JSON.stringify(out)});`], { cwd: ROOT });
    expect(readFileSync(BUNDLE, 'utf8') === readFileSync(out, 'utf8'), 'dist/mxspec.cjs is stale: run npm run compile').toBe(true);
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text).not.toContain('import.meta');
    // The modules only the types worker loads stay out of it.
    expect(text).not.toMatch(/require\("(typescript|ts-morph)"\)/);
  }, 60_000);

  it('builds the shipped spec exactly as the compiled modules do', () => {
    const a = path.join(tempDir('mxspec-bundle-a-'), 'out');
    const b = path.join(tempDir('mxspec-bundle-b-'), 'out');
    expect(run(['build', '--out', a], true).code).toBe(0);
    expect(run(['build', '--out', b], false).code).toBe(0);
    expect(snapshotTree(a)).toEqual(snapshotTree(b));
  }, 60_000);

  it.skipIf(availableParallelism() < 2)('reads the YAML of a large spec in a worker thread (found from the bundle) to the outputs of a build that reads it all on one thread (needs two cores)', async () => {
    // 10× is past the offload's 2 M characters of YAML. compile() here runs from the TypeScript sources, where no
    // worker can run: it reads everything on this thread.
    const spec = path.join(tempDir('mxspec-bundle-10x-'), 'spec');
    scaleSpec(SPEC, spec, 10);
    const out = path.join(tempDir('mxspec-bundle-10x-out-'), 'out');
    const r = run(['build', '--spec', spec, '--out', out, '--stats'], true);
    expect(r.code, r.stderr).toBe(0);
    const inWorker = Number(/; (\d+) YAML files read in a worker thread\)/.exec(r.stderr)?.[1]);
    expect(inWorker).toBeGreaterThan(300);
    const oneThread = await compile(spec);
    expect(oneThread.readInWorker).toBe(0);
    // snapshotTree reads bytes as latin1.
    expect(snapshotTree(out)).toEqual(new Map(oneThread.files.map((f) => [f.path, Buffer.from(f.content).toString('latin1')])));
  }, 120_000);

  it('reports a broken spec with the same diagnostics and exit status, and prints the same version and help', () => {
    const dir = path.join(tempDir('mxspec-bundle-broken-'), 'spec');
    execFileSync('cp', ['-r', FIXTURE, dir]);
    const schemas = path.join(dir, 'schemas/core.yaml');
    execFileSync('sh', ['-c', `printf '  Broken: {type: nope}\\n' >> ${JSON.stringify(schemas)}`]);
    for (const args of [['check', '--spec', dir], ['build', '--spec', dir, '--out', path.join(dir, '..', 'out')], ['--version'], ['diff', '--help']]) {
      const withBundle = run(args, true);
      const withModules = run(args, false);
      expect(withBundle, args.join(' ')).toEqual(withModules);
    }
    expect(run(['check', '--spec', dir], true).code).toBe(1);
  }, 60_000);
});
