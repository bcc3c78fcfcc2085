/**
 * Shared plumbing for the bad-input corpus: a scratch copy of the minimal
 * fixture spec with a pre-existing out/, small editing helpers, and an
 * asynchronous CLI runner (so cases can run concurrently; each is a real
 * child process, which is what users and CI see).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, tempDir, type RunResult } from '../helpers/cli.js';

export const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');

/** A temp dir holding spec/ (a copy of the fixture) and out/ (a previous build's stand-in). */
export function scratch(prefix = 'mxspec-bad-'): string {
  const dir = tempDir(prefix);
  cpSync(FIXTURE, path.join(dir, 'spec'), { recursive: true });
  mkdirSync(path.join(dir, 'out/ietf/nested'), { recursive: true });
  writeFileSync(path.join(dir, 'out/ietf/marker.txt'), 'previous build\n');
  writeFileSync(path.join(dir, 'out/ietf/nested/deep.json'), '{"kept": true}\n');
  return dir;
}

export function specPath(dir: string, rel: string): string {
  return path.join(dir, 'spec', rel);
}

export function edit(dir: string, rel: string, fn: (s: string) => string): void {
  const p = specPath(dir, rel);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
}

export function put(dir: string, rel: string, content: string | Buffer): void {
  const p = specPath(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
}

/** Replaces the first occurrence, and fails loudly if the fixture changed under the case. */
export function replaceOnce(s: string, from: string, to: string): string {
  if (!s.includes(from)) throw new Error(`fixture text not found: ${JSON.stringify(from)}`);
  return s.replace(from, to);
}

export function toCrlf(s: string): string {
  return s.replace(/\r?\n/g, '\r\n');
}

export interface AsyncRunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Extra node flags before the script (e.g. --import a preload). */
  nodeArgs?: string[];
  /** Kill the child after this many ms (the test then fails on the exit status). */
  killAfterMs?: number;
}

/** `node bin/mxspec.js ...args` as a child process, without blocking the test worker. */
export function runCliAsync(args: string[], opts: AsyncRunOptions = {}): Promise<RunResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...opts.env })) if (v !== undefined) env[k] = v;
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = opts.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? -1, signal, stdout, stderr });
    });
  });
}

/** A Node stack frame as V8 prints it: the thing users must never see. */
export const STACK_FRAME = /\n\s+at .+[(\s]\S+:\d+:\d+\)?/;
