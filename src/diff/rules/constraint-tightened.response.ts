import type { DiffRule } from '../types.js';
import { constraintChanges } from './constraints.js';

export const rule: DiffRule = {
  id: 'constraint-tightened.response',
  severity: 'info',
  direction: 'response',
  description: "A constraint (length, range, pattern, item count, uniqueness, extra keys, map keys, a new or dropped format or enum) was tightened in a response: callers receive a subset of what they accepted.",
  site: 'schema',
  detect(pair, api) {
    if (pair.direction !== 'response') return;
    for (const c of constraintChanges(pair.from, pair.to)) if (c.movement === 'tightened') api.report({ message: c.message, claims: [c.field] });
  },
};
