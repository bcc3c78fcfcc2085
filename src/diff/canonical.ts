/**
 * Canonical JSON of IR values for equality: keys sorted, source positions
 * and undefined values dropped, so two elements are equal exactly when
 * their content is.
 */

/**
 * Keys that hold source positions and nothing else: `loc`, mdast's
 * `position`, and maps of positions, which the IR names `…Locs`
 * (Edition.roomVersionLocs, HttpBinding.fieldLocs). No diff compares them.
 */
export function isPositionKey(key: string): boolean {
  return key === 'loc' || key === 'position' || key.endsWith('Locs');
}

const memo = new WeakMap<object, string>();

export function canonical(value: unknown): string {
  if (value && typeof value === 'object') {
    const hit = memo.get(value);
    if (hit !== undefined) return hit;
    const s = JSON.stringify(normalise(value)) ?? 'undefined';
    memo.set(value, s);
    return s;
  }
  return JSON.stringify(normalise(value)) ?? 'undefined';
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      if (isPositionKey(k)) continue;
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      out[k] = normalise(v);
    }
    return out;
  }
  return value;
}

export function same(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** Short printable form of a value for messages. */
export function show(value: unknown, max = 80): string {
  if (value === undefined) return '(none)';
  const s = typeof value === 'string' ? JSON.stringify(value) : canonical(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
