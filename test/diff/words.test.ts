/** The word-level prose diff: OLD and NEW are reproduced exactly from the runs, and edits are word-sized. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sides, wordDiff } from '../../src/diff/words.js';

describe('wordDiff', () => {
  it('the runs rebuild both texts exactly', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'MUST', 'SHOULD', ' ', '\n', 'x.', '<b>'), { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(fc.property(text, text, (a, b) => {
      const runs = wordDiff(a, b);
      expect(sides(runs)).toEqual({ old: a, new: b });
      if (a === b) expect(runs.every((r) => r.op === 'equal')).toBe(true);
    }));
  });

  it('marks only the changed word', () => {
    expect(wordDiff('Servers MUST retry.', 'Servers SHOULD retry.')).toEqual([
      { op: 'equal', text: 'Servers ' },
      { op: 'delete', text: 'MUST' },
      { op: 'insert', text: 'SHOULD' },
      { op: 'equal', text: ' retry.' },
    ]);
  });
});
