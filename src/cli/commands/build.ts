/**
 * `mxspec build`: check the spec and write out/ for both editions, or with
 * --check compare out/ with what a build would write. `mxspec import
 * --build` runs the same function on the spec it has just written.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { compile, type PhaseTiming } from '../../build/pipeline.js';
import type { WrittenYaml } from '../../program/load-program.js';
import { writeOutputTree, compareOutputTree, OutputError } from '../../build/write-output.js';
import { EDITION_IDS, type EditionId } from '../../ir/types.js';
import { boundHeapGrowthForLargeSpec } from '../heap-growth.js';
import { semiSpaceStatsNote } from '../young-generation.js';
import { diagnosticSummary, exitFor, formatTimings, printDiagnostics, type Io } from '../main.js';
import type { DiagnosticFormat } from '../../diagnostics/format.js';

export interface BuildOptions {
  specDir: string;
  out: string;
  editions?: EditionId[];
  stats?: boolean;
  /** Compare instead of writing. */
  check?: boolean;
  format: DiagnosticFormat;
  warnAsError?: boolean;
  /** Where the `--stats` total counts from (the import's start under `import --build`). */
  startedAt?: number;
  /** Phases that ran before the build in the same command (`import --build`), listed first by `--stats`. */
  phasesBefore?: PhaseTiming[];
  /** Diagnostics of an earlier step (the import), as displayed: reported with the build's in one json document. */
  diagnosticsBefore?: Diagnostic[];
  /** The command named in messages: `build`, or `import --build`. */
  command?: string;
  /** YAML the import has just written into `specDir`, with its reading (`import --build`): not read again. */
  written?: WrittenYaml;
}

/** The build, start to finish; returns the exit status. */
export async function buildSpec(io: Io, opts: BuildOptions): Promise<number> {
  const t0 = opts.startedAt ?? performance.now();
  boundHeapGrowthForLargeSpec(opts.specDir);
  const result = await compile(opts.specDir, { editions: opts.editions, written: opts.written });
  const diags = result.diagnostics;
  printDiagnostics(io, diags.sorted(), opts.format, opts.specDir, opts.diagnosticsBefore);
  if (exitFor(diags, Boolean(opts.warnAsError)) !== 0) {
    io.err(`mxspec build: ${diagnosticSummary(diags)}; ${opts.out} was not changed\n`);
    return 1;
  }
  const editions = opts.editions ?? [...EDITION_IDS];
  const scope = editions.length === EDITION_IDS.length ? [...editions, 'diff'] : editions;
  if (opts.check) {
    const cmp = await compareOutputTree(opts.out, result.files, scope.filter((s) => existsSync(path.join(opts.out, s))));
    const stale = [...cmp.changed.map((p) => `changed: ${p}`), ...cmp.missing.map((p) => `missing: ${p}`), ...cmp.extra.map((p) => `extra: ${p}`)];
    if (stale.length) {
      io.err(stale.map((s) => `${opts.out}/${s.split(': ')[1]} - error MX9001: out/ is stale (${s.split(':')[0]}); run mxspec build and commit the result\n`).join(''));
      return 1;
    }
    io.err(`mxspec build --check: ${result.files.length} files up to date\n`);
    return 0;
  }
  const tw = performance.now();
  try {
    const keep = EDITION_IDS.filter((e) => !editions.includes(e)) as string[];
    if (editions.length !== EDITION_IDS.length) keep.push('diff');
    await writeOutputTree(opts.out, result.files, { keep });
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(`${opts.out} - error MX9001: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  result.timings.push({ phase: 'write', ms: performance.now() - tw });
  if (opts.stats) {
    const table = formatTimings([...(opts.phasesBefore ?? []), ...result.timings, { phase: 'total', ms: performance.now() - t0 }]);
    const inWorker = result.readInWorker ? `; ${result.readInWorker} YAML files read in a worker thread` : '';
    const asWritten = result.takenAsWritten ? `; ${result.takenAsWritten} YAML files taken as written, not read back` : '';
    io.err(`mxspec ${opts.command ?? 'build'} --stats (${result.sourceFiles.length} source files, ${result.files.length} output files${inWorker}${asWritten}${semiSpaceStatsNote()})\n${table}`);
  }
  io.err(`mxspec build: wrote ${result.files.length} files to ${opts.out} (${diagnosticSummary(diags)})\n`);
  return 0;
}
