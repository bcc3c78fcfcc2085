/**
 * Memory on large specs. V8 lets a heap grow to several times the data it
 * keeps alive before collecting (its growing factor adapts up to 4× on a
 * machine with plenty of memory), so on a spec of tens of MiB the build's
 * peak memory was mostly garbage awaiting collection: about 1.1–1.4 GiB at
 * 50× the shipped spec for ~450 MiB of live data. Bounding the factor to
 * 1.6× keeps the peak near 0.9 GiB there for ~10% more time. On small specs
 * the heap stays small either way and the bound only costs time (~4% on the
 * shipped spec), so it applies from LARGE_SPEC_BYTES of sources on.
 * V8 reads the flag whenever it sets a new heap limit, so setting it at run
 * time works for the main thread and for workers started later.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

export const LARGE_SPEC_BYTES = 4 * 1024 * 1024;
export const HEAP_GROWING_PERCENT = 60;

/** Total size of the regular files under dir (symlinks are not followed; unreadable entries count as empty). */
export function sourceBytes(dir: string, limit = Infinity): number {
  let total = 0;
  const walk = (d: string): void => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (total > limit) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        try {
          total += statSync(p).size;
        } catch {
          // vanished or unreadable: the loader reports it
        }
      }
    }
  };
  walk(dir);
  return total;
}

/** Bounds heap growth when the spec is large and the user gave no V8 heap flag of their own; true when it did. */
export function boundHeapGrowthForLargeSpec(specDir: string): boolean {
  const own = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  if (own.some((a) => /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size)/.test(a))) return false;
  if (sourceBytes(specDir, LARGE_SPEC_BYTES) <= LARGE_SPEC_BYTES) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
