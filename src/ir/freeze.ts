/**
 * Frozen models in the tests. Elements of a model are shared between
 * builds (projection and the generators remember them by identity), so a
 * change to one would leak into every later build. The tests set
 * MXSPEC_FREEZE_MODELS=1 (vitest.config.ts): whatever is shared is frozen
 * when it is made, and a change fails the test that made it.
 */
export const FREEZE_SHARED = process.env.MXSPEC_FREEZE_MODELS === '1';

export function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
