/**
 * `mxspec diff` from the command line: operands (edition, DIR:edition,
 * REV:edition against a temporary git repository), formats, exit codes, and
 * the JSON report against its documented schema.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliInProcess, snapshotTree, tempDir } from '../helpers/cli.js';
import { FIXTURE } from './helpers.js';

const SCHEMA = JSON.parse(readFileSync(path.join(ROOT, 'docs/diff-json-schema.json'), 'utf8')) as object;

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

let repo: string;
let spec: string;
beforeAll(() => {
  repo = tempDir('mxspec-diff-git-');
  spec = path.join(repo, 'spec');
  cpSync(FIXTURE, spec, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'draft 00');
  git(repo, 'tag', 'draft-00');
  // After the tag: putThing moves to a v2 path. Neither putThing nor its RPC carries a port
  // record, so the change is untracked (getThing's RPC has one, which would track it).
  const b = path.join(spec, 'bindings/core.yaml');
  writeFileSync(b, readFileSync(b, 'utf8').replace('path: /_matrix/federation/v1/thing/{thingId}\n    body', 'path: /_matrix/federation/v2/thing/{thingId}\n    body'));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('mxspec diff', () => {
  it('REV:edition reads the spec at a git tag without touching the repository', () => {
    const before = snapshotTree(repo);
    const r = runCli(['diff', 'draft-00:ietf', 'ietf', '--format', 'json'], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as { from: { label: string }; changes: { rule: string; path: string; severity: string }[] };
    expect(d.from.label).toBe('draft-00:ietf');
    expect(d.changes).toEqual([expect.objectContaining({ rule: 'binding-path-changed', path: 'bindings/putThing', severity: 'breaking' })]);
    expect(snapshotTree(repo)).toEqual(before);
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).stdout;
    expect(status.trim()).toBe('M spec/bindings/core.yaml');
  });

  it('the same revision on both sides has no changes; an unknown revision is MX8002', () => {
    const same = runCli(['diff', 'draft-00:ietf', 'HEAD:ietf', '--format', 'text'], { cwd: repo });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('0 change(s)');
    const bad = runCli(['diff', 'no-such-tag:ietf', 'ietf'], { cwd: repo });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/error MX8002: git revision "no-such-tag" not found/);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('DIR:edition, formats, --fail-on and --output', async () => {
    const out = path.join(repo, 'report', 'diff.md');
    const r = await runCliInProcess(['diff', `${FIXTURE}:ietf`, `${spec}:ietf`, '--format', 'md', '--output', out, '--fail-on', 'breaking']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/MX8005: 1 change\(s\) at or above breaking/);
    const md = readFileSync(out, 'utf8');
    expect(md.split('\n').find((l) => l.startsWith('|'))).toMatch(/breaking \| warning \| info/);
    expect(md).toContain('binding-path-changed');
    const gh = await runCliInProcess(['diff', `${FIXTURE}:ietf`, `${spec}:ietf`, '--format', 'github']);
    expect(gh.code).toBe(0);
    expect(gh.stdout).toMatch(/^::error file=.*bindings\/core\.yaml,line=\d+,col=\d+,title=binding-path-changed \(breaking\)::bindings\/putThing: path /m);
    const warnOnly = await runCliInProcess(['diff', `${FIXTURE}:ietf`, `${spec}:ietf`, '--fail-on', 'warning', '--format', 'json']);
    expect(warnOnly.code).toBe(1);
  });

  it('the JSON report validates against docs/diff-json-schema.json', async () => {
    const r = await runCliInProcess(['diff', 'ietf', 'matrix-org', '--format', 'json', '--spec', FIXTURE]);
    expect(r.code, r.stderr).toBe(0);
    const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
    const validate = ajv.compile(SCHEMA);
    const doc = JSON.parse(r.stdout) as { summary: { total: number }; changes: unknown[] };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.summary.total).toBe(doc.changes.length);
    expect(doc.changes.length).toBeGreaterThan(0);
  });

  it('--fail-on-untracked fails only on untracked changes of that severity', async () => {
    const tracked = await runCliInProcess(['diff', 'ietf', 'matrix-org', '--spec', FIXTURE, '--fail-on-untracked', 'breaking']);
    expect(tracked.code, tracked.stderr).toBe(0);
    const untracked = await runCliInProcess(['diff', `${FIXTURE}:ietf`, `${spec}:ietf`, '--fail-on-untracked', 'breaking']);
    expect(untracked.code).toBe(1);
    expect(untracked.stderr).toMatch(/untracked change\(s\) at or above breaking have no port record/);
  });

  it('--list-rules prints every rule with severity and direction; bad operands are usage errors', async () => {
    const r = await runCliInProcess(['diff', '--list-rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^property-became-optional\.response\s+breaking\s+response/m);
    expect(r.stdout).toMatch(/^rpc-removed\s+breaking\s+none/m);
    const bad = await runCliInProcess(['diff', 'ietf', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error MX8001/);
    const missing = await runCliInProcess(['diff', 'ietf']);
    expect(missing.code).toBe(2);
  });
});
