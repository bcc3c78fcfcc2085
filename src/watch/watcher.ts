/**
 * `mxspec watch` as an object: an incremental build driven by file-system
 * events. Rebuilds never overlap: events that arrive during a rebuild are
 * collected and trigger exactly one follow-up rebuild.
 */
import type { EditionId } from '../ir/types.js';
import { createIncrementalBuild, type IncrementalBuild, type RebuildResult } from './incremental-build.js';
import { watchSpecFolder, type SourceWatcher } from './source-watcher.js';

export interface WatcherOptions {
  spec: string;
  out: string;
  editions?: EditionId[];
  debounceMs?: number;
  /** Called after every rebuild (the initial one included). */
  onRebuild?: (r: RebuildResult) => void;
  /** Called when a rebuild throws (an mxspec bug); watching continues. */
  onFailure?: (e: Error) => void;
}

export interface Watcher {
  /** Runs one rebuild now (serialised with event-driven ones). */
  rebuild(changed?: string[]): Promise<RebuildResult>;
  /** Starts listening to the spec folder; resolves after the initial build. */
  start(): Promise<RebuildResult>;
  /** Resolves when no rebuild is running or queued. */
  idle(): Promise<void>;
  close(): void;
  readonly build: IncrementalBuild;
}

export function createWatcher(opts: WatcherOptions): Watcher {
  const build = createIncrementalBuild(opts);
  let chain: Promise<unknown> = Promise.resolve();
  let queued: string[] | undefined;
  let source: SourceWatcher | undefined;

  const rebuild = (changed: string[] = []): Promise<RebuildResult> => {
    const run = chain.then(async () => {
      const r = await build.rebuild(changed);
      opts.onRebuild?.(r);
      return r;
    });
    chain = run.catch((e: Error) => opts.onFailure?.(e));
    return run;
  };

  const onBatch = (changed: string[]): void => {
    if (queued) {
      queued.push(...changed);
      return;
    }
    queued = [...changed];
    void chain.then(() => {
      const batch = [...new Set(queued)].sort();
      queued = undefined;
      return rebuild(batch).catch(() => {});
    });
  };

  return {
    build,
    rebuild,
    async start() {
      const first = await rebuild();
      source = watchSpecFolder(opts.spec, { debounceMs: opts.debounceMs, onBatch, onError: (e) => opts.onFailure?.(e) });
      return first;
    },
    async idle() {
      for (;;) {
        const c = chain;
        await c;
        if (c === chain && !queued) return;
      }
    },
    close() {
      source?.close();
      source = undefined;
    },
  };
}
