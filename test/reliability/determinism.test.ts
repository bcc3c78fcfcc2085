/**
 * Builds are byte-identical whatever the environment: time zone, locale,
 * working directory, and the order in which the file system lists the
 * spec's files. Diagnostics of a broken spec are identical too.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPEC, snapshotTree, tempDir } from '../helpers/cli.js';
import { FIXTURE, runCliAsync } from '../bad-input/harness.js';
import { listFiles } from './outputs.js';

const work = tempDir('mxspec-determinism-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies a spec creating files (and folders) in reverse sorted order, so readdir order differs from the original's. */
function copyReversed(from: string, to: string): void {
  const files = listFiles(from).reverse();
  for (const rel of files) {
    mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    writeFileSync(path.join(to, rel), readFileSync(path.join(from, rel)));
  }
}

interface Variant {
  name: string;
  env: Record<string, string>;
  /** Working directory (relative to the work folder) and the spec path as given from there. */
  cwd?: string;
  spec?: string;
}

// Each build changes several things at once (a full build per single change
// would cost a minute); any difference still fails and the name says which set.
const VARIANTS: Variant[] = [
  { name: 'TZ=Pacific/Kiritimati (UTC+14), LANG=tr_TR.UTF-8 (dotless i), cwd=/, files created in reverse order',
    env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, cwd: '/', spec: 'spec-reversed' },
  { name: 'TZ=America/St_Johns (UTC-3:30), LC_ALL=C, cwd inside the spec folder (--spec ..)',
    env: { TZ: 'America/St_Johns', LANG: 'C', LC_ALL: 'C' }, cwd: 'spec-plain/documents', spec: '..' },
  { name: 'TZ=Asia/Kathmandu (UTC+5:45), LANG=ja_JP.UTF-8',
    env: { TZ: 'Asia/Kathmandu', LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8' } },
];

describe('deterministic builds', () => {
  it('identical out/ under different TZ, LANG, working directory and enumeration order', async () => {
    // The shipped spec has the most content; while it is mid-edit (other work in progress) the fixture stands in.
    const probe = await runCliAsync(['check', '--spec', SPEC]);
    const source = probe.code === 0 ? SPEC : FIXTURE;
    cpSync(source, path.join(work, 'spec-plain'), { recursive: true });
    copyReversed(source, path.join(work, 'spec-reversed'));
    const reference = await runCliAsync(['build', '--spec', path.join(work, 'spec-plain'), '--out', path.join(work, 'out-reference')], { env: { TZ: 'UTC', LANG: 'en_US.UTF-8' } });
    expect(reference.code, reference.stderr).toBe(0);
    const want = snapshotTree(path.join(work, 'out-reference'));

    const results = await Promise.all(VARIANTS.map(async (v, i) => {
      const out = path.join(work, `out-${i}`);
      const spec = v.spec === '..' ? '..' : path.join(work, v.spec ?? 'spec-plain');
      const cwd = v.cwd === '/' ? '/' : v.cwd ? path.join(work, v.cwd) : work;
      const r = await runCliAsync(['build', '--spec', spec, '--out', out], { cwd, env: v.env });
      return { v, r, out };
    }));
    for (const { v, r, out } of results) {
      expect(r.code, `${v.name}: ${r.stderr}`).toBe(0);
      expect(snapshotTree(out), v.name).toEqual(want);
    }
  });

  it('identical diagnostics for a broken spec under the same variations', async () => {
    const broken = path.join(work, 'broken');
    cpSync(FIXTURE, broken, { recursive: true });
    writeFileSync(path.join(broken, 'schemas/extra.yaml'), 'schemas:\n  Extra: {type: object, extends: [Nope], description: Broken.}\n  Envelope: {type: string, description: Duplicate.}\n');
    writeFileSync(path.join(broken, 'rpcs/core.yaml'), readFileSync(path.join(broken, 'rpcs/core.yaml'), 'utf8').replace('    summary:', '    sumary: x\n    summary:'));
    const reversed = path.join(work, 'broken-reversed');
    copyReversed(broken, reversed);
    const run = (spec: string, env: Record<string, string>) => runCliAsync(['check', '--spec', spec, '--format', 'json'], { cwd: work, env });
    const base = await run('broken', { TZ: 'UTC' });
    expect(base.code).toBe(1);
    const norm = (s: string) => s.replaceAll('broken-reversed/', 'broken/');
    const others = await Promise.all([
      run('broken', { TZ: 'Asia/Kathmandu' }),
      run('broken', { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }),
      run('broken-reversed', {}),
    ]);
    for (const o of others) expect(norm(o.stdout)).toBe(base.stdout);
  });
});
