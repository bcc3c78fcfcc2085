/** `x-addedInMatrixVersion` / `x-changedInMatrixVersion` to the source format's lifecycle keys. */

/** "1.6" -> "v1.6" (the corpus writes bare numbers; mxspec versions carry the v). */
export function matrixVersion(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  if (!s) return undefined;
  return s.startsWith('v') ? s : `v${s}`;
}

/** The lifecycle keys of one corpus element, ready to spread into a source mapping. */
export function lifecycleKeys(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const added = matrixVersion(raw['x-addedInMatrixVersion']);
  if (added) out.added = added;
  const changed = raw['x-changedInMatrixVersion'];
  if (changed && typeof changed === 'object' && !Array.isArray(changed)) {
    const list = Object.entries(changed as Record<string, unknown>)
      .map(([v, note]) => {
        const entry: { in: string; note?: string } = { in: matrixVersion(v) ?? v };
        if (typeof note === 'string' && note.trim()) entry.note = note.trim();
        return entry;
      })
      .sort((a, b) => compareVersions(a.in, b.in));
    if (list.length) out.changed = list;
  }
  return out;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map(Number);
  const pb = b.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
