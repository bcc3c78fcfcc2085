/**
 * A larger young generation for the main thread of a build (or a check, or
 * a diff) of a large spec.
 *
 * Why: at 50× the shipped spec, the main thread spent ~3.2 s of a ~14 s
 * build in scavenges (279 of them), each copying what was still being
 * built — Markdown trees, draft trees, OpenAPI documents — out of a young
 * generation of 16 MB semi-spaces. With 32 MB semi-spaces it ran half as
 * many (140, ~2.5 s) and half the mark-compact time. Started this way by
 * the launcher, the 50× build took 0.905 of its time and 0.895 of its CPU
 * (8 builds each way, A B B A), at 762 against 744 MiB at its peak.
 *
 * V8 sizes a thread's young generation when the thread starts. A worker
 * can be given its size (`resourceLimits`); the main thread only on Node's
 * command line. So for `build`, `check` and `diff` on a large spec the
 * launcher (bin/mxspec.js) starts Node again with the flag and waits for
 * it (LARGE_SPEC_COMMANDS): one Node start-up more
 * (~0.1 s), against ~1.4 s saved at 50×. Below LARGE_SPEC_SEMI_SPACE_BYTES
 * of sources nothing changes: smaller builds gain nothing from larger
 * semi-spaces and pay for their pages.
 *
 * Nothing but speed depends on it: the same command runs in the new process
 * with the same arguments, environment, working folder and standard streams.
 * Node started with flags of its own (a profiler, an inspector, heap flags)
 * is left as it is.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sourceBytes } from './heap-growth.js';
import { resolveSpecDir } from './spec-dir.js';

/**
 * From this size of sources on. Measured against the build in one process
 * (A B B A, 8 builds each): 7.1 MB of sources (20× the shipped spec) 1.01
 * of its time and +55 MiB at the peak, 12.4 MB (35×) 0.96 and +58 MiB,
 * 17 MB (50×) 0.905 and +18 MiB. Below ~10 MB the collections the larger
 * semi-spaces save do not pay for the second start-up and the pages.
 */
export const LARGE_SPEC_SEMI_SPACE_BYTES = 10 * 1024 * 1024;
export const LARGE_SPEC_SEMI_SPACE_MB = 32;
export const SEMI_SPACE_FLAG = `--max-semi-space-size=${LARGE_SPEC_SEMI_SPACE_MB}`;

/**
 * The commands started this way: those that read, check and hold a whole
 * spec in one run. Measured at 50× through the launcher against the same
 * command in one process (A B B A, whole processes; round 23): `check`
 * 0.974 and 0.909 of the time, 0.977 and 0.919 of the CPU (8 and 12 runs
 * each way; peak 435 → 488 MiB); `diff ietf matrix-org` 0.988 and 0.954,
 * CPU 0.998 and 0.959 (6 and 10 runs; 455 → 483 MiB); `build` as above.
 * At 35× `check` with the flag ran as before (1.01, 6 runs). `watch` is
 * not started again: it ends on a Ctrl-C the terminal sends to both
 * processes, and a second SIGINT from the launcher would cut its clean-up
 * short.
 */
export const LARGE_SPEC_COMMANDS: readonly string[] = ['build', 'check', 'diff'];

/** Options that make a command print and end without reading a spec. */
const NO_SPEC_OPTIONS = new Set(['--help', '-h', '--list-checks']);

/** Where the command reads the spec from: its --spec (`--spec DIR` or `--spec=DIR`) or the CLI's default, as an absolute path. */
export function specDirOf(args: readonly string[], cwd: string): string {
  let given: string | undefined;
  for (let i = 0; i < args.length && given === undefined; i++) {
    const a = args[i]!;
    if (a === '--spec') given = args[i + 1] ?? '';
    else if (a.startsWith('--spec=')) given = a.slice('--spec='.length);
  }
  return path.resolve(cwd, resolveSpecDir(given, cwd));
}

export interface LaunchContext {
  /** The command line after the script (process.argv.slice(2)). */
  args: readonly string[];
  /** Node's own flags (process.execArgv). */
  execArgv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Node's flags for running this command line again with a larger young
 * generation, or undefined when it should run in this process: not one of
 * LARGE_SPEC_COMMANDS (or only asking for help), a spec below
 * LARGE_SPEC_SEMI_SPACE_BYTES, or Node started with flags of its own (on its
 * command line or in NODE_OPTIONS).
 */
export function largeSpecNodeFlags(ctx: LaunchContext): string[] | undefined {
  const command = ctx.args.find((a) => !a.startsWith('-'));
  if (command === undefined || !LARGE_SPEC_COMMANDS.includes(command)) return undefined;
  if (ctx.args.some((a) => NO_SPEC_OPTIONS.has(a))) return undefined;
  if (ctx.execArgv.length > 0 || (ctx.env.NODE_OPTIONS ?? '').trim() !== '') return undefined;
  if (sourceBytes(specDirOf(ctx.args, ctx.cwd), LARGE_SPEC_SEMI_SPACE_BYTES) <= LARGE_SPEC_SEMI_SPACE_BYTES) return undefined;
  return [SEMI_SPACE_FLAG];
}

/** The main thread's semi-space size in MB when Node was started with the flag (for `--stats`), else undefined. */
export function mainSemiSpaceMb(execArgv: readonly string[] = process.execArgv): number | undefined {
  for (const a of execArgv) {
    const m = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(a);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** What `--stats` adds to its heading when the main thread had other semi-spaces ("; main thread's semi-spaces 32 MB"), else nothing. */
export function semiSpaceStatsNote(execArgv: readonly string[] = process.execArgv): string {
  const mb = mainSemiSpaceMb(execArgv);
  return mb === undefined ? '' : `; main thread's semi-spaces ${mb} MB`;
}

/** Signals a one-shot command is ended by; the launcher passes each on to the process it waits for. */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs `script` with `args` in a new Node process started with `nodeFlags`,
 * sharing this one's standard streams, and resolves with its exit status.
 * A signal this process receives is passed on; a run ended by a signal ends
 * this process by the same signal. Resolves undefined when the process
 * could not be started (the caller then runs the command itself).
 */
export function runInNewNode(nodeFlags: readonly string[], script: string, args: readonly string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, script, ...args], { stdio: 'inherit' });
    let started = false;
    const pass = (signal: NodeJS.Signals): void => void child.kill(signal);
    for (const s of FORWARDED_SIGNALS) process.on(s, pass);
    const done = (): void => {
      for (const s of FORWARDED_SIGNALS) process.off(s, pass);
    };
    child.once('spawn', () => {
      started = true;
    });
    child.on('error', () => {
      // Once it has started, an error (a signal it could no longer receive) changes nothing: its exit decides.
      if (started) return;
      done();
      resolve(undefined);
    });
    child.once('exit', (code, signal) => {
      done();
      if (signal) {
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 1);
    });
  });
}
