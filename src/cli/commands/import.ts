/**
 * `mxspec import matrix-spec DIR --out SPECDIR`: reads a matrix-spec
 * checkout with the importer (src/import/) and writes the mxspec sources.
 * The output folder must be new or empty, so an import never mixes with
 * (or overwrites) a spec someone edited. With `--build OUTDIR` the written
 * spec is then built as `mxspec build --spec SPECDIR --out OUTDIR` would,
 * in the same process: one start-up instead of two, and the launcher starts
 * the types worker loading while the import runs (bin/mxspec.js).
 */
import { Option, type Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Io } from '../main.js';
import { asDisplayed, formatTimings, printDiagnostics, UsageError } from '../main.js';
import { importMatrixSpec } from '../../import/index.js';
import { safeOutputPath } from '../../build/write-output.js';
import { buildSpec } from './build.js';
import type { PhaseTiming } from '../../build/pipeline.js';

interface ImportOpts {
  out?: string;
  api?: string[];
  edition: 'ietf' | 'matrix-org';
  version?: string;
  date?: string;
  events: boolean;
  docName?: string;
  format: 'text' | 'json' | 'github';
  build?: string;
  stats?: boolean;
}

function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

/** Whether one folder is the other or inside it. */
function nested(a: string, b: string): boolean {
  const inside = (p: string, q: string): boolean => {
    const rel = path.relative(path.resolve(q), path.resolve(p));
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  return inside(a, b) || inside(b, a);
}

export function registerImport(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('import')
    .description('import a matrix-spec checkout: mxspec import matrix-spec DIR --out SPECDIR [--build OUTDIR]')
    .argument('<source>', 'source kind: matrix-spec')
    .argument('<dir>', 'the checkout (or any folder in its layout: data/api/<api>/*.yaml, data/event-schemas/)')
    .option('--out <dir>', 'spec folder to write (must be new or empty)')
    .option('--api <name>', 'API folder under data/api to import (repeatable; default: every folder with API files)', collect)
    .addOption(new Option('--edition <id>', 'the edition the imported release is').choices(['matrix-org', 'ietf']).default('matrix-org'))
    .option('--version <v>', 'release version, e.g. v1.19 (default: the folder name when it looks like one)')
    .option('--date <yyyy-mm-dd>', 'edition date (default: SOURCE_DATE_EPOCH, else 1970-01-01)')
    .option('--no-events', 'do not import data/event-schemas')
    .option('--doc-name <name>', 'Internet-Draft name of the API document in the ietf edition (default draft-mxspec-matrix-<api>-imported)')
    .option('--build <outdir>', 'then build the imported spec into OUTDIR (both editions, every output), as mxspec build --spec SPECDIR --out OUTDIR would')
    .option('--stats', 'print the time of the import and of each phase of the build (with --build)')
    .addOption(new Option('--format <format>', 'diagnostic format').choices(['text', 'json', 'github']).default('text'))
    .action(async (source: string, dir: string, opts: ImportOpts) => {
      const startedAt = performance.now();
      if (source !== 'matrix-spec') throw new UsageError(`unknown import source "${source}"; the only source is matrix-spec`);
      if (!opts.out) throw new UsageError('--out <dir> is required: the spec folder to write');
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${opts.date}"`);
      if (opts.build !== undefined && nested(opts.out, opts.build)) throw new UsageError(`--build ${JSON.stringify(opts.build)} and --out ${JSON.stringify(opts.out)} must be separate folders, neither inside the other: the outputs would mix with the spec sources`);
      if (existsSync(opts.out) && readdirSync(opts.out).length > 0) {
        io.err(`${opts.out} - error MX9001: the output folder is not empty; import writes a new spec folder\n`);
        setExit(1);
        return;
      }
      const timings: PhaseTiming[] = [];
      // With --build, the import keeps what a reading of each YAML file it writes gives, so the build need not read them.
      const result = importMatrixSpec(dir, { api: opts.api, edition: opts.edition, version: opts.version, date: opts.date, events: opts.events, docName: opts.docName, keepAsRead: opts.build !== undefined });
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      // A json report is one document: with --build, the import's diagnostics go into the build's.
      const heldForBuild = opts.format === 'json' && opts.build !== undefined && !errors && result.files.length > 0;
      if (!heldForBuild) printDiagnostics(io, result.diagnostics, opts.format, dir);
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      if (!result.files.length) {
        io.err(`mxspec import: nothing imported (${errors} error(s), ${warnings} warning(s))\n`);
        setExit(1);
        return;
      }
      timings.push({ phase: 'import', ms: performance.now() - startedAt });
      const tw = performance.now();
      try {
        for (const f of result.files) {
          const abs = path.join(opts.out, safeOutputPath(f.path));
          mkdirSync(path.dirname(abs), { recursive: true });
          writeFileSync(abs, f.content);
        }
      } catch (e) {
        io.err(`${opts.out} - error MX9001: ${(e as Error).message}\n`);
        setExit(1);
        return;
      }
      timings.push({ phase: 'import:write', ms: performance.now() - tw });
      const next = opts.build === undefined ? `; next: mxspec check --spec ${opts.out}` : errors ? `; not built` : '';
      io.err(`mxspec import: wrote ${result.files.length} files to ${opts.out} (${result.operations.length} operations; ${errors} error(s), ${warnings} warning(s))${next}\n`);
      if (errors || opts.build === undefined) {
        if (opts.stats) io.err(`mxspec import --stats\n${formatTimings([...timings, { phase: 'total', ms: performance.now() - startedAt }])}`);
        setExit(errors ? 1 : 0);
        return;
      }
      const written = new Map(result.files.flatMap((f) => (f.asRead ? [[f.path, { text: f.content, asRead: f.asRead }] as const] : [])));
      setExit(await buildSpec(io, { specDir: opts.out, out: opts.build, format: opts.format, stats: opts.stats, startedAt, phasesBefore: timings, command: 'import --build', diagnosticsBefore: heldForBuild ? asDisplayed(result.diagnostics, dir) : undefined, written }));
    });
}
