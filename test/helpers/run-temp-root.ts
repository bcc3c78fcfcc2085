/**
 * One temporary folder per test run, removed when the run ends.
 *
 * Why: the tests make hundreds of temporary folders (copies of the spec,
 * imported corpora, built out/ trees: ~150 MB a run) with `os.tmpdir()`,
 * and a test that fails half-way cannot be trusted to clean up after
 * itself. vitest.config.ts points TMPDIR of every test process (and of the
 * processes they start) at this run's folder, and the global teardown
 * removes it whatever the tests did. Only the config file and the global
 * setup run in vitest's own process, so the folder is remembered there in
 * an environment variable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const VARIABLE = 'MXSPEC_TEST_RUN_TEMP';
export const RUN_TEMP_PREFIX = 'mxspec-test-run-';

/** This run's folder, made on the first call (the config file may be read more than once). */
export function runTempRoot(): string {
  return (process.env[VARIABLE] ??= mkdtempSync(path.join(tmpdir(), RUN_TEMP_PREFIX)));
}

/** vitest's global setup: returns the teardown that removes the run's folder. */
export default function setup(): () => void {
  const root = runTempRoot();
  return () => rmSync(root, { recursive: true, force: true });
}
