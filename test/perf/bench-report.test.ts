/**
 * How `npm run bench` reports (scripts/bench/run.ts): ratios keep two
 * significant digits, so a ratio just under a target is not printed as the
 * target itself, and the report replaces only its generated block of
 * docs/benchmarks.md. No timing is asserted here (benchmarks only).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BenchUsageError, fmtRatio, parseArgs, readStatsTable, spliceReport } from '../../scripts/bench/run.js';
import { formatTimings } from '../../src/cli/main.js';
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

  it('asks for nothing it does not know: --help gives the usage, anything else unknown or malformed is refused (a full run would rewrite the report)', () => {
    expect(parseArgs(['--help'])).toBe('help');
    expect(parseArgs(['--cases', '1', '-h'])).toBe('help');
    for (const argv of [['--verbose'], ['--cases'], ['--cases', '7'], ['--cases', '1,x'], ['--runs', '0'], ['--runs', '2.5'], ['--scales', '0'], ['--report', '--cases'], ['1']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(BenchUsageError);
    }
  });

  it('prints the usage and exits 2 on an unknown argument, without running anything', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/scripts/bench/run.js'), '--verbose'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bench: unknown argument "--verbose"\nusage: /);
    expect(r.stderr).not.toContain('case 1');
    const help = spawnSync(process.execPath, [path.join(ROOT, 'dist/scripts/bench/run.js'), '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--cases');
  });

  it('reads back the --stats table the CLI prints, each check as a part of the check phase', () => {
    const table = formatTimings([
      { phase: 'parse', ms: 725.04 },
      { phase: 'check', ms: 157.2 },
      { phase: 'drafts-references', ms: 140.46, part: true },
      { phase: 'examples-validate', ms: 12, part: true },
      { phase: 'generate:types:ietf', ms: 328 },
      { phase: 'total', ms: 1166 },
    ]);
    expect(readStatsTable(`mxspec build --stats (46 source files, 19 output files)\n${table}mxspec build: wrote 19 files\n`)).toEqual([
      { phase: 'parse', ms: 725 },
      { phase: 'check', ms: 157.2 },
      { phase: 'drafts-references', ms: 140.5, partOf: 'check' },
      { phase: 'examples-validate', ms: 12, partOf: 'check' },
      { phase: 'generate:types:ietf', ms: 328 },
      { phase: 'total', ms: 1166 },
    ]);
  });
});
