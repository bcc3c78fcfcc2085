/**
 * Runs the types generator in worker threads (one in a build, one per
 * edition in `mxspec watch`), so that module loading and both editions'
 * conversions overlap the core's checks and the other generators (the build
 * machine has two cores). Workers are started by `prepareTypesWorker` (the
 * pipeline calls it before the sources are read) and kept until
 * `releaseTypesWorker`, so `mxspec watch` pays the loading once;
 * it never keeps the process alive by itself: a caller awaiting its result
 * must hold the process open (src/build/pipeline.ts does).
 *
 * The model is copied to the worker with each document reduced to the
 * fields the generator reads (TYPES_DOCUMENT_FIELDS, also its memo key):
 * the parsed Markdown is most of a model's size and the generator never
 * reads it. When no worker can run (sources run untranspiled, a worker
 * that died), the same function runs in-process, so output never depends
 * on where it ran.
 */
import type { Worker } from 'node:worker_threads';
import { EDITION_IDS, type DocumentIR, type EditionModel } from '../../src/ir/types.js';
import type { OutputFile } from '../generator.js';
import type { TypesReply, TypesRequest } from './worker.js';
import { ModelSender } from './model-transfer.js';
import { newTypesWorker, takePrestartedTypesWorker, typesWorkerAvailable } from './prestart.js';
import type { TypesOptions } from './index.js';

/** The only document fields the types generator reads (the OpenAPI `info` uses the api document's abstract). */
export const TYPES_DOCUMENT_FIELDS = ['id', 'abstract'] as const satisfies readonly (keyof DocumentIR)[];

interface Pending {
  resolve: (files: OutputFile[]) => void;
  reject: (e: Error) => void;
}

/**
 * Worker slots. A build uses one worker: a second would load its own
 * TypeScript (~0.4 s of CPU) while the main thread still parses, on a
 * two-core machine. `mxspec watch` asks for one per edition
 * (useTypesWorkers), so an edit that changes both editions' types converts
 * them side by side; each edition keeps to its slot.
 */
let slots: (Worker | undefined)[] = [undefined];
let unusable = false;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(e: Error): void {
  for (const w of slots) void w?.terminate();
  slots = slots.map(() => undefined);
  unusable = true;
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

function startWorker(slot: number): Worker | undefined {
  if (slots[slot] || unusable) return slots[slot];
  // Under a TypeScript runner the sibling is worker.ts, which a worker thread cannot load: run in-process.
  if (!typesWorkerAvailable()) {
    unusable = true;
    return undefined;
  }
  try {
    // The first slot's worker may already be loading, started by the launcher (prestart.ts).
    const w = (slot === 0 ? takePrestartedTypesWorker() : undefined) ?? newTypesWorker();
    w.on('message', (reply: TypesReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.files);
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => failAll(new Error(`types worker exited with code ${code}`)));
    // After the listeners (adding one takes a reference again). Never referenced: whoever awaits a result keeps the
    // process alive meanwhile (the pipeline does), and a build that stops early (a failed check) exits at once.
    w.unref();
    slots[slot] = w;
  } catch {
    unusable = true;
  }
  return slots[slot];
}

/** How the types are made, in the workers and here. */
let options: TypesOptions = {};

/**
 * Set by the generator's prepare: when builds follow (mxspec watch),
 * paths.d.ts is converted piece by piece, so that the next build converts
 * what changed.
 */
export function configureTypes({ rebuilds }: { rebuilds: boolean }): void {
  options = { piecewisePaths: rebuilds };
}

/** Start the workers (and their module loading) now; cheap, and a no-op for those already running. */
export function prepareTypesWorker(): void {
  for (let i = 0; i < slots.length; i++) startWorker(i);
}

/** How many workers convert types at once (1 for builds; watch asks for one per edition). */
export function useTypesWorkers(count: number): void {
  const n = Math.max(1, Math.floor(count));
  while (slots.length < n) slots.push(undefined);
}

/**
 * Ends the workers once no call waits for them. At 50× a worker's heap is a
 * few hundred MiB that it would otherwise hold while the build writes out/.
 * The next call starts new ones.
 */
export async function releaseTypesWorker(): Promise<void> {
  if (pending.size) return;
  const running = slots.filter((w): w is Worker => w !== undefined);
  slots = slots.map(() => undefined);
  await Promise.all(
    running.map((w) => {
      w.removeAllListeners('exit');
      w.removeAllListeners('error');
      return w.terminate();
    }),
  );
}

/** The model as the worker receives it: documents reduced to the fields the generator reads. */
export function typesInput(model: EditionModel): EditionModel {
  const documents = model.documents.map((d) => Object.fromEntries(TYPES_DOCUMENT_FIELDS.map((f) => [f, d[f]]))) as unknown as DocumentIR[];
  return { ...model, documents };
}

async function inProcess(model: EditionModel): Promise<OutputFile[]> {
  const { typesFiles } = await import('./index.js');
  return typesFiles(model, options);
}

/**
 * What each worker holds: the elements of the last model sent to it (a new
 * worker holds nothing), which the next model sends as numbers. In a build
 * both editions go to one worker, and the elements they agree on are one
 * object in both (src/editions/project.ts), so the second edition sends
 * only its own; in `mxspec watch` each edition has its worker, and an edit
 * sends the elements it changed.
 */
const senders = new WeakMap<Worker, ModelSender>();

function inWorker(w: Worker, model: EditionModel): Promise<OutputFile[]> {
  let sender = senders.get(w);
  if (!sender) senders.set(w, (sender = new ModelSender()));
  const message = sender.encode(typesInput(model));
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    w.postMessage({ id, model: message, options } satisfies TypesRequest);
  });
}

/** out/<edition>/types/, generated in the edition's worker when one can run, else here. */
export async function typesFilesOffThread(model: EditionModel): Promise<OutputFile[]> {
  const w = startWorker(Math.max(0, EDITION_IDS.indexOf(model.edition.id)) % slots.length);
  if (!w) return inProcess(model);
  try {
    return await inWorker(w, model);
  } catch {
    // Whatever the worker holds now, the next model goes to it in full.
    senders.delete(w);
    // A failure inside the worker is reproduced here, with its real error and stack.
    return inProcess(model);
  }
}
