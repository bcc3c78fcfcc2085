/**
 * Positions of a parsed YAML value as one flat list of offsets per file.
 *
 * Each mapping and sequence adds `start, count` then, for a mapping, `key
 * offset, value offset` per key, for a sequence, one offset per item. A
 * collection is found in the list by where its entry begins (`Place.at`);
 * a mapping's Place also lists its keys in the order of its pairs.
 *
 * Why flat: a 50× spec's YAML has ~1.2·10⁵ collections with ~2.9·10⁵ keys,
 * and a Map with an object per key for each of them cost the main thread up
 * to ~0.3 s to make and ~30 MiB to keep for the whole build; a number list
 * costs neither, and a value read in another thread travels as JSON text
 * with its list beside it (yaml-offload.ts). For that crossing both sides
 * walk the value the same way: children before their collection, in
 * `Object.keys` order (which JSON keeps: integer-like keys first, then
 * insertion order).
 */

/** Where one collection's entry begins in its file's list; a mapping's keys in the order of its pairs. */
export interface Place {
  at: number;
  keys?: readonly string[];
}

/** Adds a mapping's entry (`pairs`: key offset, value offset, per key) and returns where it begins. */
export function pushMap(offsets: number[], start: number, pairs: readonly number[]): number {
  const at = offsets.length;
  offsets.push(start, pairs.length / 2);
  for (const n of pairs) offsets.push(n);
  return at;
}

/** Adds a sequence's entry and returns where it begins. */
export function pushSeq(offsets: number[], start: number, items: readonly number[]): number {
  const at = offsets.length;
  offsets.push(start, items.length);
  for (const n of items) offsets.push(n);
  return at;
}

/** Keys at or under this many are found by scanning a Place's list; longer lists get an index once asked. */
const SCAN_KEYS = 16;
const KEY_INDEX = new WeakMap<readonly string[], Map<string, number>>();

/** Where a mapping's key, or a sequence's item, sits in `offsets` (a key's value right after it); -1 when it has none. */
function memberEntry(offsets: ArrayLike<number>, place: Place, member: string | number): number {
  const at = place.at;
  if (!place.keys) {
    if (typeof member !== 'number' || !Number.isInteger(member) || member < 0 || member >= offsets[at + 1]!) return -1;
    return at + 2 + member;
  }
  const name = String(member);
  let i: number;
  if (place.keys.length <= SCAN_KEYS) i = place.keys.indexOf(name);
  else {
    let index = KEY_INDEX.get(place.keys);
    if (!index) KEY_INDEX.set(place.keys, (index = new Map(place.keys.map((k, j) => [k, j]))));
    i = index.get(name) ?? -1;
  }
  return i < 0 ? -1 : at + 2 + 2 * i;
}

/**
 * The offset of a mapping's key (`value`: of its value) or of a sequence's
 * item, which is both; undefined when the collection has no such member.
 */
export function memberOffset(offsets: ArrayLike<number>, place: Place, member: string | number, value: boolean): number | undefined {
  const entry = memberEntry(offsets, place, member);
  if (entry < 0) return undefined;
  return offsets[value && place.keys ? entry + 1 : entry];
}

/**
 * `value`'s entries laid out as `decodePlaces` will walk the value after a
 * trip through JSON, read from the list they were made in; or undefined when
 * the value cannot travel as JSON unchanged (NaN, ±Infinity, -0, a
 * collection without positions).
 */
export function encodePlaces(value: unknown, placeOf: (obj: object) => Place | undefined, offsets: ArrayLike<number>): number[] | undefined {
  const out: number[] = [];
  const visit = (v: unknown): boolean => {
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (v === null || typeof v !== 'object') return true;
    const p = placeOf(v);
    if (!p) return false;
    if (Array.isArray(v)) {
      for (const item of v) if (!visit(item)) return false;
      if (p.keys || offsets[p.at + 1] !== v.length) return false;
      out.push(offsets[p.at]!, v.length);
      for (let i = 0; i < v.length; i++) out.push(offsets[p.at + 2 + i]!);
      return true;
    }
    const keys = Object.keys(v);
    for (const k of keys) if (!visit((v as Record<string, unknown>)[k])) return false;
    if (!p.keys || p.keys.length !== keys.length) return false;
    out.push(offsets[p.at]!, keys.length);
    for (const k of keys) {
      const entry = memberEntry(offsets, p, k);
      if (entry < 0) return false;
      out.push(offsets[entry]!, offsets[entry + 1]!);
    }
    return true;
  };
  return visit(value) ? out : undefined;
}

/** Gives each collection of `value` (parsed from the JSON) its entry in `places`, as `encodePlaces` laid them out. */
export function decodePlaces(value: unknown, places: ArrayLike<number>, record: (obj: object, at: number, keys?: readonly string[]) => void): void {
  let i = 0;
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item);
      if (places[i + 1] !== v.length) throw new Error(`YAML positions do not match the value (a list of ${v.length} at entry ${i})`);
      record(v, i);
      i += 2 + v.length;
      return;
    }
    const keys = Object.keys(v);
    for (const k of keys) visit((v as Record<string, unknown>)[k]);
    if (places[i + 1] !== keys.length) throw new Error(`YAML positions do not match the value (a mapping of ${keys.length} at entry ${i})`);
    record(v, i, keys);
    i += 2 + 2 * keys.length;
  };
  visit(value);
  if (i !== places.length) throw new Error(`YAML positions do not match the value (${i} of ${places.length} read)`);
}
