/**
 * The floor with types measured side by side (scripts/bench/concurrent-floor.ts):
 * the parse probe and the types probe started together, and the longer of
 * the two. No timing is asserted (benchmarks only): the tests hold which
 * part counts and that both probes really ran on the given sources.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, SPEC } from '../helpers/cli.js';
import { concurrentFloorMs } from '../../scripts/bench/concurrent-floor.js';
import { sourceFiles } from '../../scripts/bench/parse-floor.js';

const PROBE = path.join(ROOT, 'dist/scripts/bench/concurrent-floor.js');
const OPENAPI = path.join(ROOT, 'out/ietf/openapi.json');

describe('concurrent floor', () => {
  it('is the longer of the parse and the types (loading plus converting), whichever it is', () => {
    expect(concurrentFloorMs({ parseMs: 700 }, { loadMs: 300, convertMs: 100 })).toBe(700);
    expect(concurrentFloorMs({ parseMs: 350 }, { loadMs: 300, convertMs: 100 })).toBe(400);
    expect(concurrentFloorMs({ parseMs: 0 }, { loadMs: 0, convertMs: 0 })).toBe(0);
  });

  it('runs both probes on the given sources and reports each as it ran beside the other', () => {
    const r = spawnSync(process.execPath, [PROBE, OPENAPI, SPEC], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim()) as {
      parse: { files: number; bytes: number; parseMs: number };
      types: { loadMs: number; convertMs: number; chars: number };
      floorMs: number;
    };
    expect(report.parse.files).toBe(sourceFiles([SPEC]).length);
    expect(report.parse.parseMs).toBeGreaterThan(0);
    // The types probe made the shipped ietf paths.d.ts, so the conversion really ran.
    expect(report.types.chars).toBe(readFileSync(path.join(ROOT, 'out/ietf/types/paths.d.ts'), 'utf8').length);
    expect(report.floorMs).toBe(Math.max(report.parse.parseMs, report.types.loadMs + report.types.convertMs));
  }, 60_000);

  it('fails with a usage line without sources, and names the probe that failed', () => {
    const none = spawnSync(process.execPath, [PROBE, OPENAPI], { encoding: 'utf8' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^usage: concurrent-floor OPENAPI\.json PATH…/);
    const missing = spawnSync(process.execPath, [PROBE, path.join(ROOT, 'no-such.json'), SPEC], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^concurrent-floor: types-floor\.js exited with 1: types-floor: ENOENT/);
  }, 60_000);
});
