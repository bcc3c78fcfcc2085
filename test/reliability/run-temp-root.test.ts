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
    const saved = { TMPDIR: process.env.TMPDIR, MXSPEC_TEST_RUN_TEMP: process.env.MXSPEC_TEST_RUN_TEMP };
    try {
      process.env.TMPDIR = outer;
      delete process.env.MXSPEC_TEST_RUN_TEMP;
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
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(outer, { recursive: true, force: true });
    }
  });
});
