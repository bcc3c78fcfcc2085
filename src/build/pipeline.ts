/**
 * The build as a function: spec folder in, output files and diagnostics
 * out. Phases: load (read + parse), check, project, generate. Writing is the
 * caller's business (the CLI), so the same pipeline serves build, check,
 * watch and tests.
 */
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { EDITION_IDS, type EditionId, type EditionModel, type Program } from '../ir/types.js';
import { loadProgram, type ParseCache, type WrittenYaml } from '../program/load-program.js';
import type { MarkdownPieceMemo } from '../parse/gfm.js';
import { CHECKS, runChecks, projectAll } from '../checks/registry.js';
import { resolveReferences } from '../checks/resolve-references.js';
import type { OutputFile } from '../../generators/generator.js';
import { EDITION_GENERATORS, PAIR_GENERATORS } from '../../generators/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface PhaseTiming {
  phase: string;
  ms: number;
  /** A part of the phase before it (one check of `check`): listed under it, and not added to any total. */
  part?: boolean;
}

export interface CompileOptions {
  editions?: EditionId[];
  /** Skip generation (mxspec check). */
  checkOnly?: boolean;
  cache?: ParseCache;
  /** Markdown pieces of earlier builds (mxspec watch): an edited document is parsed again only where it changed. */
  markdownPieces?: MarkdownPieceMemo;
  /**
   * Generator outputs of an earlier build (mxspec watch), reused for a
   * generator whose `inputKey` is unchanged. Filled in by compile.
   */
  generatorCache?: GeneratorCache;
  /** YAML this process has just written into the spec folder, with its reading (`mxspec import --build`; loadProgram). */
  written?: WrittenYaml;
}

/** Per generator run ("<id>:<edition>" or "<id>"): its input key, files and the diagnostics it reported. */
export type GeneratorCache = Map<string, { key: string; files: OutputFile[]; reported: Diagnostic[] }>;

interface GeneratorJob {
  phase: string;
  slot: string;
  offMainThread: boolean;
  inputKey?: () => string;
  run: (report: DiagnosticBag) => OutputFile[] | Promise<OutputFile[]>;
}

export interface CompileResult {
  program?: Program;
  models?: Record<EditionId, EditionModel>;
  diagnostics: DiagnosticBag;
  files: OutputFile[];
  timings: PhaseTiming[];
  sourceFiles: { rel: string; hash: string }[];
  /** YAML files read in a worker thread (large specs; src/load/yaml-offload.ts). */
  readInWorker: number;
  /** YAML files taken as this process wrote them (CompileOptions.written). */
  takenAsWritten: number;
}

