/**
 * LineBuilder (src/text/line-builder.ts) joins lines a chunk at a time so
 * that they do not live until the whole text is done. Wherever the chunks
 * are cut, the text must be the one `lines.join('\n')` gives, the writers'
 * way of joining before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineBuilder } from '../../src/text/line-builder.js';

/** Lines with what could go wrong at a cut: empty lines, lines that hold newlines, non-ASCII text. */
const line = fc.oneof(fc.constantFrom('', '\n', 'a\nb', '  - x: 1', 'é😀'), fc.string({ maxLength: 8 }));

function built(lines: readonly string[], perChunk?: number): string {
  const b = new LineBuilder(perChunk);
  for (const l of lines) b.push(l);
  return b.join();
}

describe('LineBuilder', () => {
  it("gives lines.join('\\n') for any lines and any chunk size", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (lines, perChunk) => {
        expect(built(lines, perChunk)).toBe(lines.join('\n'));
      }),
      { numRuns: 1000 },
    );
  });

  it('cuts exactly at a chunk boundary without losing or doubling a separator', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const lines = Array.from({ length: n }, (_, i) => `line ${i}`);
      expect(built(lines, 3)).toBe(lines.join('\n'));
      // An empty last line (how the writers end their text with a newline) falling just after a cut.
      expect(built([...lines, ''], 3)).toBe([...lines, ''].join('\n'));
    }
  });

  it('gives the same text when joined again, and continues it after more lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.array(line, { maxLength: 20 }), fc.integer({ min: 1, max: 5 }), (first, second, perChunk) => {
        const b = new LineBuilder(perChunk);
        for (const l of first) b.push(l);
        const once = b.join();
        expect(b.join()).toBe(once);
        for (const l of second) b.push(l);
        expect(b.join()).toBe([...first, ...second].join('\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('joins a text of many lines with the default chunk size', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i % 7)}<t>${i}</t>`);
    expect(built(lines)).toBe(lines.join('\n'));
  });
});
