/**
 * The types worker, started by the launcher (bin/mxspec.js) before the CLI
 * itself is loaded. Loading the CLI bundle and reading the command line take
 * ~40 ms; the worker's own loading (TypeScript, ts-morph, openapi-typescript)
 * is on the critical path of a build whose sources parse quickly, so it
 * starts first. off-thread.ts adopts it on first use instead of starting
 * one. Only plain Node modules here: the launcher loads this file on its own,
 * and the CLI bundle holds a copy of it, so the two meet through a global
 * registry key rather than a module variable.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The worker thread's entry: it loads the worker from its bundle, or from the module files (worker-start.ts). */
export const TYPES_WORKER_FILE = fileURLToPath(new URL('./worker-start.js', import.meta.url));

/**
 * The worker's heap cap. Without one V8 lets a thread's heap grow far past
 * what it keeps alive, and the worker's share counted towards the build's
 * peak memory. A spec too large for it makes the worker run out of memory,
 * which only ends the worker: the types are then generated in-process.
 */
export const TYPES_WORKER_OLD_SPACE_MB = 384;

/**
 * The worker's young generation, in MB (V8's default here is 48: two 16 MB
 * semi-spaces and room for large objects). Most of what the worker
 * allocates is the compiler and the libraries it loads, which live as long
 * as the worker does, so a large young generation mostly holds them a while
 * before they are promoted anyway, and costs its pages: the first touch of
 * a page is the expensive part of memory on a virtual machine (~13 µs a page
 * here). With 8, a build of the shipped spec peaked 22 MiB lower (198 against
 * 221 MiB) with 10% fewer page faults, and took 1.31 against 1.40 s and
 * 2.32 against 2.46 s of CPU (medians of 10, alternated), although the
 * worker collects twice as often (18 scavenges against 9, ~20 ms more). At
 * 50× it changed nothing measurable (15.6 against 15.7 s, 28.2 s of CPU
 * both). 4 was no better than 8, 16 a little worse.
 */
export const TYPES_WORKER_YOUNG_SPACE_MB = 8;

/**
 * Whether a worker can run here (compiled modules; under a TypeScript runner
 * the sibling is worker.ts) and has a core of its own to run on. With one
 * core (a container limited to one CPU, `taskset -c 0`) the worker only
 * takes turns with the main thread and keeps a heap of its own: a build of
 * the shipped spec limited to one CPU took 2.67 s in-process against 2.86 s
 * with the worker (medians of 5, alternated) and ~50 MiB less at its peak.
 * The output is the same either way (test/types/off-thread.test.ts).
 */
export function typesWorkerAvailable(): boolean {
  return availableParallelism() > 1 && import.meta.url.endsWith('.js') && existsSync(TYPES_WORKER_FILE);
}

export function newTypesWorker(): Worker {
  return new Worker(TYPES_WORKER_FILE, {
    resourceLimits: { maxOldGenerationSizeMb: TYPES_WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: TYPES_WORKER_YOUNG_SPACE_MB },
  });
}

interface Prestarted {
  worker: Worker;
  failed: boolean;
  onFailure: () => void;
}

const KEY = Symbol.for('mxspec.prestartedTypesWorker');
const registry = globalThis as { [KEY]?: Prestarted };

/**
 * Starts a types worker for the CLI to adopt; false when none can run here
 * or one is already waiting. It never keeps the process alive, and a worker
 * that fails before it is adopted is only not adopted.
 */
export function prestartTypesWorker(): boolean {
  if (registry[KEY] || !typesWorkerAvailable()) return false;
  const held: Prestarted = { worker: newTypesWorker(), failed: false, onFailure: () => (held.failed = true) };
  held.worker.on('error', held.onFailure);
  held.worker.on('exit', held.onFailure);
  held.worker.unref();
  registry[KEY] = held;
  return true;
}

/** The worker the launcher started, once, if it is still running; its new owner adds its own listeners. */
export function takePrestartedTypesWorker(): Worker | undefined {
  const held = registry[KEY];
  registry[KEY] = undefined;
  if (!held) return undefined;
  held.worker.off('error', held.onFailure);
  held.worker.off('exit', held.onFailure);
  if (!held.failed) return held.worker;
  void held.worker.terminate();
  return undefined;
}
