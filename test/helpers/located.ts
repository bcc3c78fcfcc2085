/** What tests compare of a parsed YAML value's positions (src/load/yaml-located.ts). */
import type { SourceLocation } from '../../src/ir/types.js';

interface Located {
  value: unknown;
  locOf(obj: unknown): SourceLocation;
  keyLoc(obj: unknown, key: string | number): SourceLocation;
  valueLoc(obj: unknown, key: string | number): SourceLocation;
}

/** Every collection's location, and every key's and item's, by JSON pointer. */
export function placesOf(doc: Located): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, at: string): void => {
    if (!v || typeof v !== 'object') return;
    out.push([at, doc.locOf(v)]);
    for (const [k, child] of Object.entries(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      out.push([`${at}/${k}`, doc.keyLoc(v, key), doc.valueLoc(v, key)]);
      walk(child, `${at}/${k}`);
    }
  };
  walk(doc.value, '');
  return out;
}
