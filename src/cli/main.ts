/**
 * The mxspec command line. Only this layer touches the file system for
 * output, prints, and decides exit status: 0 ok, 1 errors found, 2 usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, type DiagnosticFormat } from '../diagnostics/format.js';
import { DIAGNOSTIC_CODES } from '../diagnostics/codes.js';
import { compile } from '../build/pipeline.js';
import { CHECKS } from '../checks/registry.js';
import { EDITION_IDS, type EditionId } from '../ir/types.js';
import { registerExtraCommands } from './extra-commands.js';
import { buildSpec } from './commands/build.js';
import { resolveSpecDir } from './spec-dir.js';
import { semiSpaceStatsNote } from './young-generation.js';

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export class UsageError extends Error {}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

/** How diagnostics name specDir: relative to the working directory when inside it, else absolute. */
function displayedRoot(specDir: string): string {
  const rel = path.relative(process.cwd(), path.resolve(specDir)).split(path.sep).join('/');
  return rel && !rel.startsWith('..') ? rel : path.resolve(specDir).split(path.sep).join('/');
}

/** Diagnostics whose files are named as they are shown (relative to specDir in the diagnostics, to the working directory here). */
export function asDisplayed(diags: Diagnostic[], specDir: string): Diagnostic[] {
  const root = displayedRoot(specDir);
  return diags.map((d) => (d.loc ? { ...d, loc: { ...d.loc, file: path.posix.join(root, d.loc.file) } } : d));
}

/**
 * Prints diagnostics: text on stderr, json and github on stdout. `before`
 * are diagnostics of an earlier step of the same command, already as
 * displayed (asDisplayed): a json report then holds both steps in its one
 * document.
 */
export function printDiagnostics(io: Io, diags: Diagnostic[], format: DiagnosticFormat, specDir: string, before: Diagnostic[] = []): void {
  const text = before.length
    ? formatDiagnostics([...before, ...asDisplayed(diags, specDir)], { format })
    : formatDiagnostics(diags, { format, specRoot: specDir, frames: io.isTTY && format === 'text', pathPrefix: displayedRoot(specDir) });
  if (format === 'text') io.err(text);
  else io.out(text);
}

/** The `--stats` table: one line per phase, each part of a phase (a check) indented under it. */
export function formatTimings(timings: { phase: string; ms: number; part?: boolean }[]): string {
  return timings.map((t) => (t.part ? `    ${t.phase.padEnd(34)}` : `  ${t.phase.padEnd(36)}`) + ` ${t.ms.toFixed(1).padStart(8)} ms\n`).join('');
}

export function exitFor(diags: DiagnosticBag, warnAsError: boolean): number {
  if (diags.hasErrors()) return 1;
  if (warnAsError && diags.warningCount > 0) return 1;
  return 0;
}

export function diagnosticSummary(diags: DiagnosticBag): string {
  return `${diags.errorCount} error(s), ${diags.warningCount} warning(s)`;
}

function parseFormat(v: string): DiagnosticFormat {
  if (v !== 'text' && v !== 'json' && v !== 'github') throw new UsageError(`--format must be text, json or github, not "${v}"`);
  return v;
}

/** commander option parser for a repeatable --edition. */
export function collectEdition(v: string, prev: EditionId[] = []): EditionId[] {
  if (!(EDITION_IDS as readonly string[]).includes(v)) throw new UsageError(`unknown edition "${v}"; editions are ${EDITION_IDS.join(', ')}`);
  return [...prev, v as EditionId];
}

export function buildProgram(io: Io = processIo): Command {
  const program = new Command();
  let exitCode = 0;
  program
    .name('mxspec')
    .description('Matrix spec toolchain: one source tree, two editions (ietf, matrix-org); types, OpenAPI, Internet-Drafts, diffs.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    // Usage errors carry the same "where - error CODE: message" shape as every other diagnostic.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (str, write) => write(str.replace(/^error: /, 'mxspec - error MX9003: ')) });

  program
    .command('build')
    .description('check the spec and generate out/ for both editions (atomically: out/ changes only if everything succeeded)')
    .option('--spec <dir>', 'spec folder (default: ./spec, else the shipped spec)')
    .option('--out <dir>', 'output folder', 'out')
    .option('--edition <id>', 'build only this edition (repeatable)', collectEdition)
    .option('--stats', 'print the time of each phase')
    .option('--check', 'do not write; fail if out/ differs from what the build would write')
    .addOption(new Option('--format <format>', 'diagnostic format').choices(['text', 'json', 'github']).default('text'))
    .option('--warn-as-error', 'treat warnings as errors')
    .action(async (opts: { spec?: string; out: string; edition?: EditionId[]; stats?: boolean; check?: boolean; format: string; warnAsError?: boolean }) => {
      const startedAt = performance.now();
      const format = parseFormat(opts.format);
      exitCode = await buildSpec(io, { specDir: resolveSpecDir(opts.spec), out: opts.out, editions: opts.edition, stats: opts.stats, check: opts.check, format, warnAsError: opts.warnAsError, startedAt });
    });

  program
    .command('check')
    .description('check the spec and report diagnostics; writes nothing')
    .option('--spec <dir>', 'spec folder (default: ./spec, else the shipped spec)')
    .addOption(new Option('--format <format>', 'diagnostic format').choices(['text', 'json', 'github']).default('text'))
    .option('--warn-as-error', 'treat warnings as errors')
    .option('--list-checks', 'list the check registry and the diagnostic codes')
    .option('--stats', 'print the time of each phase and of each check')
    .action(async (opts: { spec?: string; format: string; warnAsError?: boolean; listChecks?: boolean; stats?: boolean }) => {
      if (opts.listChecks) {
        const lines = CHECKS.map((c) => `${c.id.padEnd(22)} ${c.codes.join(',').padEnd(42)} ${c.description}`);
        lines.push('', 'Diagnostic codes:');
        for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) lines.push(`${code}  ${info.severity.padEnd(8)} ${info.title}`);
        io.out(lines.join('\n') + '\n');
        return;
      }
      const specDir = resolveSpecDir(opts.spec);
      const format = parseFormat(opts.format);
      const t0 = performance.now();
      const result = await compile(specDir, { checkOnly: true });
      printDiagnostics(io, result.diagnostics.sorted(), format, specDir);
      exitCode = exitFor(result.diagnostics, Boolean(opts.warnAsError));
      if (opts.stats) {
        const table = formatTimings([...result.timings, { phase: 'total', ms: performance.now() - t0 }]);
        io.err(`mxspec check --stats (${result.sourceFiles.length} source files${semiSpaceStatsNote()})\n${table}`);
      }
      if (format === 'text') io.err(`mxspec check: ${diagnosticSummary(result.diagnostics)}\n`);
    });

  registerExtraCommands(program, io, (c) => {
    exitCode = c;
  });

  (program as Command & { exitCodeRef?: () => number }).exitCodeRef = () => exitCode;
  return program;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return (program as Command & { exitCodeRef: () => number }).exitCodeRef();
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`mxspec - error MX9003: ${e.message}\n`);
      return 2;
    }
    // Never a stack trace for the user: an internal error is reported as one, with a way to get details.
    const err = e as Error;
    io.err(`mxspec - error MX9999: internal error: ${err.message}\n  (this is a bug in mxspec; set MXSPEC_DEBUG=1 for the stack trace)\n`);
    if (process.env.MXSPEC_DEBUG) io.err(`${err.stack}\n`);
    return 1;
  }
}
