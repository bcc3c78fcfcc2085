/**
 * The diff's canonical form (src/diff/canonical.ts) leaves out source
 * positions wherever they are kept: `loc`, mdast `position` and the IR's
 * maps of positions (`…Locs`), so moving an element in its file is no change.
 * `same` compares two values' canonical forms without writing them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonical, isPositionKey, same } from '../../src/diff/canonical.js';

describe('canonical form', () => {
  it('drops positions, and only positions', () => {
    for (const k of ['loc', 'position', 'fieldLocs', 'roomVersionLocs']) expect(isPositionKey(k), k).toBe(true);
    for (const k of ['location', 'locale', 'blocks', 'Locsmith']) expect(isPositionKey(k), k).toBe(false);
  });

  it('two bindings that differ only in where their entries are written are equal; one that differs in content is not', () => {
    const at = (line: number) => ({ file: 'bindings/core.yaml', line, column: 3 });
    const binding = (line: number, path: string) => ({ rpc: 'getVersion', path, query: ['limit'], loc: at(line), fieldLocs: { path: at(line + 1), query: { limit: at(line + 2) }, headers: {}, errors: {} } });
    expect(canonical(binding(3, '/v1/version'))).toBe(canonical(binding(30, '/v1/version')));
    expect(canonical(binding(3, '/v1/version'))).not.toBe(canonical(binding(3, '/v2/version')));
  });
});

/** Values like the IR's, from a few keys (so that two values often share some), with positions, undefined and odd numbers. */
const key = fc.constantFrom('a', 'b', 'name', 'loc', 'position', 'fieldLocs', 'blocks');
const leaf = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.constantFrom(0, -0, 1, NaN, Infinity, 2.5), fc.constantFrom('', 'a', 'b', '0'));
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
})).v;

/** The same content written differently: keys in another order, positions moved, undefined members added or dropped, shared parts copied. */
function rewritten(v: unknown, pick: number): unknown {
  if (Array.isArray(v)) return v.map((x, i) => rewritten(x, pick + i));
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).reverse();
    const out: Record<string, unknown> = {};
    for (const [k, x] of entries) {
      if (k === 'loc' || k === 'position') out[k] = { line: pick, column: 1 };
      else if (x === undefined && pick % 2) continue;
      else out[k] = rewritten(x, pick + 1);
    }
    if (pick % 3 === 0) out.fieldLocs = { name: { line: 1 } };
    if (pick % 4 === 0) out.unset = undefined;
    return out;
  }
  return v;
}

describe('same', () => {
  it('answers what comparing the canonical forms answers, for any two values', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(same(a, b)).toBe(canonical(a) === canonical(b));
    }), { numRuns: 3000 });
  });

  it('is true for the same content written differently, and false once a value in it changes', () => {
    fc.assert(fc.property(value, fc.nat(11), (a, pick) => {
      const b = rewritten(a, pick);
      expect(canonical(b)).toBe(canonical(a));
      expect(same(a, b)).toBe(true);
      const changed = { wrapped: b, extra: 'x' };
      expect(same({ wrapped: a }, changed)).toBe(false);
    }), { numRuns: 1000 });
  });

  it('follows JSON where it has no room for a value: -0 is 0, NaN and infinities are null, undefined is null in a list and absent in an object', () => {
    expect(same(-0, 0)).toBe(true);
    expect(same(NaN, null)).toBe(true);
    expect(same([undefined], [null])).toBe(true);
    expect(same({ a: undefined }, {})).toBe(true);
    expect(same({ a: null }, {})).toBe(false);
    expect(same(undefined, null)).toBe(false);
    expect(same([], {})).toBe(false);
    expect(same('1', 1)).toBe(false);
  });
});
