/**
 * src/ir/lookup.ts answers "the elements whose field is this value" from an
 * index made once per list. Its answers must be exactly those of the scans
 * it replaced (filter and find), in list order, for every list it is given.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allWith, firstWith } from '../../src/ir/lookup.js';

interface El { name: string; group?: string; n: number }

const el = fc.record({ name: fc.constantFrom('a', 'b', 'c', ''), group: fc.option(fc.constantFrom('g', 'h'), { nil: undefined }), n: fc.integer() });
const probe = fc.constantFrom('a', 'b', 'c', '', 'g', 'h', 'missing', undefined, null);

describe('lookups by field', () => {
  it('allWith is filter and firstWith is find, for any list and value, asked in any order', () => {
    fc.assert(fc.property(fc.array(el, { maxLength: 12 }), fc.array(probe, { maxLength: 6 }), (list, values) => {
      for (const v of values) {
        expect(allWith(list, 'name', v)).toEqual(list.filter((x) => x.name === v));
        expect(allWith(list, 'group', v)).toEqual(list.filter((x) => x.group === v));
        expect(firstWith(list, 'name', v)).toBe(list.find((x) => x.name === v));
        expect(firstWith(list, 'group', v)).toBe(list.find((x) => x.group === v));
      }
    }), { numRuns: 500 });
  });

  it('returns the list\'s own elements, in its order, and indexes each list apart', () => {
    const first: El = { name: 'x', group: 'g', n: 1 };
    const second: El = { name: 'x', group: 'g', n: 2 };
    const list = [first, { name: 'y', group: 'h', n: 3 }, second];
    expect(allWith(list, 'name', 'x')).toEqual([first, second]);
    expect(allWith(list, 'name', 'x')[1]).toBe(second);
    expect(firstWith(list, 'group', 'g')).toBe(first);
    // A new list (as projection makes for a changed model) is answered from its own index.
    const edited = [second, ...list.slice(1)];
    expect(firstWith(edited, 'name', 'x')).toBe(second);
    expect(firstWith(list, 'name', 'x')).toBe(first);
    // An absent group selects the elements without one, as the scan did.
    expect(allWith([...list, { name: 'z', n: 4 }], 'group', undefined).map((e) => e.name)).toEqual(['z']);
  });
});
