/**
 * Memory on large specs. V8 lets a heap grow to several times the data it
 * keeps alive before collecting (its growing factor adapts up to 4× on a
 * machine with plenty of memory), so on a spec of tens of MiB the build's
 * peak memory was mostly garbage awaiting collection: about 1.1–1.4 GiB at
 * 50× the shipped spec for ~450 MiB of live data. Bounding the factor keeps
 * the peak under 1 GiB there, at the price of collecting more often.
 *
 * The bound is a trade of time for memory. It was 1.6× when set, and the
 * build then allocated far more than it does now; since round 19 it is
 * 1.8×. At 50×, against 1.6× (two runs of 7 builds each, alternated):
 * medians of 16.0 and 16.7 s against 16.6 and 17.9 s, 1.3–2.0 s less CPU,
 * and the same peak RSS (689–797 against 712–817 MiB); 2× reached 972 MiB.
 * On small specs the heap stays small either way and the bound only costs
 * time (~4% on the shipped spec), so it applies from LARGE_SPEC_BYTES of
 * sources on.
 *
 * V8 reads the flag whenever it sets a new heap limit, so setting it at run
 * time works for the main thread and for workers started later. It also
 * changes V8's cached-data version tag, which is why the code cache names
 * its entries by that tag (src/runtime/code-cache.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

export const LARGE_SPEC_BYTES = 4 * 1024 * 1024;
export const HEAP_GROWING_PERCENT = 80;

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
