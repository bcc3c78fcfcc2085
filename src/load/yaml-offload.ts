/**
 * Large specs' YAML read in a worker thread while the main thread parses
 * the Markdown.
 *
 * Why: reading the sources is most of a cold build, and on the build
 * machine's two cores the second one has little to do then (the types
 * worker loads its modules, then waits for the model). The worker reads the
 * YAML texts with the fast path only (yaml-plain-compose.ts) and sends each
 * value back as JSON text, which the main thread parses far faster than
 * YAML, with its positions as a flat list of offsets (yaml-places.ts). A
 * text the worker leaves alone, or any failure of the worker, leaves that
 * text to the main thread, which reads it as it always does: the values,
 * positions and diagnostics are the same wherever a text was read
 * (test/foundation/yaml-offload.test.ts).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LocatedYaml } from './yaml-located.js';
import type { YamlWorkReply, YamlWorkRequest } from './yaml-worker.js';

const WORKER_FILE = fileURLToPath(new URL('./yaml-worker.js', import.meta.url));

/**
 * Below this many characters of YAML to read, a worker costs as much as it
 * saves or more (starting it and loading `yaml` in it, on a machine whose
 * other core is loading the types worker's compiler): side by side, the
 * shipped spec (0.3 M) built 868 → 875 ms with it, a 4× spec (1.1 M)
 * 1800 → 1822 ms; a 10× spec (2.8 M) 3386 → 3251 ms, a 50× one (14 M)
 * 14.8 → 12.7 s.
 */
export const OFFLOAD_MIN_CHARS = 2_000_000;

export interface YamlOffload {
  /** The text's value and positions as the worker read them, or undefined: read it here. */
  take(index: number): Promise<LocatedYaml | undefined>;
  /** Ends the worker (after the last take, or when the build stops early). */
  close(): void;
}

/**
 * Starts reading `texts` in a worker when they are long enough together
 * (or always, with `minChars: 0`); undefined when they are not, when no
 * worker can run (sources run untranspiled), or when the machine has one
 * core (`cores`, by default Node's availableParallelism()): the worker would
 * only take turns with the main thread. A 10× spec's build limited to one
 * CPU took 7.82 s without it against 8.03 s with it (medians of 3).
 */
export function offloadYaml(files: { rel: string; text: string }[], opts: { minChars?: number; cores?: number } = {}): YamlOffload | undefined {
  const total = files.reduce((n, f) => n + f.text.length, 0);
  if (!files.length || total < (opts.minChars ?? OFFLOAD_MIN_CHARS)) return undefined;
  if ((opts.cores ?? availableParallelism()) < 2) return undefined;
  if (!import.meta.url.endsWith('.js') || !existsSync(WORKER_FILE)) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_FILE);
  } catch {
    return undefined;
  }
  // One reply per text, in order; a worker that fails or ends answers the rest with nothing (settling twice does nothing).
  const settle: ((r: YamlWorkReply | undefined) => void)[] = [];
  const replies = files.map((_, i) => new Promise<YamlWorkReply | undefined>((resolve) => (settle[i] = resolve)));
  const noMore = (): void => settle.forEach((s) => s(undefined));
  worker.on('message', (reply: YamlWorkReply) => settle[reply.index]!(reply));
  worker.on('error', noMore);
  worker.on('exit', noMore);
  worker.postMessage({ texts: files.map((f) => f.text) } satisfies YamlWorkRequest);

  return {
    async take(index) {
      const r = await replies[index];
      if (!r || r.json === undefined) return undefined;
      const f = files[index]!;
      return LocatedYaml.fromJson(f.rel, f.text, r.json, r.places);
    },
    close() {
      noMore();
      worker.removeAllListeners();
      void worker.terminate();
    },
  };
}
