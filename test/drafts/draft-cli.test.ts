/** `mxspec draft bump` and `mxspec draft tag`: revisions live in editions.yaml; tags are <docName>-<NN>. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { copyFixture } from './helpers.js';

describe('mxspec draft', () => {
  it('bump moves one document to its next revision, changing nothing else in the file', async () => {
    const spec = copyFixture();
    const file = path.join(spec, 'editions.yaml');
    const before = readFileSync(file, 'utf8');
    const r = await runCliInProcess(['draft', 'bump', 'api', '--spec', spec]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('draft-example-mimi-fixture-api-03 -> draft-example-mimi-fixture-api-04');
    expect(r.stdout).toContain('git tag draft-example-mimi-fixture-api-03');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('{docName: draft-example-mimi-fixture-api, revision: 3}', '{docName: draft-example-mimi-fixture-api, revision: 4}'));
    // The next build names the draft by the new revision.
    const tag = await runCliInProcess(['draft', 'tag', '--spec', spec]);
    expect(tag.stdout).toBe('git tag draft-example-mimi-fixture-api-04\ngit tag draft-example-mimi-fixture-rv-00\n');
  });

  it('bump adds a revision where there was none, keeping comments', async () => {
    const spec = copyFixture();
    const file = path.join(spec, 'editions.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('rv: {docName: draft-example-mimi-fixture-rv, revision: 0}', 'rv:  # the room version\n        docName: draft-example-mimi-fixture-rv'));
    const r = await runCliInProcess(['draft', 'bump', 'rv', '--spec', spec]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('rv:  # the room version\n        docName: draft-example-mimi-fixture-rv\n        revision: 1\n');
    const check = await runCliInProcess(['check', '--spec', spec]);
    expect(check.stderr).toContain('0 error(s)');
  });

  it('bump refuses an unknown document with a usage error', async () => {
    const spec = copyFixture();
    const r = await runCliInProcess(['draft', 'bump', 'nope', '--spec', spec]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error MX9003: "nope" is not a draft of the ietf edition; drafts are api, rv/);
  });

  it('tag --create tags each current revision once', async () => {
    const spec = copyFixture();
    const repo = path.dirname(spec);
    const git = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
    if (git('--version').status !== 0) return; // git is not installed: nothing to tag with
    git('init', '-q');
    git('-c', 'user.email=t@example.org', '-c', 'user.name=t', 'commit', '-q', '--allow-empty', '-m', 'x');
    const first = await runCliInProcess(['draft', 'tag', '--create', '--spec', spec]);
    expect(first.stdout).toBe('draft-example-mimi-fixture-api-03: tagged\ndraft-example-mimi-fixture-rv-00: tagged\n');
    expect(git('tag', '--list').stdout.trim().split('\n')).toEqual(['draft-example-mimi-fixture-api-03', 'draft-example-mimi-fixture-rv-00']);
    const again = await runCliInProcess(['draft', 'tag', '--create', '--spec', spec]);
    expect(again.stdout).toContain('draft-example-mimi-fixture-api-03: already tagged');
  });
});
