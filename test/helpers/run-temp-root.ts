/**
 * One temporary folder per test run, removed when the run ends.
 *
 * Why: the tests make hundreds of temporary folders (copies of the spec,
 * imported corpora, built out/ trees: ~150 MB a run) with `os.tmpdir()`,
 * and a test that fails half-way cannot be trusted to clean up after
 * itself. vitest.config.ts points TMPDIR of every test process (and of the
 * processes they start) at this run's folder, and the global teardown
 * removes it whatever the tests did.
 *
 * The config file and the global setup run in vitest's own process, so the
 * folder is remembered on that process's global object: not in the
 * environment, which the processes tests start inherit. A test that runs
 * vitest again (test/reliability/no-network.test.ts) starts a run of its
 * own, whose folder is made inside this one and removed when it ends;
 * sharing this one, its teardown would remove it under the other tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const RUN_TEMP_PREFIX = 'mxspec-test-run-';
const KEY = Symbol.for('mxspec.testRunTemp');

/** This run's folder, made on the first call in this process (the config file may be read more than once). */
export function runTempRoot(): string {
  const memo = globalThis as { [KEY]?: string };
  return (memo[KEY] ??= mkdtempSync(path.join(tmpdir(), RUN_TEMP_PREFIX)));
}

/** vitest's global setup: returns the teardown that removes the run's folder. */
export default function setup(): () => void {
  const root = runTempRoot();
  return () => rmSync(root, { recursive: true, force: true });
}
