import type { DiffRule } from '../types.js';

export const rule: DiffRule = {
  id: 'schema-type-changed',
  severity: 'breaking',
  direction: 'none',
  description: 'The type of a schema node changed (e.g. string to integer, object to reference).',
  site: 'schema',
  detect(pair, api) {
    if (pair.role === 'map-values' || pair.from.type === pair.to.type) return;
    api.report({ message: `type ${describe(pair.from)} -> ${describe(pair.to)}`, claims: ['*'] });
  },
};

export function describe(n: { type: string; ref?: string; block?: string }): string {
  return n.type === 'ref' ? `ref ${n.ref}` : n.type === 'block' ? `block ${n.block}` : n.type;
}
