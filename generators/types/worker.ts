/**
 * Worker-thread entry of the types generator (see off-thread.ts). Loading
 * ts-morph, typescript and openapi-typescript is most of the generator's
 * cost, so the worker starts loading them as soon as it is created, while
 * the main thread is still checking the spec, warms up on a small model
 * while it waits (warm-up.ts), and then serves one request per edition
 * model.
 */
import { parentPort } from 'node:worker_threads';
import { ModelReceiver, type ModelMessage } from './model-transfer.js';
import { saveCodeCache } from '../../src/runtime/code-cache.js';
import { requireOpenapiTypescriptTransform } from './commonjs.js';
import type { TypesOptions } from './index.js';
import { warmUpModel } from './warm-up.js';

export interface TypesRequest {
  id: number;
  model: ModelMessage;
  options: TypesOptions;
}

export type TypesReply = { id: number; files: { path: string; content: string }[] } | { id: number; error: string };

// The generator's modules load the compiler as they load; its bytecode comes from the code cache, which the thread's
// entry (worker-start.ts) turned on before it loaded this module.
const generator = import('./index.js');

// openapi-typescript is loaded on first use by paths.ts; load it now so the first request does not wait for it.
const ready = generator.then(() => requireOpenapiTypescriptTransform());

/** Set by the first request: a worker asked for work before it is ready has no idle time to warm up in. */
let requested = false;

// Once loaded, and while no request waits, a small model is converted and the result dropped (warm-up.ts): the
// first real conversion then runs code that has run before. A failure here only means no warm-up.
const warmed = ready.then(async () => {
  // A turn of the event loop first: a request posted while the modules loaded is then seen, and served at once.
  await new Promise((resolve) => setImmediate(resolve));
  if (requested) return;
  try {
    await (await generator).typesFiles(warmUpModel());
  } catch {
    // The real conversion reports its own errors.
  }
});

// One request at a time: both editions' trees alive at once would double the worker's peak memory for no gain
// (it has one core's worth of work either way).
let queue: Promise<unknown> = warmed;

/**
 * The elements of the last model received, which the next one may send as
 * numbers: off-thread.ts keeps one sender per worker, and sends both
 * editions of a build to one worker.
 */
const receiver = new ModelReceiver();

parentPort?.on('message', (req: TypesRequest) => {
  requested = true;
  // Decoded as it arrives (in order), converted in turn.
  let model: ReturnType<ModelReceiver['decode']>;
  try {
    model = receiver.decode(req.model);
  } catch (e) {
    parentPort?.postMessage({ id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies TypesReply);
    return;
  }
  queue = queue
    .then(async () => (await generator).typesFiles(model, req.options))
    .then((files) => {
      // Only after a miss is there anything to write; done before replying so that a worker ended right after its
      // last reply never leaves a half-written entry behind. With the first model converted, the entries hold
      // the bytecode of the conversion too.
      saveCodeCache();
      return files;
    })
    .then(
      (files) => parentPort?.postMessage({ id: req.id, files } satisfies TypesReply),
      (e: unknown) => parentPort?.postMessage({ id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies TypesReply),
    );
});
