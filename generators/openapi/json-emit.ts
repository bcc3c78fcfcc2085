/**
 * openapi.json's text: exactly `JSON.stringify(value, null, 2)` (held to it
 * by test/openapi/emitters.test.ts), written here so that the text of
 * objects shared between documents (EmitOptions.shared) is remembered per
 * indentation instead of being serialised again on every rebuild of
 * `mxspec watch`.
 */
import type { EmitOptions } from '../../src/text/yaml-writer.js';
import { objectMemo } from '../../src/ir/remember.js';

/** The text of shared objects, by depth. */
const remembered = objectMemo<number, string>();

/** A value as JSON.stringify writes it inside an object (undefined when it leaves the member out). */
function member(v: unknown, depth: number, opts: EmitOptions): string | undefined {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  // With nothing shared inside, the engine's own serialiser, indented to this depth (raw newlines in JSON text are
  // all between tokens; those inside strings are escaped).
  const write = (): string => (opts.holdsShared && !opts.holdsShared(v) ? indented(JSON.stringify(v, null, 2), depth) : collection(v, depth, opts));
  return opts.shared?.(v) ? remembered(v, depth, write) : write();
}

function indented(text: string, depth: number): string {
  return depth ? text.replace(/\n/g, `\n${'  '.repeat(depth)}`) : text;
}

function collection(v: object, depth: number, opts: EmitOptions): string {
  const inner = '\n' + '  '.repeat(depth + 1);
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    return `[${inner}${v.map((x) => member(x, depth + 1, opts) ?? 'null').join(`,${inner}`)}\n${'  '.repeat(depth)}]`;
  }
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    const text = member(x, depth + 1, opts);
    if (text !== undefined) parts.push(`${JSON.stringify(k)}: ${text}`);
  }
  if (!parts.length) return '{}';
  return `{${inner}${parts.join(`,${inner}`)}\n${'  '.repeat(depth)}}`;
}

/** JSON.stringify(value, null, 2) for JSON-shaped values (no toJSON methods). */
export function prettyJson(value: unknown, opts: EmitOptions = {}): string | undefined {
  return member(value, 0, opts);
}
