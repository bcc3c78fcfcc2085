import type { DiffRule } from '../types.js';
import { describe } from './schema-type-changed.js';

export const rule: DiffRule = {
  id: 'map-value-type-changed',
  severity: 'breaking',
  direction: 'none',
  description: 'The type of the values of a map changed.',
  site: 'schema',
  detect(pair, api) {
    if (pair.role !== 'map-values') return;
    const a = describe(pair.from);
    const b = describe(pair.to);
    if (a === b) return;
    api.report({ message: `map values ${a} -> ${b}`, claims: ['*'] });
  },
};
