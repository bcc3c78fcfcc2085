/** Runs the mxspec CLI in-process (fast) or as a real process (exit codes, signals). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SPEC = path.join(ROOT, 'spec');
export const BIN = path.join(ROOT, 'bin/mxspec.js');
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus/matrix-spec');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/mxspec.js ...args` as a child process. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** In-process: imports the compiled CLI (npm test compiles first). */
export async function runCliInProcess(args: string[]): Promise<RunResult> {
  const { main } = (await import(path.join(ROOT, 'dist/src/cli/main.js'))) as { main: (argv: string[], io: unknown) => Promise<number> };
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'mxspec', ...args], { out: (s: string) => (stdout += s), err: (s: string) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

/** A fresh copy of the shipped spec in a temporary folder. */
export function copySpec(prefix = 'mxspec-spec-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(SPEC, path.join(dir, 'spec'), { recursive: true });
  return dir;
}

/**
 * A copy of the shipped spec made `bytes` larger by a README the loader does
 * not read: it builds like the shipped one, but counts as a spec that large
 * (src/cli/heap-growth.ts, src/cli/young-generation.ts). The spec folder is
 * `<returned>/spec`.
 */
export function paddedSpec(bytes: number, prefix = 'mxspec-padded-'): string {
  const dir = copySpec(prefix);
  writeFileSync(path.join(dir, 'spec/README.md'), `# Padding\n\n${'Not a source file. '.repeat(Math.ceil(bytes / 19))}\n`);
  return dir;
}

export function tempDir(prefix = 'mxspec-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Snapshot of a folder: relative path -> content (for "out/ untouched" assertions). */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    const abs = path.join(dir, rel);
    let ents: string[];
    try {
      ents = readdirSync(abs);
    } catch {
      return;
    }
    for (const e of ents.sort()) {
      const r = rel ? `${rel}/${e}` : e;
      const st = statSync(path.join(dir, r));
      if (st.isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r), 'latin1'));
    }
  };
  walk('');
  return out;
}
