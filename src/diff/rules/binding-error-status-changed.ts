import type { DiffRule } from '../types.js';
import { same } from '../canonical.js';

export const rule: DiffRule = {
  id: 'binding-error-status-changed',
  severity: 'warning',
  direction: 'none',
  description: 'The HTTP status an error code is returned with was added, removed or changed.',
  site: 'binding',
  detect(pair, api) {
    const a = (pair.from.errors ?? {}) as Record<string, number>;
    const b = (pair.to.errors ?? {}) as Record<string, number>;
    if (same(a, b)) return;
    const codes = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().filter((c) => a[c] !== b[c]);
    const word = (c: string) => `${c} ${a[c] ?? '-'} -> ${b[c] ?? '-'}`;
    api.report({ message: `error statuses: ${codes.map(word).join(', ')}`, claims: ['errors'] });
  },
};
