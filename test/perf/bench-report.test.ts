/**
 * How `npm run bench` reports (scripts/bench/run.ts): ratios keep two
 * significant digits, so a ratio just under a target is not printed as the
 * target itself, and the report replaces only its generated block of
 * docs/benchmarks.md. No timing is asserted here (benchmarks only).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BenchUsageError, fmtRatio, parseArgs, ratioCell, readStatsTable, renderCases, roundRatios, shareNotes, spliceReport, type CaseReport } from '../../scripts/bench/run.js';
import { summarize, type Series } from '../../scripts/bench/measure.js';
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

  it("pairs each counted round's two runs for the spread of the ratio, which the two sides' own spreads do not show", () => {
    // The machine slows down over the rounds; mxspec stays at 0.9 of the peer in every round.
    const series = (label: string, ms: number[]): Series => ({ label, samples: ms.map((x) => ({ ms: x })) });
    const a = series('mxspec', [900, 1350, 1800, 1125, 990]);
    const b = series('peer', [1000, 1500, 2000, 1250, 1100]);
    expect(roundRatios(a, b).map((r) => r.toFixed(3))).toEqual(['0.900', '0.900', '0.900', '0.900', '0.900']);
    // Series of unequal length (a probe that reported fewer runs) pair only the rounds both have.
    expect(roundRatios(series('x', [2, 4, 6]), series('y', [1, 2]))).toEqual([2, 2]);
    const rounds = summarize([0.95, 1.15, 1.02]);
    expect(ratioCell({ ratio: 1.0623, rounds })).toBe('1.06 (0.95–1.15 by round)');
    expect(ratioCell({ ratio: 0.098 })).toBe('0.098');
    expect(ratioCell({})).toBe('');
    const text = renderCases(
      [{ n: 1, title: 'One', rows: [{ what: 'build ÷ peer', a: { label: 'mxspec', s: summarize([1, 2]) }, b: { label: 'peer', s: summarize([1, 2]) }, ratio: 1.0623, rounds, target: '≤ 0.5', met: false }], notes: [] }],
      { runs: 5, warmup: 1 } as Parameters<typeof renderCases>[1],
    );
    expect(text).toContain('| 1.06 (0.95–1.15 by round) | ≤ 0.5 | **missed** |');
  });

  it('replaces the generated block and keeps the hand-written text around it', () => {
    const before = '# Benchmarks\n\nintro\n\n<!-- bench:results:begin -->\nold\n<!-- bench:results:end -->\n\n## Findings\n\nby hand\n';
    const after = spliceReport(before, 'new results');
    expect(after).toBe('# Benchmarks\n\nintro\n\n<!-- bench:results:begin -->\nnew results\n<!-- bench:results:end -->\n\n## Findings\n\nby hand\n');
  });

  it('prints a note several cases give once, after the notes each case gives alone, and points to it from those cases', () => {
    const cases: CaseReport[] = [
      { n: 1, title: 'One', rows: [], notes: ['own 1a.', 'floor A.', 'floor B.', 'own 1b.'] },
      { n: 2, title: 'Two', rows: [], notes: ['own 2.'] },
      { n: 3, title: 'Three', rows: [], notes: ['floor A.', 'floor B.', 'own 3.'] },
      { n: 5, title: 'Five', rows: [], notes: ['own 5.', 'floor A.', 'floor B.', 'import only.'] },
      { n: 6, title: 'Six', rows: [], notes: ['import only.'] },
    ];
    const { own, shared } = shareNotes(cases);
    expect(cases.map((c) => own.get(c))).toEqual([['own 1a.', 'own 1b.'], ['own 2.'], ['own 3.'], ['own 5.'], []]);
    expect(shared).toEqual([{ cases: [1, 3, 5], notes: ['floor A.', 'floor B.'] }, { cases: [5, 6], notes: ['import only.'] }]);
    const text = renderCases(cases, { runs: 5, warmup: 1 } as Parameters<typeof renderCases>[1]);
    expect(text.split('floor A.').length - 1).toBe(1);
    expect(text).toContain('**1. One.** own 1a. own 1b. (More under "Cases 1, 3 and 5", below.)');
    expect(text).toContain('**2. Two.** own 2.\n');
    expect(text).toContain('**5. Five.** own 5. (More under "Cases 1, 3 and 5" and "Cases 5 and 6", below.)');
    expect(text).toContain('**6. Six.** (More under "Cases 5 and 6", below.)');
    expect(text.indexOf('**Cases 1, 3 and 5.** floor A. floor B.')).toBeGreaterThan(text.indexOf('**6. Six.**'));
    // One case alone (a partial run's log) keeps all its notes.
    expect(renderCases([cases[0]!], { runs: 5, warmup: 1 } as Parameters<typeof renderCases>[1])).toContain('**1. One.** own 1a. floor A. floor B. own 1b.');
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
