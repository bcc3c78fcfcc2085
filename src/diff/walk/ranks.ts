/**
 * Positions of flattened tree members (rules, sections) among the siblings
 * both sides share, so inserting or removing a sibling does not make every
 * later one look moved.
 */
export interface Ranked {
  parent: string | null;
  index: number;
}

export function rankAmongCommon<T extends Ranked>(from: T[], to: T[], keyOf: (el: T) => string): void {
  const inFrom = new Set(from.map(keyOf));
  const inTo = new Set(to.map(keyOf));
  for (const [list, other] of [[from, inTo], [to, inFrom]] as const) {
    const next = new Map<string | null, number>();
    for (const el of [...list].sort((a, b) => a.index - b.index)) {
      if (!other.has(keyOf(el))) continue;
      const n = next.get(el.parent) ?? 0;
      el.index = n;
      next.set(el.parent, n + 1);
    }
  }
}
