import type { DiffRule } from '../types.js';
import { constraintChanges } from './constraints.js';

export const rule: DiffRule = {
  id: 'constraint-tightened.request',
  severity: 'breaking',
  direction: 'request',
  description: "A constraint (length, range, pattern, item count, uniqueness, extra keys, map keys, a new or dropped format or enum) was tightened in a request: callers of FROM may send values TO rejects.",
  site: 'schema',
  detect(pair, api) {
    if (pair.direction !== 'request') return;
    for (const c of constraintChanges(pair.from, pair.to)) if (c.movement === 'tightened') api.report({ message: c.message, claims: [c.field] });
  },
};
