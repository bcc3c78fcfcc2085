/**
 * The incremental build behind `mxspec watch`, usable in-process (tests and
 * the benchmark drive it directly). It keeps two caches between rebuilds:
 * the parse cache (one contribution per source file, keyed by content hash,
 * so an edit re-parses only that file), the generator cache (each
 * generator's last output under its `inputKey`, so a Markdown edit does not
 * rerun the OpenAPI and types generators) and the artifact store (one hash
 * per output file, so only changed outputs are rewritten). A rebuild with errors
 * writes nothing: out/ keeps the last good build.
 */
import path from 'node:path';
import { compile, type GeneratorCache, type PhaseTiming } from '../build/pipeline.js';
import type { ParseCache, FileContribution } from '../program/load-program.js';
import { MarkdownPieceMemo } from '../parse/gfm.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { EDITION_IDS, type EditionId } from '../ir/types.js';
import { ArtifactStore } from './artifact-store.js';

export interface IncrementalOptions {
  spec: string;
  out: string;
  editions?: EditionId[];
}

export interface RebuildResult {
  /** True when the build had no errors and out/ was brought up to date. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Source files parsed in this rebuild (the others came from the cache). */
  reparsed: string[];
  /** Output files (re)written, and removed. */
  written: string[];
  removed: string[];
  unchanged: number;
  timings: PhaseTiming[];
  /** Wall time of the whole rebuild, from start to the last file renamed into place. */
  ms: number;
  /** The files the caller said changed (informational; every source is re-hashed anyway). */
  changed: string[];
}

export interface IncrementalBuild {
  readonly spec: string;
  readonly out: string;
  rebuild(changed?: string[]): Promise<RebuildResult>;
}

/** Top-level folders of out/ that a build of these editions owns. */
export function outputScope(editions: readonly EditionId[]): string[] {
  return editions.length === EDITION_IDS.length ? [...editions, 'diff'] : [...editions];
}

export function createIncrementalBuild(opts: IncrementalOptions): IncrementalBuild {
  const cache: ParseCache = new Map();
  const markdownPieces = new MarkdownPieceMemo();
  const generatorCache: GeneratorCache = new Map();
  const editions = opts.editions ?? [...EDITION_IDS];
  const store = new ArtifactStore(path.resolve(opts.out), outputScope(editions));
  return {
    spec: opts.spec,
    out: opts.out,
    async rebuild(changed: string[] = []): Promise<RebuildResult> {
      const t0 = performance.now();
      const before = new Map<string, FileContribution>(cache);
      const result = await compile(opts.spec, { editions, cache, markdownPieces, generatorCache });
      const reparsed = [...cache.entries()].filter(([rel, c]) => before.get(rel) !== c).map(([rel]) => rel).sort();
      const diagnostics = result.diagnostics.sorted();
      const base = { diagnostics, reparsed, timings: result.timings, changed };
      if (result.diagnostics.hasErrors()) {
        return { ...base, ok: false, written: [], removed: [], unchanged: 0, ms: performance.now() - t0 };
      }
      const tw = performance.now();
      const applied = await store.apply(result.files);
      result.timings.push({ phase: 'write', ms: performance.now() - tw });
      return { ...base, ok: true, ...applied, ms: performance.now() - t0 };
    },
  };
}
