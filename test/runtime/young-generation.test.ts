/**
 * `build`, `check` and `diff` of a large spec run in Node started again with
 * a larger young generation for its main thread (src/cli/young-generation.ts,
 * started by bin/mxspec.js). The decision is tested in-process; the launcher
 * as real processes: the same files, reports, diagnostics and exit status as
 * in one process, and a signal to the launcher reaches the build.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGE_SPEC_BYTES } from '../../src/cli/heap-growth.js';
import {
  LARGE_SPEC_COMMANDS, LARGE_SPEC_SEMI_SPACE_BYTES, LARGE_SPEC_SEMI_SPACE_MB, SEMI_SPACE_FLAG, largeSpecNodeFlags, mainSemiSpaceMb, semiSpaceStatsNote, specDirOf,
} from '../../src/cli/young-generation.js';
import { BIN, ROOT, copySpec, paddedSpec, runCli, snapshotTree, tempDir } from '../helpers/cli.js';

const largeSpec = (): string => paddedSpec(LARGE_SPEC_SEMI_SPACE_BYTES + 4096, 'mxspec-young-');

const noOptions = { NODE_OPTIONS: '' };
const ctx = (args: string[], cwd: string, more: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}) => ({
  args,
  cwd,
  execArgv: more.execArgv ?? [],
  env: more.env ?? {},
});

describe('a larger young generation for builds, checks and diffs of large specs', () => {
  const large = largeSpec();
  const small = copySpec('mxspec-young-small-');

  it('is asked for by `build`, `check` and `diff` of a spec over its size bound, wherever --spec points, and by nothing else', () => {
    const spec = path.join(large, 'spec');
    expect(largeSpecNodeFlags(ctx(['build', '--spec', spec], ROOT))).toEqual([SEMI_SPACE_FLAG]);
    expect(largeSpecNodeFlags(ctx(['build', `--spec=${spec}`, '--out', '/tmp/x'], ROOT))).toEqual([SEMI_SPACE_FLAG]);
    // A relative --spec is read from the working folder, and ./spec is the default there, as the CLI has it.
    expect(largeSpecNodeFlags(ctx(['build', '--spec', 'spec'], large))).toEqual([SEMI_SPACE_FLAG]);
    expect(largeSpecNodeFlags(ctx(['build'], large))).toEqual([SEMI_SPACE_FLAG]);
    expect(specDirOf(['build'], large)).toBe(spec);
    // Small specs, the shipped spec (no ./spec in the working folder) and other commands run where they are.
    expect(largeSpecNodeFlags(ctx(['build', '--spec', path.join(small, 'spec')], ROOT))).toBeUndefined();
    // Large enough for the heap-growth bound (src/cli/heap-growth.ts), not for this.
    expect(largeSpecNodeFlags(ctx(['build', '--spec', path.join(paddedSpec(LARGE_SPEC_BYTES + 4096), 'spec')], ROOT))).toBeUndefined();
    expect(largeSpecNodeFlags(ctx(['build'], tempDir('mxspec-young-empty-')))).toBeUndefined();
    expect(LARGE_SPEC_COMMANDS).toEqual(['build', 'check', 'diff']);
    // The launcher loads the decision only for these commands, from its own copy of the list.
    const launcherList = /const LARGE_SPEC_COMMANDS = (\[[^\]]*\]);/.exec(readFileSync(BIN, 'utf8'))?.[1];
    expect(launcherList && JSON.parse(launcherList.replace(/'/g, '"'))).toEqual(LARGE_SPEC_COMMANDS);
    expect(largeSpecNodeFlags(ctx(['check', '--spec', spec, '--format', 'json'], ROOT))).toEqual([SEMI_SPACE_FLAG]);
    expect(largeSpecNodeFlags(ctx(['diff', 'ietf', 'matrix-org', `--spec=${spec}`], ROOT))).toEqual([SEMI_SPACE_FLAG]);
    expect(largeSpecNodeFlags(ctx(['check'], large))).toEqual([SEMI_SPACE_FLAG]);
    expect(largeSpecNodeFlags(ctx(['check', '--spec', path.join(small, 'spec')], ROOT))).toBeUndefined();
    // `watch` stays in the launcher's process (a Ctrl-C would reach it twice), and so does what reads no spec.
    for (const command of ['watch', 'import', 'draft', 'help']) expect(largeSpecNodeFlags(ctx([command, '--spec', spec], ROOT))).toBeUndefined();
    for (const asks of ['--help', '-h']) expect(largeSpecNodeFlags(ctx(['build', '--spec', spec, asks], ROOT))).toBeUndefined();
    expect(largeSpecNodeFlags(ctx(['check', '--list-checks', '--spec', spec], ROOT))).toBeUndefined();
    expect(largeSpecNodeFlags(ctx(['--version'], large))).toBeUndefined();
  });

  it("leaves Node started with flags of its own as it is (a profiler, an inspector, the user's heap flags)", () => {
    const args = ['build', '--spec', path.join(large, 'spec')];
    expect(largeSpecNodeFlags(ctx(args, ROOT, { execArgv: ['--cpu-prof'] }))).toBeUndefined();
    expect(largeSpecNodeFlags(ctx(args, ROOT, { env: { NODE_OPTIONS: '--max-old-space-size=4096' } }))).toBeUndefined();
    expect(largeSpecNodeFlags(ctx(args, ROOT, { env: { NODE_OPTIONS: '  ' } }))).toEqual([SEMI_SPACE_FLAG]);
  });

  it('reads the semi-space size Node was started with, for --stats', () => {
    expect(mainSemiSpaceMb([SEMI_SPACE_FLAG])).toBe(LARGE_SPEC_SEMI_SPACE_MB);
    expect(mainSemiSpaceMb(['--max_semi_space_size=8', '--cpu-prof'])).toBe(8);
    expect(mainSemiSpaceMb(['--max-old-space-size=2048'])).toBeUndefined();
    expect(semiSpaceStatsNote([SEMI_SPACE_FLAG])).toBe(`; main thread's semi-spaces ${LARGE_SPEC_SEMI_SPACE_MB} MB`);
    expect(semiSpaceStatsNote([])).toBe('');
  });

  it('checks and diffs in the new Node as in one process', () => {
    const spec = path.join(large, 'spec');
    const check = runCli(['check', '--spec', spec, '--stats'], { env: noOptions });
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(`main thread's semi-spaces ${LARGE_SPEC_SEMI_SPACE_MB} MB`);
    expect(check.stderr).toContain('mxspec check: 0 error(s), 0 warning(s)');
    // The padding is not a source: the report is the shipped spec's, as the launcher's own process makes it.
    const diffLarge = runCli(['diff', 'ietf', 'matrix-org', '--spec', spec, '--format', 'json'], { env: noOptions });
    const diffHere = runCli(['diff', 'ietf', 'matrix-org', '--spec', path.join(small, 'spec'), '--format', 'json'], { env: noOptions });
    expect(diffLarge.code).toBe(0);
    expect(diffLarge.stdout.length).toBeGreaterThan(1000);
    expect(diffLarge.stdout).toBe(diffHere.stdout);
  });

  it('builds the same files in the new Node, and --stats says which young generation it had', () => {
    const out = path.join(tempDir('mxspec-young-out-'), 'out');
    const r = runCli(['build', '--spec', path.join(large, 'spec'), '--out', out, '--stats'], { env: noOptions });
    expect(r.stderr).toContain(`main thread's semi-spaces ${LARGE_SPEC_SEMI_SPACE_MB} MB`);
    expect(r.code).toBe(0);
    expect(snapshotTree(out)).toEqual(snapshotTree(path.join(ROOT, 'out')));
    // Below the bound the build stays in the launcher's process.
    const smallOut = path.join(tempDir('mxspec-young-out-'), 'out');
    const s = runCli(['build', '--spec', path.join(small, 'spec'), '--out', smallOut, '--stats'], { env: noOptions });
    expect(s.code).toBe(0);
    expect(s.stderr).not.toContain('semi-spaces');
  });

  it('reports bad input once, as file:line:col with exit status 1, and leaves out/ untouched (build and check)', () => {
    const dir = largeSpec();
    writeFileSync(path.join(dir, 'spec/schemas/broken.yaml'), 'schemas:\n  - name: Broken\n    type: [object\n');
    const out = path.join(dir, 'out');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'from an earlier build\n');
    const before = snapshotTree(out);
    for (const args of [['build', '--spec', path.join(dir, 'spec'), '--out', out], ['check', '--spec', path.join(dir, 'spec')]]) {
      const r = runCli(args, { env: noOptions });
      expect(r.code).toBe(1);
      const errors = r.stderr.split('\n').filter((l) => / - error MX\d{4}: /.test(l));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors[0]!.startsWith(`${path.join(dir, 'spec/schemas/broken.yaml')}:`)).toBe(true);
      expect(errors[0]).toMatch(/broken\.yaml:\d+:\d+ - error MX\d{4}: /);
      expect(new Set(errors).size).toBe(errors.length);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(snapshotTree(out)).toEqual(before);
  });

  it.runIf(process.platform === 'linux')('passes a signal to the launcher on to the build, and ends the same way', async () => {
    const out = path.join(tempDir('mxspec-young-out-'), 'out');
    const launcher = spawn(process.execPath, [BIN, 'build', '--spec', path.join(large, 'spec'), '--out', out], { env: { ...process.env, ...noOptions }, stdio: 'ignore' });
    const childOf = (pid: number): number[] =>
      readdirSync('/proc')
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            // "pid (comm) state ppid ...": the command name may hold spaces, so read after its closing parenthesis.
            const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
            return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
          } catch {
            return false;
          }
        })
        .map(Number);
    let build: number | undefined;
    for (let i = 0; i < 200 && build === undefined; i++) {
      await new Promise((r) => setTimeout(r, 25));
      build = childOf(launcher.pid!)[0];
    }
    expect(build).toBeDefined();
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => launcher.once('exit', (code, signal) => resolve({ code, signal })));
    launcher.kill('SIGTERM');
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
    // The build is gone too (give the system a moment to reap it).
    const running = (pid: number): boolean => {
      try {
        // A zombie (state Z) has ended; it waits only for whoever reaps it.
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    let alive = true;
    for (let i = 0; i < 100 && alive; i++) {
      alive = running(build!);
      if (alive) await new Promise((r) => setTimeout(r, 25));
    }
    expect(alive).toBe(false);
  });
});
