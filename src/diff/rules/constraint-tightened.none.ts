import type { DiffRule } from '../types.js';
import { constraintChanges } from './constraints.js';

export const rule: DiffRule = {
  id: 'constraint-tightened.none',
  severity: 'breaking',
  direction: 'none',
  description: "A constraint (length, range, pattern, item count, uniqueness, extra keys, map keys, a new or dropped format or enum) was tightened in data that flows both ways (events, shared schemas): senders of FROM may send values TO rejects.",
  site: 'schema',
  detect(pair, api) {
    if (pair.direction !== 'none') return;
    for (const c of constraintChanges(pair.from, pair.to)) if (c.movement === 'tightened') api.report({ message: c.message, claims: [c.field] });
  },
};
