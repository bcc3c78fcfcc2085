/**
 * The diff's canonical form (src/diff/canonical.ts) leaves out source
 * positions wherever they are kept: `loc`, mdast `position` and the IR's
 * maps of positions (`…Locs`), so moving an element in its file is no change.
 */
import { describe, expect, it } from 'vitest';
import { canonical, isPositionKey } from '../../src/diff/canonical.js';

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
