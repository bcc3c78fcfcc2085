/**
 * `mxspec import matrix-spec DIR --out SPECDIR`: reads a matrix-spec
 * checkout with the importer (src/import/) and writes the mxspec sources.
 * The output folder must be new or empty, so an import never mixes with
 * (or overwrites) a spec someone edited.
 */
import { Option, type Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Io } from '../main.js';
import { printDiagnostics, UsageError } from '../main.js';
import { importMatrixSpec } from '../../import/index.js';
import { safeOutputPath } from '../../build/write-output.js';

interface ImportOpts {
  out?: string;
  api?: string[];
  edition: 'ietf' | 'matrix-org';
  version?: string;
  date?: string;
  events: boolean;
  docName?: string;
  format: 'text' | 'json' | 'github';
}

function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

export function registerImport(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('import')
    .description('import a matrix-spec checkout: mxspec import matrix-spec DIR --out SPECDIR')
    .argument('<source>', 'source kind: matrix-spec')
    .argument('<dir>', 'the checkout (or any folder in its layout: data/api/<api>/*.yaml, data/event-schemas/)')
    .option('--out <dir>', 'spec folder to write (must be new or empty)')
    .option('--api <name>', 'API folder under data/api to import (repeatable; default: every folder with API files)', collect)
    .addOption(new Option('--edition <id>', 'the edition the imported release is').choices(['matrix-org', 'ietf']).default('matrix-org'))
    .option('--version <v>', 'release version, e.g. v1.19 (default: the folder name when it looks like one)')
    .option('--date <yyyy-mm-dd>', 'edition date (default: SOURCE_DATE_EPOCH, else 1970-01-01)')
    .option('--no-events', 'do not import data/event-schemas')
    .option('--doc-name <name>', 'Internet-Draft name of the API document in the ietf edition (default draft-mxspec-matrix-<api>-imported)')
    .addOption(new Option('--format <format>', 'diagnostic format').choices(['text', 'json', 'github']).default('text'))
    .action((source: string, dir: string, opts: ImportOpts) => {
      if (source !== 'matrix-spec') throw new UsageError(`unknown import source "${source}"; the only source is matrix-spec`);
      if (!opts.out) throw new UsageError('--out <dir> is required: the spec folder to write');
      if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${opts.date}"`);
      if (existsSync(opts.out) && readdirSync(opts.out).length > 0) {
        io.err(`${opts.out} - error MX9001: the output folder is not empty; import writes a new spec folder\n`);
        setExit(1);
        return;
      }
      const result = importMatrixSpec(dir, { api: opts.api, edition: opts.edition, version: opts.version, date: opts.date, events: opts.events, docName: opts.docName });
      printDiagnostics(io, result.diagnostics, opts.format, dir);
      const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
      if (!result.files.length) {
        io.err(`mxspec import: nothing imported (${errors} error(s), ${warnings} warning(s))\n`);
        setExit(1);
        return;
      }
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
      io.err(`mxspec import: wrote ${result.files.length} files to ${opts.out} (${result.operations.length} operations; ${errors} error(s), ${warnings} warning(s)); next: mxspec check --spec ${opts.out}\n`);
      setExit(errors ? 1 : 0);
    });
}
