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
}

export type TypesReply = { id: number; files: { path: string; content: string }[] } | { id: number; error: string };

// openapi-typescript is loaded on first use by paths.ts; load it now so the first request does not wait for it.
const ready = Promise.resolve().then(() => requireOpenapiTypescriptTransform());

// One request at a time: both editions' trees alive at once would double the worker's peak memory for no gain
// (it has one core's worth of work either way).
let queue: Promise<unknown> = ready;

parentPort?.on('message', (req: TypesRequest) => {
  queue = queue
    .then(() => typesFiles(req.model))
    .then(
      (files) => parentPort?.postMessage({ id: req.id, files } satisfies TypesReply),
      (e: unknown) => parentPort?.postMessage({ id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies TypesReply),
    );
});
