/**
 * Large specs bound V8's heap growth (src/cli/heap-growth.ts); small ones
 * keep V8's default (the bound costs time there). Run in child processes,
 * since the flag is process-wide.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { LARGE_SPEC_BYTES, sourceBytes } from '../../src/cli/heap-growth.js';

function decide(specDir: string, env: Record<string, string> = {}): boolean {
  const script = `const m = await import(${JSON.stringify(path.join(ROOT, 'dist/src/cli/heap-growth.js'))}); console.log(m.boundHeapGrowthForLargeSpec(${JSON.stringify(specDir)}));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
  return out.trim() === 'true';
}

describe('heap growth bound for large specs', () => {
  const small = path.join(tempDir('mxspec-heap-'), 'spec');
  mkdirSync(path.join(small, 'schemas'), { recursive: true });
  writeFileSync(path.join(small, 'schemas/a.yaml'), 'x: 1\n');
  const large = path.join(tempDir('mxspec-heap-'), 'spec');
  mkdirSync(path.join(large, 'schemas/deep'), { recursive: true });
  writeFileSync(path.join(large, 'schemas/deep/a.yaml'), 'x'.repeat(LARGE_SPEC_BYTES / 2));
  writeFileSync(path.join(large, 'schemas/b.yaml'), 'y'.repeat(LARGE_SPEC_BYTES / 2 + 10));

  it('counts regular files in nested folders and does not follow symlinks', () => {
    const dir = tempDir('mxspec-heap-count-');
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'a/b/one'), '12345');
    writeFileSync(path.join(dir, 'two'), '123');
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'loop'));
    expect(sourceBytes(dir)).toBe(8);
    expect(sourceBytes(path.join(dir, 'missing'))).toBe(0);
  });

  it('applies above the threshold only', () => {
    expect(decide(small)).toBe(false);
    expect(decide(large)).toBe(true);
    expect(decide(path.join(ROOT, 'spec'))).toBe(false);
  });

  it("leaves a user's own heap flags alone", () => {
    expect(decide(large, { NODE_OPTIONS: '--max-old-space-size=2048' })).toBe(false);
  });
});
