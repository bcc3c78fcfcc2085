/**
 * The V8 code cache (src/runtime/code-cache.ts). Each case loads modules in
 * a fresh child process, as a build does, because the cache hooks the
 * process's CommonJS loader.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_CACHED_SOURCE_BYTES, SETTLED_MS, codeCacheDir, settledIdentity } from '../../src/runtime/code-cache.js';
import { HEAP_GROWING_PERCENT } from '../../src/cli/heap-growth.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  enabled: boolean;
  exports: { answer: number; helper: string; self: boolean; file: string; dir: string; label: string };
  stats: { hits: number; misses: number; written: number; hashed: number };
}

let work: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'mxspec-code-cache-'));
  cacheDir = path.join(work, 'cache');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A CommonJS module above the size threshold: real code, padded with a long string table. */
function writeLargeModule(file: string, label = 'one'): void {
  const table = Array.from({ length: 4000 }, (_, i) => `  'entry-${i}-${'x'.repeat(8)}',`).join('\n');
  const text = `#!/usr/bin/env node
'use strict';
const helper = require('./helper.cjs');
const TABLE = [
${table}
];
function answer() { return TABLE.length / 100 + 2; }
module.exports = { answer: answer(), helper: helper.name, self: this === module.exports, file: __filename, dir: __dirname, label: '${label}' };
`;
  expect(text.length).toBeGreaterThan(MIN_CACHED_SOURCE_BYTES);
  writeFileSync(file, text);
  writeFileSync(path.join(path.dirname(file), 'helper.cjs'), "module.exports = { name: 'helper' };\n");
}

/** A V8 flag the CLI changes at run time on large specs (src/cli/heap-growth.ts), set before the file loads or after. */
type FlagChange = 'before-load' | 'before-save';
const CHANGE_FLAG = `(await import('node:v8')).default.setFlagsFromString('--heap-growing-percent=${HEAP_GROWING_PERCENT}');`;

