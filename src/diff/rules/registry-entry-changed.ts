import type { DiffRule } from '../types.js';
import { same } from '../canonical.js';

/** Shared registries (authors, references, RPC and binding groups): entries added, removed or changed, by key. */
export const rule: DiffRule = {
  id: 'registry-entry-changed',
  severity: 'info',
  direction: 'none',
  description: 'An entry of a shared registry (authors, references, RPC groups, binding groups) was added, removed or changed.',
  site: 'registries',
  detect(pair, api) {
    for (const field of ['authors', 'references', 'rpcGroups', 'bindingGroups']) {
      const index = (v: unknown): Map<string, unknown> => new Map(Array.isArray(v) ? v.map((g: { id: string }) => [g.id, g]) : Object.entries((v ?? {}) as object));
      const a = index(pair.from[field]);
      const b = index(pair.to[field]);
      const keys = [...new Set([...a.keys(), ...b.keys()])].sort().filter((k) => !same(a.get(k), b.get(k)));
      if (!keys.length) continue;
      const word = (k: string) => (!a.has(k) ? `+${k}` : !b.has(k) ? `-${k}` : `~${k}`);
      api.report({ message: `${field}: ${keys.map(word).join(', ')}`, claims: [field], at: field });
    }
  },
};
