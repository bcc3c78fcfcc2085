/**
 * Timing whole processes: wall time from spawn to exit, and peak resident
 * memory from GNU time (/usr/bin/time -f %M) when it is installed. Commands
 * under comparison run alternated (A B A B …) so that drift in the machine
 * (thermal, other load) falls on both sides alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Command {
  label: string;
  cmd: string;
  args: string[];
  cwd?: string;
  /** Added to the environment of the run. */
  env?: Record<string, string>;
  /** Runs before every timed run (not timed), e.g. removing the output of the last one. */
  before?: () => void;
  /** Receives what a successful run printed on stdout (a probe's report). */
  onStdout?: (stdout: string) => void;
}

export interface Sample {
  ms: number;
  maxRssKb?: number;
}

export interface Series {
  label: string;
  samples: Sample[];
}

const GNU_TIME = '/usr/bin/time';

export class CommandFailed extends Error {}

/** Runs a command once; throws when it fails (a benchmark of a failing command measures nothing). */
export function runOnce(c: Command): Sample {
  c.before?.();
  const rssFile = path.join(tmpdir(), `mxspec-bench-rss-${process.pid}`);
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, c.cmd, ...c.args]] : [c.cmd, c.args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: c.cwd, env: c.env ? { ...process.env, ...c.env } : process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    throw new CommandFailed(`${c.label} failed (exit ${r.status}): ${c.cmd} ${c.args.join(' ')}\n${(r.stderr || '').slice(-2000)}`);
  }
  c.onStdout?.(r.stdout);
  let maxRssKb: number | undefined;
  if (useTime && existsSync(rssFile)) {
    const n = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(n)) maxRssKb = n;
    rmSync(rssFile, { force: true });
  }
  return { ms, maxRssKb };
}

/** Warm-up rounds (discarded), then `runs` counted rounds; each round runs every command once, in turn. */
export function alternate(commands: Command[], runs: number, warmup = 1): Series[] {
  const series = commands.map((c) => ({ label: c.label, samples: [] as Sample[] }));
  for (let i = 0; i < warmup; i++) for (const c of commands) runOnce(c);
  for (let i = 0; i < runs; i++) {
    // Alternate the order too, so neither side always runs right after the other.
    const order = i % 2 === 0 ? commands.map((_, j) => j) : commands.map((_, j) => commands.length - 1 - j);
    for (const j of order) series[j]!.samples.push(runOnce(commands[j]!));
  }
  return series;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(xs: number[]): Summary {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

export function times(s: Series): number[] {
  return s.samples.map((x) => x.ms);
}

export function peakRssKb(s: Series): number | undefined {
  const r = s.samples.map((x) => x.maxRssKb).filter((x): x is number => x !== undefined);
  return r.length ? Math.max(...r) : undefined;
}
