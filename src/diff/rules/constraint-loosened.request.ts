import type { DiffRule } from '../types.js';
import { constraintChanges } from './constraints.js';

export const rule: DiffRule = {
  id: 'constraint-loosened.request',
  severity: 'info',
  direction: 'request',
  description: "A constraint (length, range, pattern, item count, uniqueness, extra keys, map keys, a new or dropped format or enum) was loosened in a request: TO accepts more.",
  site: 'schema',
  detect(pair, api) {
    if (pair.direction !== 'request') return;
    for (const c of constraintChanges(pair.from, pair.to)) if (c.movement === 'loosened') api.report({ message: c.message, claims: [c.field] });
  },
};
