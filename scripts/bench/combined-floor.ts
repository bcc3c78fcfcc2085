/**
 * The floor of a whole build with both the parse and the types it must
 * make: the parse probe (parse-floor.ts) and the types probe
 * (types-floor.ts) each time, in a process of its own, a part no build of
 * the same sources can skip with the tools the project is built on —
 * reading every source file, and loading openapi-typescript and converting
 * one edition's OpenAPI document to paths.d.ts. Together they are CPU time
 * a build has to find room for on the machine's cores:
 *
 *   (parse on one core + types load + types conversion) ÷ cores,
 *
 * but never less than the longest part one thread has to do alone: the
 * types' loading and conversion (one after the other, in one thread), or
 * the longest single file's parse. Like the parse floor it is a bound, not
 * a measurement: it leaves out the second edition, ts-morph, the checks,
 * the drafts, OpenAPI, the diff and writing, and supposes threads that do
 * not slow each other down.
 */
import type { ParseFloor } from './parse-floor.js';
import type { TypesFloor } from './types-floor.js';

/** Milliseconds, start-up not included (the caller adds one start-up). */
export function combinedFloorMs(parse: Pick<ParseFloor, 'parseMs' | 'longestFileMs' | 'cores'>, types: Pick<TypesFloor, 'loadMs' | 'convertMs'>): number {
  const typesMs = types.loadMs + types.convertMs;
  return Math.max((parse.parseMs + typesMs) / Math.max(1, parse.cores), typesMs, parse.longestFileMs);
}
