/**
 * The floor with types (scripts/bench/combined-floor.ts): the parse and one
 * edition's types spread over the cores, never below the part one thread
 * does alone. Made-up figures, every result known; no timing is measured.
 */
import { describe, expect, it } from 'vitest';
import { combinedFloorMs } from '../../scripts/bench/combined-floor.js';

describe('combined floor', () => {
  it('spreads the parse and the types over the cores', () => {
    expect(combinedFloorMs({ parseMs: 500, longestFileMs: 50, cores: 2 }, { loadMs: 200, convertMs: 100 })).toBe(400);
    expect(combinedFloorMs({ parseMs: 500, longestFileMs: 50, cores: 4 }, { loadMs: 200, convertMs: 100 })).toBe(300);
  });

  it('on one core, is the sum', () => {
    expect(combinedFloorMs({ parseMs: 500, longestFileMs: 50, cores: 1 }, { loadMs: 200, convertMs: 100 })).toBe(800);
  });

  it('is never less than the types alone, which one thread loads and converts in turn', () => {
    expect(combinedFloorMs({ parseMs: 100, longestFileMs: 20, cores: 2 }, { loadMs: 300, convertMs: 300 })).toBe(600);
  });

  it('is never less than the longest single file', () => {
    expect(combinedFloorMs({ parseMs: 1000, longestFileMs: 900, cores: 4 }, { loadMs: 50, convertMs: 50 })).toBe(900);
  });

  it('takes a core count below one as one', () => {
    expect(combinedFloorMs({ parseMs: 500, longestFileMs: 50, cores: 0 }, { loadMs: 200, convertMs: 100 })).toBe(800);
  });
});
