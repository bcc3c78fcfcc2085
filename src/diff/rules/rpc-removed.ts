import type { HttpBinding, Rpc } from '../../ir/types.js';
import type { SetPair } from '../types.js';

const binding = (r: Rpc, pair: SetPair<Rpc>, side: 'bindingsFrom' | 'bindingsTo') => { const b = (pair.context?.[side] as Map<string, HttpBinding> | undefined)?.get(r.name); return b ? ` (${b.method} ${b.path})` : ''; };

import { memberRule } from './define.js';

export const rule = memberRule<Rpc>({
  id: 'rpc-removed',
  severity: 'breaking',
  description: "An RPC exists only in FROM: callers of FROM get no such endpoint from TO servers.",
  site: 'rpc-set',
  side: 'removed',
  message: (r, key, pair) => `RPC ${key} removed${binding(r, pair, 'bindingsFrom')}`,
});
