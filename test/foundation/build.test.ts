/**
 * The build is deterministic and CI can tell a stale out/: two builds of the
 * shipped spec are byte-identical, the committed out/ is what a build
 * writes, and `build --check` fails after a source edit.
 */
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copySpec, runCli, snapshotTree, tempDir } from '../helpers/cli.js';

describe('build', () => {
  it('two builds produce byte-identical output', () => {
    const a = tempDir('mxspec-out-a-');
    const b = tempDir('mxspec-out-b-');
    try {
      const ra = runCli(['build', '--spec', path.join(ROOT, 'spec'), '--out', path.join(a, 'out')]);
      expect(ra.code, ra.stderr).toBe(0);
      const rb = runCli(['build', '--spec', path.join(ROOT, 'spec'), '--out', path.join(b, 'out')]);
      expect(rb.code, rb.stderr).toBe(0);
      const sa = snapshotTree(path.join(a, 'out'));
      expect(sa.size).toBeGreaterThan(0);
      expect(snapshotTree(path.join(b, 'out'))).toEqual(sa);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('the committed out/ is up to date (build --check)', () => {
    const r = runCli(['build', '--check']);
    expect(r.code, r.stderr).toBe(0);
  });

  it('build --check fails on a stale out/', () => {
    const dir = copySpec();
    try {
      expect(runCli(['build', '--spec', 'spec', '--out', 'out'], { cwd: dir }).code).toBe(0);
      const md = path.join(dir, 'spec/documents/api.md');
      writeFileSync(md, readFileSync(md, 'utf8') + '\nAn added closing paragraph.\n');
      const r = runCli(['build', '--spec', 'spec', '--out', 'out', '--check'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/error MX9001: out\/ is stale/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--edition builds one edition and keeps the other', () => {
    const dir = copySpec();
    try {
      expect(runCli(['build', '--spec', 'spec', '--out', 'out'], { cwd: dir }).code).toBe(0);
      const before = snapshotTree(path.join(dir, 'out'));
      const r = runCli(['build', '--spec', 'spec', '--out', 'out', '--edition', 'ietf'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(snapshotTree(path.join(dir, 'out'))).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2 without a stack trace', () => {
    const r = runCli(['build', '--edition', 'ieft']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MX9003');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(runCli(['frobnicate']).code).toBe(2);
  });

  it('check --format json is machine-readable', () => {
    const r = runCli(['check', '--format', 'json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { summary: { errors: number } };
    expect(parsed.summary.errors).toBe(0);
  });
});
