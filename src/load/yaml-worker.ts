/**
 * Worker-thread entry of yaml-offload.ts: reads YAML source texts with the
 * fast paths (yaml-line-scan.ts, then yaml-plain-compose.ts) while the main thread parses Markdown,
 * and sends each value back as JSON text with its positions (yaml-places.ts).
 * A text the fast path leaves alone comes back empty: the main thread then
 * reads it itself, and reports what is wrong with it.
 */
import { parentPort } from 'node:worker_threads';
import { composePlainYaml, type PlainComposeLimits, type PlainComposeSink } from './yaml-plain-compose.js';
import { scanPlainYaml } from './yaml-line-scan.js';
import { encodePlaces, pushMap, pushSeq, type Place } from './yaml-places.js';
import { PLAIN_READ_LIMITS } from './yaml-located.js';

export interface YamlWorkRequest {
  texts: string[];
}

/** One per text, in order: the value as JSON and its positions, or nothing (read it on the main thread). */
export type YamlWorkReply = { index: number; json: string; places: Int32Array } | { index: number; json?: undefined };

type FastReader = (text: string, sink: PlainComposeSink, limits: PlainComposeLimits) => { value: unknown } | undefined;

/** One fast reader's value and positions, laid out for the crossing; undefined where it gives up. */
function readWith(read: FastReader, text: string): { json: string; places: Int32Array } | undefined {
  const offsets: number[] = [];
  const places = new WeakMap<object, Place>();
  const composed = read(
    text,
    {
      map: (obj, start, keys, pairs) => places.set(obj, { at: pushMap(offsets, start, pairs), keys }),
      seq: (arr, start, items) => places.set(arr, { at: pushSeq(offsets, start, items) }),
    },
    PLAIN_READ_LIMITS,
  );
  if (!composed) return undefined;
  const flat = encodePlaces(composed.value, (obj) => places.get(obj), offsets);
  if (!flat) return undefined;
  return { json: JSON.stringify(composed.value), places: Int32Array.from(flat) };
}

/** As composeFast on the main thread: line by line, else from the CST. */
function readOne(text: string): { json: string; places: Int32Array } | undefined {
  return readWith(scanPlainYaml, text) ?? readWith(composePlainYaml, text);
}

parentPort?.on('message', ({ texts }: YamlWorkRequest) => {
  texts.forEach((text, index) => {
    let reply: YamlWorkReply;
    try {
      const done = readOne(text);
      reply = done ? { index, ...done } : { index };
    } catch {
      reply = { index };
    }
    if (reply.json !== undefined) parentPort!.postMessage(reply, [reply.places.buffer as ArrayBuffer]);
    else parentPort!.postMessage(reply);
  });
});
