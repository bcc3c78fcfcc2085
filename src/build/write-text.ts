/**
 * Writes a string to a file as UTF-8 through one small buffer that every
 * write reuses, a slice of the string at a time.
 *
 * Why not fs.writeFile(file, text): that encodes the whole text into a new
 * buffer first, as large as the file. At 50× the outputs are ~117 MB, some
 * files 16 MB, and each such buffer is fresh memory, mapped, touched page by
 * page and unmapped again. On a virtual machine the first touch of a page
 * is slow (~13 µs a page on the benchmark machine), and the kernel's copy
 * out of a fresh 16 MB buffer pays for it too: writing the 50× outputs took
 * 200–430 ms that way and ~35 ms through a reused 1 MiB buffer (3 runs
 * each, the same bytes).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair, 2 units, takes 4). */
const MAX_UTF8_PER_UNIT = 3;
const SCRATCH_BYTES = 1 << 20;
let scratch: Buffer | undefined;

/**
 * `text` encoded as UTF-8, as Buffer.from(text) would encode it (a lone
 * surrogate as U+FFFD), written to `file` (created or truncated).
 * `bufferBytes` is for the tests, which cut texts at small sizes.
 */
export function writeTextFileSync(file: string, text: string, bufferBytes = SCRATCH_BYTES): void {
  const buf = bufferBytes === SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES)) : Buffer.allocUnsafe(bufferBytes);
  const unitsPerSlice = Math.max(2, Math.floor(buf.length / MAX_UTF8_PER_UNIT));
  const fd = openSync(file, 'w');
  try {
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + unitsPerSlice);
      // Never between the two halves of a surrogate pair: each half alone would be written as U+FFFD.
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      const bytes = buf.write(text.slice(start, end), 0, 'utf8');
      for (let off = 0; off < bytes; ) off += writeSync(fd, buf, off, bytes - off);
      start = end;
    }
  } finally {
    closeSync(fd);
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
