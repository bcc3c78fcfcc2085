/**
 * The types worker runs from its own CommonJS bundle (dist/types-worker.cjs,
 * scripts/tools/bundle-cli.ts), loaded by the thread's entry
 * (generators/types/worker-start.ts) through the code cache. The bundle must
 * be the compiled sources of now, hold one TypeScript compiler for ts-morph
 * and openapi-typescript, and convert a model exactly as the module files
 * do; without it (MXSPEC_BUNDLE=off) the module files run.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const dist = (p: string): string => path.join(ROOT, 'dist', p);
const BUNDLE = dist('types-worker.cjs');
const { ModelSender } = (await import(dist('generators/types/model-transfer.js'))) as typeof import('../../generators/types/model-transfer.js');
const { typesInput } = (await import(dist('generators/types/off-thread.js'))) as typeof import('../../generators/types/off-thread.js');
const { typesFiles } = (await import(dist('generators/types/index.js'))) as typeof import('../../generators/types/index.js');
const { compile } = (await import(dist('src/build/pipeline.js'))) as typeof import('../../src/build/pipeline.js');

type Reply = { id: number; files: { path: string; content: string }[] } | { id: number; error: string };

/**
 * Starts the worker's entry in a thread of its own, as prestart.ts does, and
 * asks it for the types of `model`. Also returns the CommonJS files the
 * thread had loaded by then, and how many TypeScript compilers among them:
 * an eval'd CommonJS entry imports the real one, and its `require.cache` is
 * the thread's.
 */
async function convertInWorker(model: object, env: NodeJS.ProcessEnv): Promise<{ loaded: string[]; compilers: number; reply: Reply }> {
  const entry = pathToFileURL(dist('generators/types/worker-start.js')).href;
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(entry)}).then(() => parentPort.on('message', (m) => {
      if (m !== 'loaded?') return;
      // Distinct compilers among the modules named typescript.js (the module files fill @ts-morph/common's entry with the package's).
      const compilers = new Set(Object.entries(require.cache).filter(([f]) => f.endsWith('typescript.js')).map(([, mod]) => mod.exports));
      parentPort.postMessage({ loaded: Object.keys(require.cache), compilers: compilers.size });
    }));`;
  const worker = new Worker(code, { eval: true, env });
  try {
    // The worker answers every message (the question below with an error), so each wait takes the answer it expects.
    const answer = <T>(test: (m: Record<string, unknown>) => boolean): Promise<T> =>
      new Promise((resolve) => {
        const listen = (m: Record<string, unknown>): void => {
          if (!test(m)) return;
          worker.off('message', listen);
          resolve(m as T);
        };
        worker.on('message', listen);
      });
    const replied = answer<Reply>((m) => m.id === 1);
    worker.postMessage({ id: 1, model: new ModelSender().encode(model as never), options: {} });
    const reply = await replied;
    const told = answer<{ loaded: string[]; compilers: number }>((m) => Array.isArray(m.loaded));
    worker.postMessage('loaded?');
    return { ...(await told), reply };
  } finally {
    await worker.terminate();
  }
}

describe('the types worker bundle', () => {
  it('is what bundling the compiled sources gives now, with one TypeScript compiler loaded by package name', async () => {
    const out = path.join(tempDir('mxspec-worker-bundle-'), 'types-worker.cjs');
    execFileSync(process.execPath, ['--input-type=module', '-e', `const { bundleTypesWorker } = await import(${JSON.stringify(dist('scripts/tools/bundle-cli.js'))}); await bundleTypesWorker(${JSON.stringify(out)});`], { cwd: ROOT });
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text === readFileSync(out, 'utf8'), 'dist/types-worker.cjs is stale: run npm run compile').toBe(true);
    expect(text).not.toContain('import.meta');
    // ts-morph and openapi-typescript are in it; the compiler is required by name, never @ts-morph/common's copy.
    expect(text).toContain('node_modules/ts-morph/dist/ts-morph.js');
    expect(text).toContain('node_modules/openapi-typescript/dist/transform/index.cjs');
    expect(text).not.toMatch(/require\("(ts-morph|openapi-typescript[^"]*|\.\/typescript|@ts-morph\/common[^"]*)"\)/);
    expect(text).toMatch(/require\("typescript"\)/);
    expect(statSync(BUNDLE).size).toBeLessThan(statSync(require.resolve('typescript')).size);
  }, 60_000);

  it('is what the worker thread runs, and it converts a model as the module files do (MXSPEC_BUNDLE=off) and as in-process', async () => {
    const r = await compile(path.join(ROOT, 'spec'), { checkOnly: true });
    const model = typesInput(r.models!['matrix-org']);
    const expected = (await typesFiles(r.models!['matrix-org'])).map((f) => `${f.path}\n${f.content}`);
    const cache = tempDir('mxspec-worker-bundle-cache-');
    const bundled = await convertInWorker(model, { ...process.env, MXSPEC_BUNDLE: '', MXSPEC_CODE_CACHE: cache });
    const modules = await convertInWorker(model, { ...process.env, MXSPEC_BUNDLE: 'off', MXSPEC_CODE_CACHE: cache });
    for (const { reply } of [bundled, modules]) {
      expect('files' in reply, JSON.stringify(reply).slice(0, 500)).toBe(true);
      if ('files' in reply) expect(reply.files.map((f) => `${f.path}\n${f.content}`)).toEqual(expected);
    }
    const compiler = require.resolve('typescript');
    const tsMorph = path.join(ROOT, 'node_modules/ts-morph/dist/ts-morph.js');
    expect(bundled.loaded).toContain(BUNDLE);
    expect(bundled.loaded).toContain(compiler);
    expect(bundled.loaded).not.toContain(tsMorph);
    expect(modules.loaded).not.toContain(BUNDLE);
    expect(modules.loaded).toContain(compiler);
    expect(modules.loaded).toContain(tsMorph);
    // One compiler either way: @ts-morph/common's copy is never compiled.
    expect(bundled.compilers).toBe(1);
    expect(modules.compilers).toBe(1);
  }, 120_000);
});
