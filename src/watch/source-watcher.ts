/**
 * File-system events for a spec folder, debounced into batches of changed
 * paths. The spec tree is shallow (the root and one level of known folders),
 * so each folder gets its own non-recursive fs.watch: that behaves the same
 * on every platform and Node 20 release, whereas recursive watching on Linux
 * only arrived during the Node 20 line. Folders created later are picked up
 * when the root reports them.
 */
import { watch, readdirSync, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface SourceWatcher {
  close(): void;
}

export interface SourceWatcherOptions {
  /** Quiet time before a batch is delivered (editors write in several steps). */
  debounceMs?: number;
  onBatch: (changed: string[]) => void;
  onError?: (e: Error) => void;
}

export function watchSpecFolder(specDir: string, opts: SourceWatcherOptions): SourceWatcher {
  const root = path.resolve(specDir);
  const debounceMs = opts.debounceMs ?? 40;
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const batch = [...pending].sort();
    pending = new Set();
    opts.onBatch(batch);
  };

  const note = (rel: string): void => {
    if (closed) return;
    if (path.posix.basename(rel).startsWith('.')) return; // editor swap and backup files
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watchDir = (rel: string): void => {
    if (watchers.has(rel)) return;
    try {
      const w = watch(path.join(root, rel), { persistent: true }, (_event, name) => {
        const file = name ? String(name) : '';
        const r = rel ? (file ? `${rel}/${file}` : rel) : file;
        if (!rel) syncFolders();
        note(r || '.');
      });
      w.on('error', (e) => {
        // A watched folder that disappears ends its watcher; the root event re-syncs the set.
        watchers.delete(rel);
        w.close();
        if (!rel) opts.onError?.(e);
      });
      watchers.set(rel, w);
    } catch (e) {
      if (!rel) throw e;
    }
  };

  const syncFolders = (): void => {
    let names: string[] = [];
    try {
      names = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
    } catch {
      return;
    }
    for (const n of names) watchDir(n);
    for (const [rel, w] of watchers) {
      if (rel && !names.includes(rel)) {
        w.close();
        watchers.delete(rel);
      }
    }
  };

  watchDir('');
  syncFolders();

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
