/**
 * The profile summaries behind docs/benchmarks.md's "Where the time goes"
 * (scripts/bench/cpu-profile.ts, scripts/bench/profile-build.ts): a made-up
 * profile whose every figure is known, then one real build under
 * --cpu-prof. No timing is asserted (benchmarks only).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeProfile, threadRole, placeOf, formatSummary, type CpuProfile } from '../../scripts/bench/cpu-profile.js';
import { parseProfileArgs, profileBuild, profiledBuildArgs, threadIdOf } from '../../scripts/bench/profile-build.js';
import { LARGE_SPEC_SEMI_SPACE_BYTES, SEMI_SPACE_FLAG } from '../../src/cli/young-generation.js';
import { BIN, paddedSpec } from '../helpers/cli.js';

const OWN = 'file:///work/pkg/dist/src/parse/markdown.js';
const LIB = 'file:///work/pkg/node_modules/micromark/lib/index.js';

/**
 * root → parseDocument (ours) → tokenize (micromark); plus idle and GC.
 * Samples every 10 ms from t=1000 µs: parse, tokenize ×2, GC, idle ×2, tokenize, then the profile ends 10 ms later.
 */
function madeUp(startTime = 1000): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4, 5] },
      { id: 2, callFrame: { functionName: 'parseDocument', url: OWN, lineNumber: 9 }, children: [3] },
      { id: 3, callFrame: { functionName: 'tokenize', url: LIB, lineNumber: 0 } },
      { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
      { id: 5, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
    ],
    startTime,
    endTime: startTime + 70_000,
    samples: [2, 3, 3, 5, 4, 4, 3],
    timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
  };
}

describe('CPU profile summary', () => {
  it('splits a thread into busy, idle and garbage collection, sample by sample', () => {
    const s = summarizeProfile(madeUp(), { bucketMs: 20 });
    expect(s.busyMs).toBe(50);
    expect(s.idleMs).toBe(20);
    expect(s.gcMs).toBe(10);
    expect([s.fromMs, s.toMs]).toEqual([0, 70]);
  });

  it('ranks self time by function and place, and busy time by the nearest of our functions', () => {
    const s = summarizeProfile(madeUp());
    expect(s.self).toEqual([
      { label: 'tokenize (micromark)', ms: 30 },
      { label: '(garbage collector)', ms: 10 },
      { label: 'parseDocument (src/parse/markdown.js:10)', ms: 10 },
    ]);
    // micromark's time is our parseDocument's; garbage collection is nobody's.
    expect(s.own).toEqual([{ label: 'parseDocument (src/parse/markdown.js:10)', ms: 40 }]);
  });

  it('lays the thread out in buckets on a clock shared with another thread, idle ones included', () => {
    // This thread started 25 ms after the origin (say, the main thread's start); a sample counts in the bucket it starts in.
    const s = summarizeProfile(madeUp(26_000), { originUs: 1000, bucketMs: 20 });
    expect(s.fromMs).toBe(25);
    expect(s.timeline.map((b) => [b.fromMs, b.busyMs, b.gcMs])).toEqual([
      [20, 20, 0], // parse at 25, tokenize at 35
      [40, 20, 10], // tokenize at 45, GC at 55
      [60, 0, 0], // idle at 65 and 75
      [80, 10, 0], // tokenize at 85, to the end at 95
    ]);
    expect(s.timeline[2]!.top).toEqual([]);
    expect(s.timeline[0]!.top).toEqual([{ label: 'parseDocument (src/parse/markdown.js:10)', ms: 20 }]);
  });

  it('names places: a package (scoped too), one of our files, a Node module', () => {
    expect(placeOf('file:///x/node_modules/@redocly/openapi-core/lib/utils.js')).toBe('@redocly/openapi-core');
    expect(placeOf('file:///x/dist/generators/types/worker.js')).toBe('generators/types/worker.js');
    expect(placeOf('node:internal/worker')).toBe('node:internal/worker');
    expect(placeOf('')).toBe('');
  });

  it('tells the threads apart by the code they ran', () => {
    const withUrl = (url: string): CpuProfile => ({ ...madeUp(), nodes: [...madeUp().nodes, { id: 9, callFrame: { functionName: '', url, lineNumber: 0 } }] });
    expect(threadRole(withUrl('file:///x/dist/generators/types/worker.js'), false)).toBe('types worker');
    expect(threadRole(withUrl('file:///x/dist/types-worker.cjs'), false)).toBe('types worker');
    expect(threadRole(withUrl('file:///x/dist/src/load/yaml-worker.js'), false)).toBe('YAML worker');
    expect(threadRole(madeUp(), false)).toBe('worker');
    expect(threadRole(madeUp(), true)).toBe('main thread');
    expect(threadIdOf('CPU.20261127.030157.9370.1.002.cpuprofile')).toBe(1);
    expect(threadIdOf('CPU.20261127.030157.9370.0.001.cpuprofile')).toBe(0);
  });

  it('prints a summary with each ranking and the timeline', () => {
    const text = formatSummary('main thread', summarizeProfile(madeUp(), { bucketMs: 20 }));
    expect(text.split('\n')[0]).toBe('main thread: 0 ms–70 ms; busy 50 ms (garbage collection 10 ms), idle 20 ms');
    expect(text).toContain('30 ms  tokenize (micromark)');
    expect(text).toMatch(/timeline[^\n]*\n\s+0 ms\s+20 ms \(0 ms\)  parseDocument \(src\/parse\/markdown\.js:10\) 20 ms\n/);
  });
});

