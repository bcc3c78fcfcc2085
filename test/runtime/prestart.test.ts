/**
 * The launcher (bin/mxspec.js) starts the types worker before it loads the
 * CLI, for the commands that generate types, and the CLI adopts that worker
 * instead of starting its own (generators/types/prestart.ts). Counted here
 * by a preload that wraps worker_threads.Worker in the CLI's own process.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, SPEC, snapshotTree, tempDir } from '../helpers/cli.js';

const dist = (p: string): string => path.join(ROOT, 'dist', p);
const { prestartTypesWorker, takePrestartedTypesWorker, newTypesWorker, TYPES_WORKER_YOUNG_SPACE_MB } = (await import(dist('generators/types/prestart.js'))) as typeof import('../../generators/types/prestart.js');

const COUNTER = path.join(tempDir('mxspec-prestart-'), 'count-workers.cjs');
writeFileSync(COUNTER, `
const threads = require('node:worker_threads');
const { syncBuiltinESMExports } = require('node:module');
const Original = threads.Worker;
const started = [];
threads.Worker = class extends Original {
  constructor(file, opts) {
    super(file, opts);
    // Started by the launcher, the worker comes before the CLI bundle is loaded; started by the CLI, after.
    const late = Object.keys(require.cache).some((k) => k.endsWith('mxspec.cjs'));
    started.push(String(file).split(/[\\\\/]/).slice(-2).join('/') + (late ? ' (by the CLI)' : ''));
  }
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('workers started: ' + JSON.stringify(started) + '\\n'));
`);

/** Whether this machine has a core for the worker besides the main thread's (with one, no types worker runs). */
const SPARE_CORE = availableParallelism() > 1;
/** `taskset`, to run a process on one CPU (util-linux); undefined where it cannot run. */
const TASKSET = spawnSync('taskset', ['-c', '0', process.execPath, '-e', '0']).status === 0 ? 'taskset' : undefined;

function run(args: string[], oneCpu = false): { code: number | null; workers: string[]; stderr: string } {
  const command = [process.execPath, '--require', COUNTER, BIN, ...args];
  const r = oneCpu ? spawnSync(TASKSET!, ['-c', '0', ...command], { cwd: ROOT, encoding: 'utf8' }) : spawnSync(command[0]!, command.slice(1), { cwd: ROOT, encoding: 'utf8' });
  const m = /workers started: (.*)/.exec(r.stderr);
  return { code: r.status, workers: m ? (JSON.parse(m[1]!) as string[]) : [], stderr: r.stderr };
}

describe('the types worker started by the launcher', () => {
  it.skipIf(!SPARE_CORE)('is the one worker a build uses, and the build writes what it always did (needs two cores)', () => {
    const out = path.join(tempDir('mxspec-prestart-out-'), 'out');
    const r = run(['build', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.workers).toEqual(['types/worker-start.js']);
    expect(snapshotTree(out)).toEqual(snapshotTree(path.join(ROOT, 'out')));
  });

  it('is not started for commands that make no types', () => {
    const r = run(['check', '--spec', SPEC]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.workers).toEqual([]);
  });

  it.skipIf(!TASKSET)('is not started on one CPU, where the build makes the types in-process and writes the same files (needs taskset)', () => {
    const out = path.join(tempDir('mxspec-prestart-onecpu-'), 'out');
    const r = run(['build', '--out', out], true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.workers).toEqual([]);
    expect(snapshotTree(out)).toEqual(snapshotTree(path.join(ROOT, 'out')));
  });

  it.skipIf(!SPARE_CORE)('is started for `import --build` (it loads while the import runs) and not for a plain import (needs two cores)', () => {
    const layout = tempDir('mxspec-prestart-import-');
    mkdirSync(path.join(layout, 'data/api/x'), { recursive: true });
    writeFileSync(
      path.join(layout, 'data/api/x/a.yaml'),
      'openapi: 3.1.0\ninfo: {title: X, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      summary: Get A\n      description: Returns A.\n' +
        '      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {type: object, description: The A., properties: {a: {type: string, description: The a.}}}\n',
    );
    const base = tempDir('mxspec-prestart-import-out-');
    const plain = run(['import', 'matrix-spec', layout, '--out', path.join(base, 'spec1')]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.workers).toEqual([]);
    const built = run(['import', 'matrix-spec', layout, '--out', path.join(base, 'spec2'), `--build=${path.join(base, 'out2')}`]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.workers).toEqual(['types/worker-start.js']);
    expect(snapshotTree(path.join(base, 'out2')).has('ietf/types/paths.d.ts')).toBe(true);
  });

  it.skipIf(!SPARE_CORE)('is handed over once; a worker that failed before it was taken is not handed over (needs two cores)', async () => {
    expect(prestartTypesWorker()).toBe(true);
    // One at a time.
    expect(prestartTypesWorker()).toBe(false);
    const w = takePrestartedTypesWorker();
    expect(w).toBeDefined();
    expect(takePrestartedTypesWorker()).toBeUndefined();
    await w!.terminate();

    expect(prestartTypesWorker()).toBe(true);
    // Ended before anyone took it (as a worker that failed to load would be).
    const held = (globalThis as Record<symbol, { worker: { terminate(): Promise<number> } } | undefined>)[Symbol.for('mxspec.prestartedTypesWorker')]!;
    await held.worker.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(takePrestartedTypesWorker()).toBeUndefined();
  });

  it('runs with a young generation smaller than V8 gives a worker by default', async () => {
    // Read once each thread is running: Node reports the limits V8 settled on, the defaults included.
    const limitsOf = async (w: Worker): Promise<Worker['resourceLimits']> => {
      await once(w, 'online');
      const limits = w.resourceLimits;
      await w.terminate();
      return limits;
    };
    const types = await limitsOf(newTypesWorker());
    const plain = await limitsOf(new Worker('setInterval(() => {}, 1000)', { eval: true }));
    expect(types.maxYoungGenerationSizeMb).toBe(TYPES_WORKER_YOUNG_SPACE_MB);
    expect(types.maxYoungGenerationSizeMb).toBeLessThan(plain.maxYoungGenerationSizeMb!);
  });
});
