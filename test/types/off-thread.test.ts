/**
 * The types generator runs in a worker thread during builds, on a copy of
 * the model whose documents keep only the fields it reads. Its output must
 * be exactly what the generator gives in-process on the whole model, and a
 * build must not wait for (or be kept alive by) a worker it does not need.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const dist = (p: string): string => path.join(ROOT, 'dist', p);
const { typesFilesOffThread, useTypesWorkers, releaseTypesWorker, configureTypes } = (await import(dist('generators/types/off-thread.js'))) as typeof import('../../generators/types/off-thread.js');
const { typesFiles } = (await import(dist('generators/types/index.js'))) as typeof import('../../generators/types/index.js');
const { compile } = (await import(dist('src/build/pipeline.js'))) as typeof import('../../src/build/pipeline.js');

describe('types generator off the main thread', () => {
  it('gives byte-identical files to the in-process generator, for both editions', async () => {
    const r = await compile(path.join(ROOT, 'spec'), { checkOnly: true });
    expect(r.models, JSON.stringify(r.diagnostics.sorted().slice(0, 3))).toBeDefined();
    for (const edition of ['ietf', 'matrix-org'] as const) {
      const model = r.models![edition];
      const [fromWorker, inProcess] = await Promise.all([typesFilesOffThread(model), typesFiles(model)]);
      expect(fromWorker.map((f) => f.path)).toEqual(inProcess.map((f) => f.path));
      for (let i = 0; i < inProcess.length; i++) expect(fromWorker[i]!.content, fromWorker[i]!.path).toBe(inProcess[i]!.content);
    }
  });

  it('with one worker per edition (as in watch), after the workers were released, still the same files', async () => {
    const r = await compile(path.join(ROOT, 'spec'), { checkOnly: true });
    const models = [r.models!.ietf, r.models!['matrix-org']];
    const expected = await Promise.all(models.map((m) => typesFiles(m)));
    const contents = (files: { path: string; content: string }[][]): string[][] => files.map((f) => f.map((x) => `${x.path}\n${x.content}`));
    useTypesWorkers(2);
    expect(contents(await Promise.all(models.map((m) => typesFilesOffThread(m))))).toEqual(contents(expected));
    await releaseTypesWorker();
    // Released workers are started again on the next call.
    expect(contents(await Promise.all(models.map((m) => typesFilesOffThread(m))))).toEqual(contents(expected));
    await releaseTypesWorker();
  });

  it('as in watch (models kept by the workers, paths.d.ts piece by piece), the same files on every request', async () => {
    const r = await compile(path.join(ROOT, 'spec'), { checkOnly: true });
    const models = [r.models!.ietf, r.models!['matrix-org']];
    const expected = (await Promise.all(models.map((m) => typesFiles(m)))).map((f) => f.map((x) => `${x.path}\n${x.content}`));
    configureTypes({ rebuilds: true });
    try {
      useTypesWorkers(2);
      // The second request of each edition refers to the elements the worker kept.
      for (let round = 0; round < 2; round++) {
        const got = await Promise.all(models.map((m) => typesFilesOffThread(m)));
        expect(got.map((f) => f.map((x) => `${x.path}\n${x.content}`))).toEqual(expected);
      }
    } finally {
      configureTypes({ rebuilds: false });
      await releaseTypesWorker();
    }
  });

  it('a build that fails in its checks exits with its diagnostics (a worker already at work does not hold it)', () => {
    const dir = tempDir('mxspec-offthread-');
    const spec = path.join(dir, 'spec');
    cpSync(path.join(ROOT, 'test/fixtures/minimal-spec'), spec, { recursive: true });
    // The sources load (so the worker starts and gets the models); the example check then fails.
    const rpcs = path.join(spec, 'rpcs/core.yaml');
    writeFileSync(rpcs, readFileSync(rpcs, 'utf8').replace('version: "1.0"}', 'version: 1}'));
    const r = runCli(['build', '--spec', spec, '--out', path.join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/error MX4001: response example "typical" of \w+ does not validate/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
