/**
 * No network access during build, check, diff or tests. The CLI runs with
 * test/helpers/no-network.mjs preloaded, which turns every connection or
 * name lookup into a recorded, thrown error; the assertion is that nothing
 * was recorded. A control run proves the guard catches real attempts.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, SPEC, tempDir } from '../helpers/cli.js';
import { runCliAsync, STACK_FRAME } from '../bad-input/harness.js';

const GUARD = path.join(ROOT, 'test/helpers/no-network.mjs');
const work = tempDir('mxspec-nonet-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function attempts(log: string): { api: string; detail: string }[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { api: string; detail: string });
}

describe('no network access', () => {
  it('the guard records and blocks fetch, http, dns and raw sockets (control)', () => {
    const log = path.join(work, 'control.log');
    const script = [
      "fetch('https://example.org/').catch(() => {});",
      "try { require('node:https').get('https://example.org/'); } catch {}",
      "require('node:dns').promises.lookup('example.org').catch(() => {});",
      "try { new (require('node:net').Socket)().connect(443, '192.0.2.1'); } catch {}",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--import', GUARD, '-e', script], { env: { ...process.env, MXSPEC_NET_LOG: log }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(attempts(log).map((a) => a.api).sort()).toEqual(['dns.promises.lookup', 'fetch', 'https.get', 'net.Socket.connect']);
  });

  const runs: [string, string[]][] = [
    ['build', ['build', '--spec', SPEC, '--out', path.join(work, 'out')]],
    ['build --check', ['build', '--spec', SPEC, '--out', path.join(work, 'out'), '--check']],
    ['check', ['check', '--spec', SPEC]],
    ['check --format json', ['check', '--spec', SPEC, '--format', 'json']],
    ['diff ietf matrix-org', ['diff', 'ietf', 'matrix-org']],
  ];
  for (const [name, args] of runs) {
    it(`mxspec ${name} makes no network access`, async () => {
      const log = path.join(work, `${name.replace(/\W+/g, '-')}.log`);
      const r = await runCliAsync(args, { nodeArgs: ['--import', GUARD], env: { MXSPEC_NET_LOG: log } });
      expect(attempts(log), r.stderr).toEqual([]);
      expect(r.stderr).not.toContain('EMXSPECNONET');
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stderr).not.toContain('MX9999');
      // Whatever the state of the spec, the command answered (0, 1 for diagnostics, 2 while a command is unimplemented).
      expect([0, 1, 2]).toContain(r.code);
    });
  }

  it('a test run (vitest on the escaping tests, which build and run xmllint and tsc) makes no network access', () => {
    const log = path.join(work, 'vitest.log');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/bad-input/positive.test.ts'], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${GUARD}`.trim(), MXSPEC_NET_LOG: log },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(attempts(log)).toEqual([]);
  });
});
