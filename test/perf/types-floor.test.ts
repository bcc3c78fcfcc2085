/**
 * The bench's types floor (scripts/bench/types-floor.ts) makes one
 * edition's paths.d.ts as the build does, in a process of its own. No
 * timing is asserted (benchmarks only).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from '../helpers/cli.js';

const PROBE = path.join(ROOT, 'dist/scripts/bench/types-floor.js');

describe('types-floor probe', () => {
  it('converts the shipped ietf OpenAPI to the text of the shipped paths.d.ts', () => {
    const r = spawnSync(process.execPath, [PROBE, path.join(ROOT, 'out/ietf/openapi.json')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout.trim()) as { loadMs: number; convertMs: number; chars: number };
    expect(report.chars).toBe(readFileSync(path.join(ROOT, 'out/ietf/types/paths.d.ts'), 'utf8').length);
    expect(report.loadMs).toBeGreaterThan(0);
    expect(report.convertMs).toBeGreaterThan(0);
  });

  it('fails with a usage line without a document, and with a message for a missing one', () => {
    const none = spawnSync(process.execPath, [PROBE], { encoding: 'utf8' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^usage: types-floor OPENAPI\.json/);
    const missing = spawnSync(process.execPath, [PROBE, path.join(ROOT, 'no-such.json')], { encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^types-floor: ENOENT/);
  });
});
