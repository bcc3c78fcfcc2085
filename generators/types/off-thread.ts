/**
 * Runs the types generator in one worker thread, so that its module loading
 * and both editions' conversions overlap the core's checks and the other
 * generators (the build machine has two cores). The worker is started by
 * `prepareTypesWorker` (the pipeline calls it once the sources parsed) and
 * kept for the life of the process, so `mxspec watch` pays the loading once;
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
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentIR, EditionModel } from '../../src/ir/types.js';
import type { OutputFile } from '../generator.js';
import type { TypesReply, TypesRequest } from './worker.js';

/** The only document fields the types generator reads (the OpenAPI `info` uses the api document's abstract). */
export const TYPES_DOCUMENT_FIELDS = ['id', 'abstract'] as const satisfies readonly (keyof DocumentIR)[];

const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * The worker's heap cap. Without one V8 lets a thread's heap grow far past
 * what it keeps alive, and the worker's share counted towards the build's
 * peak memory. A spec too large for it makes the worker run out of memory,
 * which only ends the worker: the types are then generated in-process.
 */
const WORKER_OLD_SPACE_MB = 384;

interface Pending {
  resolve: (files: OutputFile[]) => void;
  reject: (e: Error) => void;
}

let worker: Worker | undefined;
let unusable = false;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(e: Error): void {
  worker = undefined;
  unusable = true;
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

function startWorker(): Worker | undefined {
  if (worker || unusable) return worker;
  // Under a TypeScript runner the sibling is worker.ts, which a worker thread cannot load: run in-process.
  if (!import.meta.url.endsWith('.js') || !existsSync(WORKER_FILE)) {
    unusable = true;
    return undefined;
  }
  try {
    const w = new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB } });
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
    worker = w;
  } catch {
    unusable = true;
  }
  return worker;
}

/** Start the worker (and its module loading) now; cheap, and a no-op when it already runs. */
export function prepareTypesWorker(): void {
  startWorker();
}

/** The model as the worker receives it: documents reduced to the fields the generator reads. */
export function typesInput(model: EditionModel): EditionModel {
  const documents = model.documents.map((d) => Object.fromEntries(TYPES_DOCUMENT_FIELDS.map((f) => [f, d[f]]))) as unknown as DocumentIR[];
  return { ...model, documents };
}

async function inProcess(model: EditionModel): Promise<OutputFile[]> {
  const { typesFiles } = await import('./index.js');
  return typesFiles(model);
}

function inWorker(w: Worker, model: EditionModel): Promise<OutputFile[]> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    w.postMessage({ id, model: typesInput(model) } satisfies TypesRequest);
  });
}

/** out/<edition>/types/, generated in the worker when one can run, else here. */
export async function typesFilesOffThread(model: EditionModel): Promise<OutputFile[]> {
  const w = startWorker();
  if (!w) return inProcess(model);
  try {
    return await inWorker(w, model);
  } catch {
    // A failure inside the worker is reproduced here, with its real error and stack.
    return inProcess(model);
  }
}
