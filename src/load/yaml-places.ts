/**
 * Positions of a parsed YAML value as one flat list of offsets, so that a
 * value read in another thread can travel as JSON text and get its
 * positions back here (yaml-offload.ts). Both sides walk the value the same
 * way: children before their collection, in `Object.keys` order (which JSON
 * keeps: integer-like keys first, then insertion order). Each collection
 * adds `start, count` then, for a mapping, `key offset, value offset` per key,
 * for a sequence, one offset per item.
 */

export interface MapPlaces {
  start: number;
  keys: Map<string, { key: number; value: number }>;
}
export interface SeqPlaces {
  start: number;
  items: number[];
}

/**
 * The offsets of `value`'s collections, each looked up with `placesOf`; or
 * undefined when the value cannot travel as JSON unchanged (NaN, ±Infinity,
 * -0, a collection without positions).
 */
export function encodePlaces(value: unknown, placesOf: (obj: object) => MapPlaces | SeqPlaces | undefined): number[] | undefined {
  const out: number[] = [];
  const visit = (v: unknown): boolean => {
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
    if (v === null || typeof v !== 'object') return true;
    const p = placesOf(v);
    if (!p) return false;
    if (Array.isArray(v)) {
      for (const item of v) if (!visit(item)) return false;
      const items = (p as SeqPlaces).items;
      if (!items || items.length !== v.length) return false;
      out.push(p.start, v.length);
      for (const at of items) out.push(at);
      return true;
    }
    const keys = Object.keys(v);
    for (const k of keys) if (!visit((v as Record<string, unknown>)[k])) return false;
    const map = (p as MapPlaces).keys;
    if (!map) return false;
    out.push(p.start, keys.length);
    for (const k of keys) {
      const at = map.get(k);
      if (!at) return false;
      out.push(at.key, at.value);
    }
    return true;
  };
  return visit(value) ? out : undefined;
}

/** Gives each collection of `value` (parsed from the JSON) its positions, as `encodePlaces` listed them. */
export function decodePlaces(
  value: unknown,
  places: ArrayLike<number>,
  record: (obj: object, p: MapPlaces | SeqPlaces) => void,
): void {
  let i = 0;
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item);
      const start = places[i++]!;
      const n = places[i++]!;
      const items = new Array<number>(n);
      for (let j = 0; j < n; j++) items[j] = places[i++]!;
      record(v, { start, items });
      return;
    }
    const keys = Object.keys(v);
    for (const k of keys) visit((v as Record<string, unknown>)[k]);
    const start = places[i++]!;
    const n = places[i++]!;
    const map = new Map<string, { key: number; value: number }>();
    for (let j = 0; j < n; j++) {
      const key = places[i++]!;
      map.set(keys[j]!, { key, value: places[i++]! });
    }
    record(v, { start, keys: map });
  };
  visit(value);
  if (i !== places.length) throw new Error(`YAML positions do not match the value (${i} of ${places.length} read)`);
}
