/**
 * The tests' temporary folders live under one folder per run
 * (test/helpers/run-temp-root.ts), which the run's teardown removes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import setup, { RUN_TEMP_PREFIX, runTempRoot } from '../helpers/run-temp-root.js';
import { ROOT } from '../helpers/cli.js';

const KEY = Symbol.for('mxspec.testRunTemp');

describe('temporary folders of a test run', () => {
  it('are made under the run’s own folder, in test processes and the processes they start', () => {
    const here = tmpdir();
    expect(path.basename(here).startsWith(RUN_TEMP_PREFIX)).toBe(true);
    expect(existsSync(here)).toBe(true);
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("node:os").tmpdir())'], { encoding: 'utf8' });
    expect(child.stdout).toBe(here);
  });

  it('are removed by the global teardown, with whatever a test left in them', () => {
    const outer = mkdtempSync(path.join(tmpdir(), 'mxspec-run-root-'));
    const memo = globalThis as { [KEY]?: string };
    const saved = { tmp: process.env.TMPDIR, memo: memo[KEY] };
    try {
      // As in a process that has not made its folder yet.
      process.env.TMPDIR = outer;
      delete memo[KEY];
      const teardown = setup();
      const [root] = readdirSync(outer);
      expect(root?.startsWith(RUN_TEMP_PREFIX)).toBe(true);
      // A test's leftovers: a folder with a file in it.
      const left = mkdtempSync(path.join(outer, root!, 'mxspec-left-'));
      writeFileSync(path.join(left, 'file'), 'x');
      // The config file may be read again in the same process: still one folder.
      expect(runTempRoot()).toBe(path.join(outer, root!));
      expect(readdirSync(outer)).toHaveLength(1);
      teardown();
      expect(readdirSync(outer)).toEqual([]);
    } finally {
      process.env.TMPDIR = saved.tmp;
      memo[KEY] = saved.memo;
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('of a vitest run started by a test are its own: it leaves this run’s folder in place and empty of its own', () => {
    const here = tmpdir();
    const before = readdirSync(here).sort();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/diff/words.test.ts'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(existsSync(here)).toBe(true);
    expect(readdirSync(here).sort()).toEqual(before);
  }, 60_000);
});
