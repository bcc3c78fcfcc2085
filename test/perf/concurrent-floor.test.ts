/**
 * The floor with types measured side by side (scripts/bench/concurrent-floor.ts):
 * the parse probe and the types probe started together, their times then
 * spread over the cores as the floor with types spreads them alone. No
 * timing is asserted (benchmarks only): the tests hold that both probes
 * really ran on the given sources, beside each other (the probe starts
 * them again when a busy machine ran them one after the other), and how
 * their times are combined.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, SPEC } from '../helpers/cli.js';
import { combinedFloorMs } from '../../scripts/bench/combined-floor.js';
import { ranSideBySide } from '../../scripts/bench/concurrent-floor.js';
import { sourceFiles } from '../../scripts/bench/parse-floor.js';

const PROBE = path.join(ROOT, 'dist/scripts/bench/concurrent-floor.js');
const OPENAPI = path.join(ROOT, 'out/ietf/openapi.json');

describe('concurrent floor', () => {
  it('runs both probes on the given sources at the same time and spreads their times over the cores', () => {
    const r = spawnSync(process.execPath, [PROBE, OPENAPI, SPEC], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim()) as {
      parse: { files: number; bytes: number; parseMs: number; longestFileMs: number; cores: number; timed: [number, number] };
      types: { loadMs: number; convertMs: number; chars: number; timed: [number, number] };
      floorMs: number;
    };
    expect(report.parse.files).toBe(sourceFiles([SPEC]).length);
    expect(report.parse.parseMs).toBeGreaterThan(0);
    // The types probe made the shipped ietf paths.d.ts, so the conversion really ran.
    expect(report.types.chars).toBe(readFileSync(path.join(ROOT, 'out/ietf/types/paths.d.ts'), 'utf8').length);
    // Each probe's interval holds what it timed; side by side: each began before the other ended.
    expect(report.parse.timed[1] - report.parse.timed[0]).toBeGreaterThan(report.parse.parseMs - 1);
    expect(report.types.timed[1] - report.types.timed[0]).toBeGreaterThan(report.types.loadMs + report.types.convertMs - 1);
    expect(report.parse.timed[0]).toBeLessThan(report.types.timed[1]);
    expect(report.types.timed[0]).toBeLessThan(report.parse.timed[1]);
    expect(report.floorMs).toBe(combinedFloorMs(report.parse, report.types));
    expect(report.floorMs).toBeGreaterThanOrEqual(report.types.loadMs + report.types.convertMs);
  }, 60_000);

  it('takes two probes for side by side only when each began its timed part before the other ended it', () => {
    const at = (from: number, to: number) => ({ timed: [from, to] as [number, number] });
    expect(ranSideBySide(at(100, 300), at(50, 400))).toBe(true);
    expect(ranSideBySide(at(100, 300), at(250, 500))).toBe(true);
    // One after the other (a busy machine can run them so), either way round, or only touching.
    expect(ranSideBySide(at(100, 300), at(300, 500))).toBe(false);
    expect(ranSideBySide(at(400, 500), at(100, 350))).toBe(false);
  });

  it('fails with a usage line without sources, and names the probe that failed', () => {
    const none = spawnSync(process.execPath, [PROBE, OPENAPI], { encoding: 'utf8' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^usage: concurrent-floor OPENAPI\.json PATH…/);
    const missing = spawnSync(process.execPath, [PROBE, path.join(ROOT, 'no-such.json'), SPEC], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^concurrent-floor: types-floor\.js exited with 1: types-floor: ENOENT/);
  }, 60_000);
});
