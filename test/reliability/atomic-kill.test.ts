/**
 * A build killed with SIGKILL at any moment leaves out/ entirely old or
 * entirely new, never a mix. Two set-ups: the real CLI (kill at several
 * delays across load, generate and write), and the writer alone with a big
 * synthetic tree, so that kills land in the middle of writing files.
 *
 * The swap is two renames (out -> .out.old-PID, staging -> out); a kill
 * between them leaves no out/ but a complete .out.old-PID, which the next
 * run restores (recoverOutput). The tests accept that one state only if
 * recovery then yields the old tree.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, snapshotTree, tempDir } from '../helpers/cli.js';
import { FIXTURE, edit, runCliAsync } from '../bad-input/harness.js';

type WriteModule = typeof import('../../src/build/write-output.js');
const WRITE_OUTPUT = path.join(ROOT, 'dist/src/build/write-output.js');
const { recoverOutput } = (await import(WRITE_OUTPUT)) as WriteModule;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Spawns node with args, SIGKILLs it after `ms`; resolves when it is gone. */
function killAfter(args: string[], ms: number, cwd: string): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: 'ignore' });
    const t = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(t);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

type Snapshot = Map<string, string>;

/** The state of out/ after a kill: 'old', 'new', or a description of the damage. */
function judge(out: string, oldSnap: Snapshot, newSnap: Snapshot): string {
  if (!existsSync(out)) {
    // Killed between the two renames: the next run puts the old tree back.
    recoverOutput(out);
    if (!existsSync(out)) return 'missing and not recoverable';
  }
  const s = snapshotTree(out);
  if (equal(s, oldSnap)) return 'old';
  if (equal(s, newSnap)) return 'new';
  return `mixed (${s.size} files: ${[...s.keys()].slice(0, 5).join(', ')}…)`;
}
function equal(a: Snapshot, b: Snapshot): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

describe('SIGKILL leaves out/ entirely old or entirely new', () => {
  it('the real CLI, killed at several delays', async () => {
    const dir = tempDir('mxspec-kill-');
    dirs.push(dir);
    cpSync(FIXTURE, path.join(dir, 'spec'), { recursive: true });
    // "Old": the output of a slightly different spec; "new": the output of the spec as it stands.
    edit(dir, 'documents/api.md', (s) => s + '\nAn older closing paragraph.\n');
    const a = await runCliAsync(['build', '--spec', 'spec', '--out', 'old-out'], { cwd: dir });
    expect(a.code, a.stderr).toBe(0);
    edit(dir, 'documents/api.md', (s) => s.replace('\nAn older closing paragraph.\n', ''));
    const b = await runCliAsync(['build', '--spec', 'spec', '--out', 'new-out'], { cwd: dir });
    expect(b.code, b.stderr).toBe(0);
    const oldSnap = snapshotTree(path.join(dir, 'old-out'));
    const newSnap = snapshotTree(path.join(dir, 'new-out'));
    // Even with no generator output the trees differ: the old one gets a marker.
    oldSnap.set('marker.txt', 'old\n');
    const out = path.join(dir, 'out');
    const outcomes: string[] = [];
    for (const ms of [40, 150, 300, 450, 600, 900, 1500]) {
      rmSync(out, { recursive: true, force: true });
      cpSync(path.join(dir, 'old-out'), out, { recursive: true });
      writeFileSync(path.join(out, 'marker.txt'), 'old\n');
      const r = await killAfter([BIN, 'build', '--spec', 'spec', '--out', 'out'], ms, dir);
      const state = judge(out, oldSnap, newSnap);
      outcomes.push(`${ms}ms:${r.killed ? 'killed' : 'finished'}:${state}`);
      expect(['old', 'new'], outcomes.join(' ')).toContain(state);
    }
    expect(outcomes.some((o) => o.includes(':killed:')), outcomes.join(' ')).toBe(true);
    // The next ordinary build cleans up whatever the kills left beside out/.
    const c = await runCliAsync(['build', '--spec', 'spec', '--out', 'out'], { cwd: dir });
    expect(c.code, c.stderr).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('.out.'))).toEqual([]);
    expect(equal(snapshotTree(out), newSnap)).toBe(true);
  });

  it('the writer with 2000 files, killed mid-write', async () => {
    const dir = tempDir('mxspec-killw-');
    dirs.push(dir);
    const out = path.join(dir, 'out');
    const files = (tag: string) => Array.from({ length: 2000 }, (_, i) => ({ path: `ietf/d${i % 20}/f${i}.txt`, content: `${tag} ${i} `.repeat(200) }));
    const oldFiles = files('old');
    const newFiles = files('new');
    // The child builds the same list as files() above (kept in step by the snapshot assertions).
    const script = (tag: string) => `const files = Array.from({ length: 2000 }, (_, i) => ({ path: \`ietf/d\${i % 20}/f\${i}.txt\`, content: \`${tag} \${i} \`.repeat(200) }));
      import(${JSON.stringify(WRITE_OUTPUT)}).then((m) => m.writeOutputTree(${JSON.stringify(out)}, files));`;
    const write = (tag: string) => killAfter(['--input-type=module', '-e', script(tag)], 60_000, dir);
    await write('old');
    expect(equal(snapshotTree(out), new Map(oldFiles.map((f) => [f.path, f.content])))).toBe(true);
    const oldSnap = snapshotTree(out);
    expect(oldSnap.size).toBe(2000);
    const newSnap = new Map(newFiles.map((f) => [f.path, f.content]));
    const outcomes: string[] = [];
    for (const ms of [60, 90, 120, 160, 220, 320]) {
      const r = await killAfter(['--input-type=module', '-e', script('new')], ms, dir);
      const state = judge(out, oldSnap, newSnap);
      outcomes.push(`${ms}ms:${r.killed ? 'killed' : 'finished'}:${state}`);
      expect(['old', 'new'], outcomes.join(' ')).toContain(state);
      if (state === 'new') {
        // Put the old tree back for the next round.
        await write('old');
      }
    }
    // At least one kill hit a running writer (otherwise the test proved nothing).
    expect(outcomes.some((o) => o.includes(':killed:')), outcomes.join(' ')).toBe(true);
  });
});
