/** `mxspec watch` — incremental rebuilds on every change to the spec (src/watch/). */
import { Option, type Command } from 'commander';
import type { EditionId } from '../../ir/types.js';
import { collectEdition, formatTimings, printDiagnostics, type Io } from '../main.js';
import { resolveSpecDir } from '../spec-dir.js';
import { createWatcher } from '../../watch/watcher.js';
import type { RebuildResult } from '../../watch/incremental-build.js';
import { boundHeapGrowthForLargeSpec } from '../heap-growth.js';

function list(items: string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** One line per rebuild, plus the diagnostics when there are any. */
export function describeRebuild(r: RebuildResult, out: string): string {
  const parsed = r.reparsed.length ? `parsed ${list(r.reparsed)}` : 'no source changed';
  if (!r.ok) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    return `mxspec watch: ${errors} error(s) after ${r.ms.toFixed(0)} ms (${parsed}); ${out} keeps the last good build\n`;
  }
  const wrote = r.written.length ? `wrote ${list(r.written)}` : 'wrote nothing';
  const removed = r.removed.length ? `, removed ${list(r.removed)}` : '';
  return `mxspec watch: rebuilt in ${r.ms.toFixed(0)} ms (${parsed}); ${wrote}${removed}; ${r.unchanged} unchanged\n`;
}

export function registerWatch(program: Command, io: Io, setExit: (c: number) => void): void {
  program
    .command('watch')
    .description('build, then rebuild incrementally on every change to the spec (re-parses only changed files, rewrites only changed outputs)')
    .option('--spec <dir>', 'spec folder (default: ./spec, else the shipped spec)')
    .option('--out <dir>', 'output folder', 'out')
    .option('--edition <id>', 'build only this edition (repeatable)', collectEdition)
    .addOption(new Option('--debounce <ms>', 'quiet time before rebuilding').default('40'))
    .option('--stats', 'print the time of each phase after every rebuild')
    .action(async (opts: { spec?: string; out: string; edition?: EditionId[]; debounce: string; stats?: boolean }) => {
      const debounceMs = Number(opts.debounce);
      if (!Number.isFinite(debounceMs) || debounceMs < 0) {
        io.err(`mxspec - error MX9003: --debounce must be a number of milliseconds, not "${opts.debounce}"\n`);
        setExit(2);
        return;
      }
      const spec = resolveSpecDir(opts.spec);
      boundHeapGrowthForLargeSpec(spec);
      const report = (r: RebuildResult): void => {
        if (r.diagnostics.length) printDiagnostics(io, r.diagnostics, 'text', spec);
        io.err(describeRebuild(r, opts.out));
        if (opts.stats) io.err(formatTimings(r.timings));
      };
      const watcher = createWatcher({
        spec,
        out: opts.out,
        editions: opts.edition,
        debounceMs,
        onRebuild: report,
        onFailure: (e) => io.err(`mxspec - error MX9999: internal error during rebuild: ${e.message} (watching continues; set MXSPEC_DEBUG=1 for the stack trace)\n${process.env.MXSPEC_DEBUG ? `${e.stack}\n` : ''}`),
      });
      try {
        await watcher.start();
      } catch (e) {
        io.err(`mxspec - error MX9001: cannot watch ${spec}: ${(e as Error).message}\n`);
        setExit(1);
        return;
      }
      io.err(`mxspec watch: watching ${spec} (Ctrl-C to stop)\n`);
      // Stay alive until interrupted; the watchers keep the event loop running.
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          watcher.close();
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
