/**
 * Worker-thread entry of the types generator (see off-thread.ts). Loading
 * ts-morph, typescript and openapi-typescript is most of the generator's
 * cost, so the worker starts loading them as soon as it is created, while
 * the main thread is still checking the spec, and then serves one request
 * per edition model.
 */
import { parentPort } from 'node:worker_threads';
import type { EditionModel } from '../../src/ir/types.js';
import { typesFiles } from './index.js';
import { requireOpenapiTypescriptTransform } from './commonjs.js';

export interface TypesRequest {
  id: number;
  model: EditionModel;
  /**
   * Up to this many extra, discarded conversions of the same model when the
   * worker has nothing else to do (see below); sent by `mxspec watch`.
   */
  warmUp?: number;
}

export type TypesReply = { id: number; files: { path: string; content: string }[] } | { id: number; error: string };

// openapi-typescript is loaded on first use by paths.ts; load it now so the first request does not wait for it.
const ready = Promise.resolve().then(() => requireOpenapiTypescriptTransform());

// One request at a time: both editions' trees alive at once would double the worker's peak memory for no gain
// (it has one core's worth of work either way).
let queue: Promise<unknown> = ready;

/**
 * Warm-up for long-running sessions. A worker's first conversions run
 * unoptimised code and take two to three times as long as later ones, and
 * in `mxspec watch` each edit is only one conversion: the first edits after
 * starting would all be slow. So after a request the worker converts the same
 * model again a few times while it is idle, discarding the result, until
 * the JIT has compiled the hot paths. A request that arrives meanwhile waits
 * for at most the one conversion under way; the budget is per worker, so a
 * session pays it once.
 */
let warmUpBudget: number | undefined;
let received = 0;
let started = 0;

async function warmUp(model: EditionModel): Promise<void> {
  while ((warmUpBudget ?? 0) > 0 && received === started) {
    // Let a request that is already on its way be received first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (received !== started) return;
    warmUpBudget!--;
    await typesFiles(model);
  }
}

parentPort?.on('message', (req: TypesRequest) => {
  received++;
  warmUpBudget ??= req.warmUp;
  queue = queue
    .then(() => {
      started++;
      return typesFiles(req.model);
    })
    .then(
      (files) => parentPort?.postMessage({ id: req.id, files } satisfies TypesReply),
      (e: unknown) => parentPort?.postMessage({ id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies TypesReply),
    )
    .then(() => warmUp(req.model))
    .catch(() => {});
});
