import { createHash } from 'node:crypto';
import { objectMemo } from './remember.js';

/**
 * JSON text of model elements, remembered per object. Projected elements
 * are never changed (frozen in the tests) and keep their identity while
 * their source file is unchanged (src/editions/project.ts), so in
 * `mxspec watch` the memo keys built from them are computed once per
 * element rather than once per edit.
 */

/** JSON with Maps and Sets kept (plain JSON would write them as `{}` and miss their changes). */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { '#map': [...value] };
  if (value instanceof Set) return { '#set': [...value] };
  return value;
}

const remembered = objectMemo<'text' | 'hash', string>();

function text(value: unknown): string {
  return JSON.stringify(value ?? null, jsonReplacer);
}

/** JSON.stringify(value, jsonReplacer), remembered for objects; only for values that are never changed. */
export function jsonText(value: unknown): string {
  return value !== null && typeof value === 'object' ? remembered(value, 'text', () => text(value)) : text(value);
}

/** A SHA-256 of jsonText(value), remembered for objects: keys over many elements hash these instead of the texts. */
export function jsonHash(value: unknown): string {
  const hash = (): string => createHash('sha256').update(jsonText(value)).digest('hex');
  return value !== null && typeof value === 'object' ? remembered(value, 'hash', hash) : hash();
}