export async function compile(specDir: string, opts: CompileOptions = {}): Promise<CompileResult> {
  const timings: PhaseTiming[] = [];
  const time = async <T>(phase: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    timings.push({ phase, ms: performance.now() - t0 });
    return r;
  };
  // Let generators start costly setup (a worker loading its modules) while the sources are read and checked.
  // The main thread still loads nothing of theirs unless it generates; an idle worker never keeps the process alive.
  const rebuilds = opts.generatorCache !== undefined;
  for (const check of CHECKS) check.prepare?.({ rebuilds });
  if (!opts.checkOnly) for (const gen of [...EDITION_GENERATORS, ...PAIR_GENERATORS]) gen.prepare?.({ rebuilds });
  const tl = performance.now();
  const loaded = await loadProgram(specDir, opts.cache, opts.markdownPieces, { written: opts.written });
  if (loaded.phases) {
    timings.push({ phase: 'load', ms: loaded.phases.read });
    timings.push({ phase: 'parse', ms: loaded.phases.parse });
    timings.push({ phase: 'assemble', ms: Math.max(0, performance.now() - tl - loaded.phases.read - loaded.phases.parse) });
  } else timings.push({ phase: 'load+parse', ms: performance.now() - tl });
  const diagnostics = loaded.diagnostics;
  const result: CompileResult = { diagnostics, files: [], timings, sourceFiles: loaded.files, readInWorker: loaded.readInWorker ?? 0, takenAsWritten: loaded.takenAsWritten ?? 0 };
  if (!loaded.program || diagnostics.hasErrors()) return result;
  const program = loaded.program;
  result.program = program;
  const models = await time('project', () => projectAll(program));
  result.models = models;
  const jobs = opts.checkOnly ? [] : generatorJobs(models, opts.editions ?? [...EDITION_IDS]);
  // Off-thread generators start now, on the projected models, so their work overlaps the checks and the
  // main-thread generators; if a check fails their output is dropped. Their time is wall time until done.
  const outputs = new Map<GeneratorJob, Promise<JobOutput>>();
  for (const job of jobs.filter((j) => j.offMainThread)) {
    const pending = runJob(job, diagnostics, timings, opts.generatorCache);
    pending.catch(() => {}); // awaited below; this only keeps a failure from counting as unhandled meanwhile
    outputs.set(job, pending);
  }
  // A one-shot build: once the off-thread jobs are done, their workers (and heaps) are not needed again; at scale
  // that is a few hundred MiB freed while the checks and the other generators still run, and before out/ is written.
  const released = opts.generatorCache === undefined && outputs.size
    ? Promise.allSettled([...outputs.values()])
      .then(() => Promise.all(EDITION_GENERATORS.map((g) => g.release?.())))
      .catch(() => {}) // a worker that cannot be ended is ended with the process
    : undefined;
  const references = await time('resolve', () => resolveReferences(program, models));
  // Each check's own time is listed under the phase's, so a slow check can be found without a profiler.
  const perCheck: PhaseTiming[] = [];
  await time('check', () => runChecks(program, diagnostics, models, references, (id, ms) => perCheck.push({ phase: id, ms, part: true }), !opts.checkOnly));
  timings.push(...perCheck);
  if (opts.checkOnly || diagnostics.hasErrors()) return result;

  for (const job of jobs.filter((j) => !j.offMainThread)) {
    // A worker's reply is a task of the event loop, and the checks and generators here run without giving it a
    // turn (awaiting them only runs microtasks): yield one, so that a worker done meanwhile is heard, and in a
    // one-shot build ended, now rather than after the last generator. At 50× that frees the worker's heap before
    // the OpenAPI and diff texts are made, which is when the build's memory peaks.
    await new Promise((resolve) => setImmediate(resolve));
    const out = await runJob(job, diagnostics, timings, opts.generatorCache);
    diagnostics.push(...out.reported);
    outputs.set(job, Promise.resolve({ ...out, reported: [] }));
  }
  const files: OutputFile[] = [];
  // Off-thread workers do not keep the process alive on their own (so a failed check exits at once); while we
  // wait for them, this timer does.
  const keepAlive = setInterval(() => {}, 60_000);
  try {
    for (const job of jobs) {
      const out = await outputs.get(job)!;
      diagnostics.push(...out.reported);
      files.push(...out.files);
    }
    await released;
  } finally {
    clearInterval(keepAlive);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.files = files;
  return result;
}

/** Every generator run of this build, in registry order. */
function generatorJobs(models: Record<EditionId, EditionModel>, editions: EditionId[]): GeneratorJob[] {
  const jobs: GeneratorJob[] = [];
  for (const gen of EDITION_GENERATORS) {
    for (const e of editions) {
      if (gen.editions && !gen.editions.includes(e)) continue;
      const inputKey = gen.inputKey;
      jobs.push({
        phase: `generate:${gen.id}:${e}`,
        slot: `${gen.id}:${e}`,
        offMainThread: Boolean(gen.offMainThread),
        inputKey: inputKey && (() => inputKey.call(gen, models[e])),
        run: (report) => gen.generate(models[e], { report }),
      });
    }
  }
  if (editions.includes('ietf') && editions.includes('matrix-org')) {
    for (const gen of PAIR_GENERATORS) {
      const inputKey = gen.inputKey;
      jobs.push({
        phase: `generate:${gen.id}`,
        slot: gen.id,
        offMainThread: false,
        inputKey: inputKey && (() => inputKey.call(gen, models.ietf, models['matrix-org'])),
        run: (report) => gen.generate(models.ietf, models['matrix-org'], { report }),
      });
    }
  }
  return jobs;
}

interface JobOutput {
  files: OutputFile[];
  /** Diagnostics the generator reported, for the caller to add to the build's. */
  reported: Diagnostic[];
}

/** One generator run, or its earlier output when its input key is unchanged. */
async function runJob(job: GeneratorJob, diagnostics: DiagnosticBag, timings: PhaseTiming[], cache?: GeneratorCache): Promise<JobOutput> {
  const t0 = performance.now();
  const key = cache && job.inputKey ? job.inputKey() : undefined;
  const hit = key !== undefined ? cache!.get(job.slot) : undefined;
  if (hit && hit.key === key) {
    timings.push({ phase: `${job.phase} (reused)`, ms: performance.now() - t0 });
    return { files: hit.files, reported: hit.reported };
  }
  // The generator reports into a bag holding what is known so far (it may skip duplicates), and what it adds is kept.
  const report = new DiagnosticBag();
  report.push(...diagnostics.items);
  const known = report.items.length;
  const files = await job.run(report);
  const reported = report.items.slice(known);
  if (key !== undefined) cache!.set(job.slot, { key, files, reported });
  timings.push({ phase: job.phase, ms: performance.now() - t0 });
  return { files, reported };
}