describe('profile-build', () => {
  it('refuses arguments it does not know and numbers that are not whole and positive', () => {
    expect(parseProfileArgs([])).toEqual({ spec: 'spec', bucketMs: 100, top: 15, bundle: false });
    expect(parseProfileArgs(['--help'])).toBe('help');
    expect(() => parseProfileArgs(['--bucket', '0'])).toThrow(/whole number above 0/);
    expect(() => parseProfileArgs(['--top'])).toThrow(/needs a value/);
    expect(() => parseProfileArgs(['--fast'])).toThrow(/unknown argument "--fast"/);
  });

  it('profiles a large spec with the Node flags the launcher would start its build with', () => {
    const env = { NODE_OPTIONS: '' };
    const small = profiledBuildArgs({ spec: 'spec' }, '/tmp/p', '/tmp/o', env);
    expect(small.slice(0, 3)).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p', BIN]);
    expect(small.slice(3)).toEqual(['build', '--spec', path.resolve('spec'), '--out', '/tmp/o']);
    const large = path.join(paddedSpec(LARGE_SPEC_SEMI_SPACE_BYTES + 4096, 'mxspec-profile-large-'), 'spec');
    const args = profiledBuildArgs({ spec: large }, '/tmp/p', '/tmp/o', env);
    // Node's flags come before the script; the build's arguments are unchanged.
    expect(args.slice(0, 4)).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p', SEMI_SPACE_FLAG, BIN]);
    expect(args.slice(4)).toEqual(['build', '--spec', large, '--out', '/tmp/o']);
  });

  // With one core the build makes its types in-process (generators/types/prestart.ts): no types worker to profile.
  it.skipIf(availableParallelism() < 2)('profiles a real build: the main thread parses the spec, the types worker converts it (needs two cores)', () => {
    const threads = profileBuild({ spec: 'spec', bucketMs: 50, top: 40, bundle: false });
    const main = threads.find((t) => t.role === 'main thread')!;
    const types = threads.find((t) => t.role === 'types worker')!;
    expect(main.threadId).toBe(0);
    expect(types).toBeDefined();
    expect(main.summary.own.some((r) => /\(src\/(parse|load)\//.test(r.label))).toBe(true);
    expect(types.summary.own.some((r) => /\(generators\/types\//.test(r.label))).toBe(true);
    // One bucket after another from each thread's start to its end.
    for (const t of threads) {
      const from = t.summary.timeline.map((b) => b.fromMs);
      expect(from.every((x, i) => i === 0 || x - from[i - 1]! === 50)).toBe(true);
      expect(t.summary.busyMs).toBeGreaterThan(0);
    }
  }, 60_000);
});
