/**
 * Output files are written a slice at a time through one reused buffer
 * (src/build/write-text.ts). Whatever the text and wherever the slices
 * fall, the file must hold exactly what Buffer.from(text) holds: UTF-8, with
 * a surrogate pair kept whole and a lone surrogate written as U+FFFD.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const { writeTextFileSync } = (await import(path.join(ROOT, 'dist/src/build/write-text.js'))) as typeof import('../../src/build/write-text.js');

const dir = tempDir('mxspec-write-text-');
let n = 0;
function written(text: string, bufferBytes?: number): Buffer {
  const file = path.join(dir, `f${n++}`);
  writeTextFileSync(file, text, bufferBytes);
  return readFileSync(file);
}

/** Code units that make slicing interesting: ASCII, two- and three-byte characters, pairs, and halves of pairs. */
const unit = fc.constantFrom('a', '\n', 'é', '—', '€', '😀', '\u{10FFFF}', '\uD83D', '\uDE00', '\uFFFD');
const text = fc.array(unit, { maxLength: 120 }).map((parts) => parts.join(''));

describe('writeTextFileSync', () => {
  it('writes the bytes Buffer.from writes, with buffers from 6 bytes up (a slice of 2 code units) to the default', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 6, max: 64 }), (t, bytes) => {
        expect(written(t, bytes).equals(Buffer.from(t))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a surrogate pair whole where a slice would end between its halves', () => {
    // 6 bytes: slices of 2 code units; 'a' then the pair puts its high half last in the first slice.
    const t = 'a😀b';
    expect(written(t, 6).toString('utf8')).toBe(t);
    expect(written(t, 6).equals(Buffer.from(t))).toBe(true);
  });

  it('writes a lone surrogate as U+FFFD, at a slice boundary or at the end', () => {
    for (const t of ['a\uD83D', 'a\uD83Db', '\uDE00', 'ab\uD83D\uD83D']) {
      expect(written(t, 6).equals(Buffer.from(t))).toBe(true);
      expect(written(t, 6).toString('utf8')).toContain('\uFFFD');
    }
  });

  it('writes texts longer than its buffer, and empty ones, whole (default buffer)', () => {
    const long = 'x—😀'.repeat(400_000); // 1.6 M code units, 3.6 MB of UTF-8: several slices of the 1 MiB buffer
    expect(written(long).equals(Buffer.from(long))).toBe(true);
    expect(written('').length).toBe(0);
  });

  it('truncates a file that was longer', () => {
    const file = path.join(dir, 'shrink');
    writeTextFileSync(file, 'a much longer first text');
    writeTextFileSync(file, 'short');
    expect(readFileSync(file, 'utf8')).toBe('short');
  });
});
