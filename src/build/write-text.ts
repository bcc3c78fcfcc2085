/**
 * Writes a string to a file as UTF-8 through one small buffer that every
 * write reuses, a slice of the string at a time.
 *
 * Why not fs.writeFile(file, text): that encodes the whole text into a new
 * buffer first, as large as the file. At 50× the outputs are ~117 MB, some
 * files 16 MB, and each such buffer is fresh memory, mapped, filled and
 * unmapped again; on a virtual machine fresh memory is slow (the first
 * touch of a page costs ~13 µs on the benchmark machine). Writing the 50×
 * outputs with fs.promises.writeFile took 200–320 ms, most of it system
 * time, and ~35 ms through a reused 1 MiB buffer (the same bytes; 3 runs
 * each); in whole builds the write phase went from 670–830 to 210–350 ms.
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
