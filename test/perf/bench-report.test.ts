/**
 * How `npm run bench` reports (scripts/bench/run.ts): ratios keep two
 * significant digits, so a ratio just under a target is not printed as the
 * target itself, and the report replaces only its generated block of
 * docs/benchmarks.md. No timing is asserted here (benchmarks only).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fmtRatio, parseArgs, spliceReport } from '../../scripts/bench/run.js';
import { ROOT } from '../helpers/cli.js';

describe('bench report', () => {
  it('shows ratios with two significant digits (0.098 beside a target of 0.1 is not "0.10")', () => {
    expect(fmtRatio(0.098)).toBe('0.098');
    expect(fmtRatio(0.0876)).toBe('0.088');
    expect(fmtRatio(0.5)).toBe('0.50');
    expect(fmtRatio(1.2249)).toBe('1.22');
    expect(fmtRatio(21.357)).toBe('21.36');
  });

  it('replaces the generated block and keeps the hand-written text around it', () => {
    const before = '# Benchmarks\n\nintro\n\n<!-- bench:results:begin -->\nold\n<!-- bench:results:end -->\n\n## Findings\n\nby hand\n';
    const after = spliceReport(before, 'new results');
    expect(after).toBe('# Benchmarks\n\nintro\n\n<!-- bench:results:begin -->\nnew results\n<!-- bench:results:end -->\n\n## Findings\n\nby hand\n');
  });

  it('writes docs/benchmarks.md only for a run of every case at every scale, or where --report says', () => {
    expect(parseArgs([]).report).toBe(path.join(ROOT, 'docs/benchmarks.md'));
    expect(parseArgs(['--runs', '7']).report).toBe(parseArgs([]).report);
    expect(parseArgs(['--cases', '1,2']).report).toBeUndefined();
    expect(parseArgs(['--scales', '1,10']).report).toBeUndefined();
    expect(parseArgs(['--cases', '1', '--report', '/tmp/x.md']).report).toBe('/tmp/x.md');
    expect([...parseArgs(['--cases', '3', '--scales', '1,50']).cases]).toEqual([3]);
  });
});
