/**
 * Where a build's time goes, thread by thread: runs `mxspec build` once
 * under `node --cpu-prof` into a temporary folder and prints each thread's
 * summary (scripts/bench/cpu-profile.ts). The build writes to a temporary
 * out/ too; nothing of the project changes.
 *
 *   node dist/scripts/bench/profile-build.js [--spec DIR] [--bucket MS] [--top N] [--bundle] [--keep DIR]
 *
 * By default the CLI runs from its compiled modules (MXSPEC_BUNDLE=off):
 * in the bundle every library the CLI uses shares one file with our code,
 * and its functions could not be told from ours. That costs the process
 * ~0.1 s more loading than a build through the launcher; `--bundle`
 * profiles the build exactly as it is run, with coarser names. `--keep DIR`
 * leaves the .cpuprofile files there (for Chrome DevTools).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './package-root.js';
import { largeSpecNodeFlags } from '../../src/cli/young-generation.js';
import { formatSummary, summarizeProfile, threadRole, type CpuProfile, type ThreadSummary } from './cpu-profile.js';

const ROOT = packageRoot(import.meta.url);

export interface ProfileOptions {
  spec: string;
  bucketMs: number;
  top: number;
  bundle: boolean;
  keep?: string;
}

export interface ProfiledThread {
  role: string;
  /** Node's thread id (0 for the main thread), from the profile's file name. */
  threadId: number;
  summary: ThreadSummary;
}

const USAGE = `usage: profile-build [--spec DIR] [--bucket MS] [--top N] [--bundle] [--keep DIR]
  --spec DIR     the spec folder to build (default: spec)
  --bucket MS    timeline bucket (default 100)
  --top N        functions listed per ranking (default 15)
  --bundle       run the CLI bundle, as a build is run (default: the compiled modules, for precise names)
  --keep DIR     copy the .cpuprofile files to DIR`;

export function parseProfileArgs(argv: string[]): ProfileOptions | 'help' {
  const opts: ProfileOptions = { spec: 'spec', bucketMs: 100, top: 15, bundle: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const positive = (v: string): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a} takes a whole number above 0, not "${v}"`);
      return n;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--spec') opts.spec = value();
    else if (a === '--bucket') opts.bucketMs = positive(value());
    else if (a === '--top') opts.top = positive(value());
    else if (a === '--bundle') opts.bundle = true;
    else if (a === '--keep') opts.keep = value();
    else throw new Error(`unknown argument "${a}"`);
  }
  return opts;
}

/** Thread id from Node's profile file name: CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile. */
export function threadIdOf(file: string): number {
  const m = /\.(\d+)\.\d+\.cpuprofile$/.exec(file);
  return m ? Number(m[1]) : Number.NaN;
}

/** Reads every profile in `dir` and summarises each thread on the main thread's clock. */
export function summarizeProfiles(dir: string, opts: { bucketMs: number; top: number }): ProfiledThread[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const profiles = files.map((f) => ({ threadId: threadIdOf(f), profile: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile }));
  profiles.sort((a, b) => a.threadId - b.threadId);
  const main = profiles.find((p) => p.threadId === 0) ?? profiles[0];
  if (!main) return [];
  return profiles.map(({ threadId, profile }) => ({
    role: threadRole(profile, profile === main.profile),
    threadId,
    summary: summarizeProfile(profile, { originUs: main.profile.startTime, bucketMs: opts.bucketMs, top: opts.top }),
  }));
}

/**
 * Node's command line for the profiled build. The launcher leaves Node
 * started with flags of its own as it is (src/cli/young-generation.ts), so
 * the flags it would start this build with (larger semi-spaces on a large
 * spec) are given here: the profile is of the build as it runs unprofiled.
 */
export function profiledBuildArgs(opts: Pick<ProfileOptions, 'spec'>, profilesDir: string, outDir: string, env: NodeJS.ProcessEnv): string[] {
  const buildArgs = ['build', '--spec', path.resolve(opts.spec), '--out', outDir];
  const launchFlags = largeSpecNodeFlags({ args: buildArgs, execArgv: [], env, cwd: process.cwd() }) ?? [];
  return ['--cpu-prof', `--cpu-prof-dir=${profilesDir}`, ...launchFlags, path.join(ROOT, 'bin/mxspec.js'), ...buildArgs];
}

/** Runs one build under --cpu-prof and summarises it; throws when the build fails. */
export function profileBuild(opts: ProfileOptions): ProfiledThread[] {
  const work = mkdtempSync(path.join(tmpdir(), 'mxspec-profile-'));
  try {
    const profiles = path.join(work, 'profiles');
    const env = { ...process.env, ...(opts.bundle ? {} : { MXSPEC_BUNDLE: 'off' }) };
    const args = profiledBuildArgs(opts, profiles, path.join(work, 'out'), env);
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`the build failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    if (opts.keep) cpSync(profiles, opts.keep, { recursive: true });
    return summarizeProfiles(profiles, opts);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let opts: ProfileOptions | 'help' | undefined;
  try {
    opts = parseProfileArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`profile-build: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    process.exitCode = 1;
  }
  if (opts === 'help') process.stdout.write(`${USAGE}\n`);
  else if (opts) {
    try {
      const threads = profileBuild(opts);
      process.stdout.write(`mxspec build --spec ${opts.spec}${opts.bundle ? ' (bundle)' : ' (compiled modules)'}: ${threads.length} thread(s)\n\n`);
      process.stdout.write(`${threads.map((t) => formatSummary(t.role, t.summary)).join('\n\n')}\n`);
    } catch (e) {
      process.stderr.write(`profile-build: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
}
