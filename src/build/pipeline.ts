/**
 * The build as a function: spec folder in, output files and diagnostics
 * out. Phases: load (read + parse), check, project, generate. Writing is the
 * caller's business (the CLI), so the same pipeline serves build, check,
 * watch and tests.
 */
import { DiagnosticBag } from '../diagnostics/diagnostic.js';
import { EDITION_IDS, type EditionId, type EditionModel, type Program } from '../ir/types.js';
import { loadProgram, type ParseCache } from '../program/load-program.js';
import { runChecks, projectAll } from '../checks/registry.js';
import type { OutputFile } from '../../generators/generator.js';
import { EDITION_GENERATORS, PAIR_GENERATORS } from '../../generators/index.js';

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface CompileOptions {
  editions?: EditionId[];
  /** Skip generation (mxspec check). */
  checkOnly?: boolean;
  cache?: ParseCache;
}

export interface CompileResult {
  program?: Program;
  models?: Record<EditionId, EditionModel>;
  diagnostics: DiagnosticBag;
  files: OutputFile[];
  timings: PhaseTiming[];
  sourceFiles: { rel: string; hash: string }[];
}

export async function compile(specDir: string, opts: CompileOptions = {}): Promise<CompileResult> {
  const timings: PhaseTiming[] = [];
  const time = async <T>(phase: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    timings.push({ phase, ms: performance.now() - t0 });
    return r;
  };
  const tl = performance.now();
  const loaded = await loadProgram(specDir, opts.cache);
  if (loaded.phases) {
    timings.push({ phase: 'load', ms: loaded.phases.read });
    timings.push({ phase: 'parse', ms: loaded.phases.parse });
    timings.push({ phase: 'assemble', ms: Math.max(0, performance.now() - tl - loaded.phases.read - loaded.phases.parse) });
  } else timings.push({ phase: 'load+parse', ms: performance.now() - tl });
  const diagnostics = loaded.diagnostics;
  const result: CompileResult = { diagnostics, files: [], timings, sourceFiles: loaded.files };
  if (!loaded.program || diagnostics.hasErrors()) return result;
  const program = loaded.program;
  result.program = program;
  const models = await time('project', () => projectAll(program));
  result.models = models;
  await time('check', () => runChecks(program, diagnostics, models));
  if (opts.checkOnly || diagnostics.hasErrors()) return result;

  const editions = opts.editions ?? [...EDITION_IDS];
  const files: OutputFile[] = [];
  for (const gen of EDITION_GENERATORS) {
    for (const e of editions) {
      if (gen.editions && !gen.editions.includes(e)) continue;
      const out = await time(`generate:${gen.id}:${e}`, () => gen.generate(models[e], { report: diagnostics }));
      files.push(...out);
    }
  }
  if (editions.includes('ietf') && editions.includes('matrix-org')) {
    for (const gen of PAIR_GENERATORS) {
      const out = await time(`generate:${gen.id}`, () => gen.generate(models.ietf, models['matrix-org'], { report: diagnostics }));
      files.push(...out);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.files = files;
  return result;
}