function load(file: string, env: Record<string, string | undefined> = { MXSPEC_CODE_CACHE: cacheDir }, flag?: FlagChange): Run {
  const script = `
    const { createRequire } = await import('node:module');
    const cc = await import(${JSON.stringify(path.join(root, 'dist/src/runtime/code-cache.js'))});
    const enabled = cc.enableCodeCache();
    ${flag === 'before-load' ? CHANGE_FLAG : ''}
    const exports = createRequire(import.meta.url)(${JSON.stringify(file)});
    ${flag === 'before-save' ? CHANGE_FLAG : ''}
    cc.saveCodeCache();
    console.log(JSON.stringify({ enabled, exports, stats: cc.codeCacheStats() }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: work,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return JSON.parse(out) as Run;
}

function entries(): string[] {
  const dir = codeCacheDir({ MXSPEC_CODE_CACHE: cacheDir })!;
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('V8 code cache for large CommonJS files', () => {
  it('the first process compiles from source and writes an entry; the next one loads the bytecode, with the same exports', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file);
    const first = load(file);
    expect(first.enabled).toBe(true);
    expect(first.stats).toEqual({ hits: 0, misses: 1, written: 1, hashed: 1 });
    expect(entries()).toHaveLength(1);
    const second = load(file);
    // Just written, the file is not settled: its entry is checked by the hash of its text.
    expect(second.stats).toEqual({ hits: 1, misses: 0, written: 0, hashed: 1 });
    expect(second.exports).toEqual(first.exports);
    // What Node's own loader passes to a module: `this`, require relative to the file, __filename, __dirname.
    expect(first.exports).toEqual({ answer: 42, helper: 'helper', self: true, file, dir: work, label: 'one' });
  });

  it('an edited file of the same length is compiled from its new source, not from the old bytecode', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file, 'one');
    load(file);
    writeLargeModule(file, 'two'); // same length: V8's own check (source length) would accept the old entry
    const after = load(file);
    expect(after.exports.label).toBe('two');
    expect(after.stats).toMatchObject({ hits: 0, misses: 1, written: 1 });
    expect(load(file).stats).toMatchObject({ hits: 1, misses: 0 });
  });

  it('a damaged entry is ignored and replaced, never trusted or fatal', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file);
    load(file);
    const [name] = entries();
    const entry = path.join(codeCacheDir({ MXSPEC_CODE_CACHE: cacheDir })!, name!);
    const blob = readFileSync(entry);
    const header = blob.subarray(0, blob.indexOf(0x0a) + 1);
    // A valid header over bytes V8 must reject, then bytes with no header at all.
    for (const damaged of [Buffer.concat([header, Buffer.alloc(4096, 7)]), Buffer.from('not a cache entry')]) {
      writeFileSync(entry, damaged);
      const run = load(file);
      expect(run.exports.answer).toBe(42);
      expect(run.stats).toMatchObject({ hits: 0, misses: 1, written: 1 });
    }
    expect(load(file).stats).toMatchObject({ hits: 1 });
  });

  it('a V8 flag changed while the process runs gets entries of its own, so builds with and without it do not undo each other', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file);
    const env = { MXSPEC_CODE_CACHE: cacheDir };
    expect(load(file).stats).toMatchObject({ hits: 0, misses: 1, written: 1 });
    // V8 would reject the first entry under the changed flag: a second entry is made beside it, not over it.
    expect(load(file, env, 'before-load').stats).toMatchObject({ hits: 0, misses: 1, written: 1 });
    expect(entries()).toHaveLength(2);
    for (let i = 0; i < 2; i++) {
      expect(load(file).stats).toMatchObject({ hits: 1, misses: 0, written: 0 });
      expect(load(file, env, 'before-load').stats).toMatchObject({ hits: 1, misses: 0, written: 0 });
    }
  });

  it('bytecode compiled before a flag change and saved after it is kept under the flags it was saved with', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file);
    const env = { MXSPEC_CODE_CACHE: cacheDir };
    // Compiled under the default flags, written once the flag changed (as a worker loading while the CLI sets it).
    expect(load(file, env, 'before-save').stats).toMatchObject({ hits: 0, misses: 1, written: 1 });
    expect(load(file, env, 'before-load').stats).toMatchObject({ hits: 1, misses: 0, written: 0 });
    expect(load(file).stats).toMatchObject({ hits: 0, misses: 1, written: 1 });
    expect(load(file).stats).toMatchObject({ hits: 1, misses: 0 });
    // The default flags' entry was made beside the other one, which still serves.
    expect(load(file, env, 'before-load').stats).toMatchObject({ hits: 1, misses: 0 });
  });

  it('files under the size threshold load as usual and are not cached', () => {
    const file = path.join(work, 'small.cjs');
    writeFileSync(file, "module.exports = { answer: 42, helper: 'none', self: true, file: __filename, dir: __dirname, label: 'small' };\n");
    const run = load(file);
    expect(run.exports.label).toBe('small');
    expect(run.stats).toEqual({ hits: 0, misses: 0, written: 0, hashed: 0 });
    expect(entries()).toEqual([]);
  });

  // Node 20.19 and later let require() load an ES module: Node compiles it, in its own way, and the cache stays out.
  it.skipIf(!process.features.require_module)('a large ES module reached by require() is left to Node (require(esm), Node 20.19+)', () => {
    const pkg = path.join(work, 'esm-package');
    mkdirSync(pkg);
    writeFileSync(path.join(pkg, 'package.json'), '{ "type": "module" }\n');
    const table = Array.from({ length: 4000 }, (_, i) => `  'entry-${i}-${'x'.repeat(8)}',`).join('\n');
    const text = `const TABLE = [\n${table}\n];\nexport const answer = TABLE.length / 100 + 2;\nexport const label = 'esm';\n`;
    expect(text.length).toBeGreaterThan(MIN_CACHED_SOURCE_BYTES);
    writeFileSync(path.join(pkg, 'index.js'), text);
    const run = load(path.join(pkg, 'index.js'));
    expect(run.enabled).toBe(true);
    expect([run.exports.answer, run.exports.label]).toEqual([42, 'esm']);
    expect(run.stats).toEqual({ hits: 0, misses: 0, written: 0, hashed: 0 });
  });

  it('two copies of the module in one thread (the launcher\'s and a bundle\'s) share one cache: enabled once, every entry written by either', () => {
    const first = path.join(work, 'first.cjs');
    const second = path.join(work, 'second', 'second.cjs');
    mkdirSync(path.dirname(second));
    writeLargeModule(first, 'first');
    writeLargeModule(second, 'second');
    const module = path.join(root, 'dist/src/runtime/code-cache.js');
    // A query string makes the same file a second module instance, as a bundle's copy is.
    const script = `
      const { createRequire } = await import('node:module');
      const Module = (await import('node:module')).default;
      const a = await import(${JSON.stringify(module)});
      const b = await import(${JSON.stringify(`${module}?copy`)});
      const require = createRequire(import.meta.url);
      const enabledA = a.enableCodeCache();
      const patched = Module.prototype._compile;
      require(${JSON.stringify(first)});
      const enabledB = b.enableCodeCache();
      const samePatch = Module.prototype._compile === patched;
      require(${JSON.stringify(second)});
      b.saveCodeCache();
      console.log(JSON.stringify({ distinct: a !== b, enabledA, enabledB, samePatch, a: a.codeCacheStats(), b: b.codeCacheStats() }));`;
    const run = (): { distinct: boolean; enabledA: boolean; enabledB: boolean; samePatch: boolean; a: Run['stats']; b: Run['stats'] } =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: work, encoding: 'utf8', env: { ...process.env, MXSPEC_CODE_CACHE: cacheDir } }));
    const cold = run();
    expect([cold.distinct, cold.enabledA, cold.enabledB, cold.samePatch]).toEqual([true, true, true, true]);
    // The second copy wrote the entry of the file loaded before it was asked: one state.
    expect(cold.b).toEqual({ hits: 0, misses: 2, written: 2, hashed: 2 });
    expect(cold.a).toEqual(cold.b);
    expect(entries()).toHaveLength(2);
    expect(run().a).toMatchObject({ hits: 2, misses: 0, written: 0 });
  });

  it('MXSPEC_CODE_CACHE=off turns it off', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file);
    const run = load(file, { MXSPEC_CODE_CACHE: 'off' });
    expect(run.enabled).toBe(false);
    expect(run.exports.answer).toBe(42);
    expect(run.stats).toEqual({ hits: 0, misses: 0, written: 0, hashed: 0 });
    expect(codeCacheDir({ MXSPEC_CODE_CACHE: 'off' })).toBeUndefined();
  });

  it('a cache folder that cannot be created or written costs nothing but the cache', () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file);
    const blocker = path.join(work, 'a-file');
    writeFileSync(blocker, '');
    const underFile = load(file, { MXSPEC_CODE_CACHE: path.join(blocker, 'cache') });
    expect(underFile.exports.answer).toBe(42);
    expect(underFile.stats).toEqual({ hits: 0, misses: 1, written: 0, hashed: 1 });
    if (process.getuid?.() !== 0) {
      // Root writes anywhere, so a read-only folder only means something to other users.
      const readOnly = path.join(work, 'read-only');
      load(file, { MXSPEC_CODE_CACHE: readOnly });
      chmodSync(codeCacheDir({ MXSPEC_CODE_CACHE: readOnly })!, 0o500);
      writeLargeModule(file, 'two');
      expect(load(file, { MXSPEC_CODE_CACHE: readOnly }).stats).toMatchObject({ misses: 1, written: 0 });
    }
  });

  it('a syntax error in a cached-size file is reported as Node reports it, with the file name', () => {
    const file = path.join(work, 'broken.cjs');
    writeFileSync(file, `const x = [${"'y',".repeat(MIN_CACHED_SOURCE_BYTES / 4)}\nmodule.exports = ;\n`);
    expect(() => load(file)).toThrow(/broken\.cjs[\s\S]*SyntaxError/);
  });

  it('the types worker loads the TypeScript compiler through the cache (it is most of the worker\'s loading)', () => {
    const script = `
      const cc = await import('./dist/src/runtime/code-cache.js');
      cc.enableCodeCache();
      const { requireTsMorph } = await import('./dist/generators/types/commonjs.js');
      requireTsMorph();
      cc.saveCodeCache();
      console.log(JSON.stringify(cc.codeCacheStats()));`;
    const run = (): { hits: number; misses: number; hashed: number } =>
      JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, MXSPEC_CODE_CACHE: cacheDir } })) as { hits: number; misses: number; hashed: number };
    const first = run();
    expect(first.misses).toBeGreaterThanOrEqual(2); // typescript.js and ts-morph.js at least
    const second = run();
    // Installed long before, the compiler's files are known by their identity: nothing is hashed (~25 ms saved).
    expect(second).toMatchObject({ misses: 0, hits: first.misses, hashed: 0 });
  });

  it("a file's identity stands for its text only once it has settled, and any write changes it", async () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file, 'one');
    expect(settledIdentity(file)).toBeUndefined(); // just written
    const later = Date.now() + SETTLED_MS + 1000;
    const before = settledIdentity(file, later);
    expect(before).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
    expect(settledIdentity(file, later)).toBe(before);
    // Past the coarsest timestamp tick Linux keeps (a jiffy), a write of the same length and the same text each
    // give the file a new identity.
    await new Promise((r) => setTimeout(r, 30));
    writeLargeModule(file, 'two');
    const edited = settledIdentity(file, later);
    expect(edited).not.toBe(before);
    await new Promise((r) => setTimeout(r, 30));
    writeLargeModule(file, 'two');
    expect(settledIdentity(file, later)).not.toBe(edited);
    expect(settledIdentity(path.join(work, 'missing.cjs'), later)).toBeUndefined();
  });

  it('a settled file is known by its identity; edited, it is hashed and compiled afresh; touched, it is hashed once and known again', async () => {
    const file = path.join(work, 'large.cjs');
    writeLargeModule(file, 'one');
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, SETTLED_MS + 300));
    await settle();
    expect(load(file).stats).toEqual({ hits: 0, misses: 1, written: 1, hashed: 1 });
    expect(load(file).stats).toEqual({ hits: 1, misses: 0, written: 0, hashed: 0 });
    writeLargeModule(file, 'two'); // same length, not settled yet
    const edited = load(file);
    expect(edited.exports.label).toBe('two');
    expect(edited.stats).toEqual({ hits: 0, misses: 1, written: 1, hashed: 1 });
    writeLargeModule(file, 'two'); // the same text again: a new identity
    await settle();
    // Found by the hash of its text, and written again with the new identity ...
    expect(load(file).stats).toEqual({ hits: 1, misses: 0, written: 1, hashed: 1 });
    // ... by which the next process knows it.
    const known = load(file);
    expect(known.stats).toEqual({ hits: 1, misses: 0, written: 0, hashed: 0 });
    expect(known.exports.label).toBe('two');
  });
});
