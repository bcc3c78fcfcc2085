import type { DiffRule } from '../types.js';
import { constraintChanges } from './constraints.js';

export const rule: DiffRule = {
  id: 'constraint-loosened.response',
  severity: 'warning',
  direction: 'response',
  description: "A constraint (length, range, pattern, item count, uniqueness, extra keys, map keys, a new or dropped format or enum) was loosened in a response: callers of FROM may receive values they reject.",
  site: 'schema',
  detect(pair, api) {
    if (pair.direction !== 'response') return;
    for (const c of constraintChanges(pair.from, pair.to)) if (c.movement === 'loosened') api.report({ message: c.message, claims: [c.field] });
  },
};
