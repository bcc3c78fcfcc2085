/**
 * Counts calls to openapi-typescript's real document transform: its module
 * cache entry is wrapped while `fn` runs, then put back. The types
 * generator requires the module on each conversion, so it sees the wrapper.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function countingTransforms<T>(fn: (calls: () => number) => T): T {
  const id = require.resolve('openapi-typescript/dist/transform/index.cjs');
  const real = require(id) as (...args: unknown[]) => unknown;
  let calls = 0;
  require.cache[id]!.exports = (...args: unknown[]) => {
    calls++;
    return real(...args);
  };
  try {
    return fn(() => calls);
  } finally {
    require.cache[id]!.exports = real;
  }
}
