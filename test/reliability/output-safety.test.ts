/**
 * Writes never leave --out, and an output that cannot be written (bad path
 * from a generator, a full disk, a read-only file system) is reported as
 * MX9001 with the previous out/ left byte-for-byte as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, snapshotTree, tempDir } from '../helpers/cli.js';
import { FIXTURE, runCliAsync, STACK_FRAME } from '../bad-input/harness.js';

type WriteModule = typeof import('../../src/build/write-output.js');
type RegistryModule = typeof import('../../generators/index.js');
type MainModule = typeof import('../../src/cli/main.js');
// The compiled modules, the same instances the CLI uses in-process.
const dist = (rel: string): string => path.join(ROOT, 'dist', rel);
const { safeOutputPath, writeOutputTree, OutputError } = (await import(dist('src/build/write-output.js'))) as WriteModule;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function work(): string {
  const d = tempDir('mxspec-outsafe-');
  dirs.push(d);
  return d;
}
function oldOut(dir: string): string {
  const out = path.join(dir, 'out');
  mkdirSync(path.join(out, 'ietf'), { recursive: true });
  writeFileSync(path.join(out, 'ietf/previous.txt'), 'previous build\n');
  return out;
}

describe('safeOutputPath', () => {
  it.each(['', '/etc/passwd', '../escape.txt', 'ietf/../../escape.txt', 'ietf/..', './ietf/a.txt', 'ietf/./a.txt', 'ietf//a.txt', 'ietf\\..\\a.txt', 'C:\\x', 'ietf/'])(
    'refuses %j', (p) => {
      expect(() => safeOutputPath(p)).toThrow(OutputError);
    });
  it.each(['ietf/openapi.json', 'diff/index.html', 'a', 'ietf/drafts/draft-x-00.xml', 'ietf/..hidden/ok.txt'])('accepts %j', (p) => {
    expect(safeOutputPath(p)).toBe(p);
  });
});

describe('writeOutputTree', () => {
  it('a bad path anywhere in the list writes nothing at all, inside or outside', async () => {
    const dir = work();
    const out = oldOut(dir);
    const before = snapshotTree(out);
    await expect(writeOutputTree(out, [
      { path: 'ietf/fine.txt', content: 'fine\n' },
      { path: '../escaped.txt', content: 'should never exist\n' },
    ])).rejects.toThrow(/output paths must stay inside/);
    expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['out']);
  });

  it('a successful write touches only --out (no staging or backup left beside it)', async () => {
    const dir = work();
    const out = oldOut(dir);
    writeFileSync(path.join(dir, 'neighbour.txt'), 'mine\n');
    await writeOutputTree(out, [{ path: 'ietf/new.txt', content: 'new\n' }]);
    expect(readdirSync(dir).sort()).toEqual(['neighbour.txt', 'out']);
    expect([...snapshotTree(out).keys()]).toEqual(['ietf/new.txt']);
  });
});

describe('a generator returning a path outside --out', () => {
  it('fails the build with MX9001 and leaves out/ untouched', async () => {
    const { EDITION_GENERATORS } = (await import(dist('generators/index.js'))) as RegistryModule;
    const { main } = (await import(dist('src/cli/main.js'))) as MainModule;
    const rogue = { id: 'rogue-test', description: 'returns a path that climbs out of out/', generate: () => [{ path: 'ietf/../../pwned.txt', content: 'x' }] };
    const dir = work();
    const out = oldOut(dir);
    const before = snapshotTree(out);
    EDITION_GENERATORS.push(rogue);
    let stderr = '';
    let code: number;
    try {
      code = await main(['node', 'mxspec', 'build', '--spec', FIXTURE, '--out', out], { out: () => {}, err: (s) => (stderr += s), isTTY: false });
    } finally {
      EDITION_GENERATORS.splice(EDITION_GENERATORS.indexOf(rogue), 1);
    }
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/error MX9001: refusing to write "ietf\/\.\.\/\.\.\/pwned\.txt"/);
    expect(existsSync(path.join(dir, 'pwned.txt'))).toBe(false);
    expect(existsSync(path.join(path.dirname(dir), 'pwned.txt'))).toBe(false);
    expect(snapshotTree(out)).toEqual(before);
  });
});

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as in the dev container; often not in CI). */
function canMount(): boolean {
  const probe = tempDir('mxspec-mountprobe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const MOUNT = canMount();

describe('a full disk', () => {
  it('simulated (ENOSPC injected by a test preload): MX9001, out/ unchanged, no leftovers', async () => {
    const dir = work();
    const out = oldOut(dir);
    const before = snapshotTree(out);
    const r = await runCliAsync(['build', '--spec', FIXTURE, '--out', out], {
      nodeArgs: ['--import', path.join(ROOT, 'test/reliability/full-disk.mjs')],
      env: { MXSPEC_TEST_FULL_DISK_UNDER: dir },
    });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${out} - error MX9001: cannot write the output to ${out}: the disk is full`);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(snapshotTree(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it.skipIf(!MOUNT)(`real: a tiny tmpfs filled to the last byte and inode${MOUNT ? '' : ' (skipped: mount is not permitted here)'}`, async () => {
    const dir = work();
    const mnt = path.join(dir, 'mnt');
    mkdirSync(mnt);
    // Few inodes and little space: after the old out/ and a filler, nothing new fits.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,nr_inodes=8', 'tmpfs', mnt]);
    try {
      const out = oldOut(mnt);
      spawnSync('sh', ['-c', `cat /dev/zero > ${path.join(mnt, 'filler')} 2>/dev/null; for i in 1 2 3 4 5 6 7 8; do : > ${path.join(mnt, 'f')}$i 2>/dev/null; done; true`]);
      const before = snapshotTree(out);
      const r = await runCliAsync(['build', '--spec', FIXTURE, '--out', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/error MX9001: cannot write the output to .*: the disk is full/);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(snapshotTree(out)).toEqual(before);
      expect(readdirSync(mnt).filter((n) => n.startsWith('.out.'))).toEqual([]);
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });

  it.skipIf(!MOUNT)(`real: a read-only file system${MOUNT ? '' : ' (skipped: mount is not permitted here)'}`, async () => {
    const dir = work();
    const mnt = path.join(dir, 'ro');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    try {
      const out = oldOut(mnt);
      execFileSync('mount', ['-o', 'remount,ro', mnt]);
      const before = snapshotTree(out);
      const r = await runCliAsync(['build', '--spec', FIXTURE, '--out', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/error MX9001: cannot write the output to .*: read-only file system/);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(snapshotTree(out)).toEqual(before);
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });
});
