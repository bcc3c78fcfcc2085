import type { HttpBinding, Rpc } from '../../ir/types.js';
import type { SetPair } from '../types.js';

const binding = (r: Rpc, pair: SetPair<Rpc>, side: 'bindingsFrom' | 'bindingsTo') => { const b = (pair.context?.[side] as Map<string, HttpBinding> | undefined)?.get(r.name); return b ? ` (${b.method} ${b.path})` : ''; };

import { memberRule } from './define.js';

export const rule = memberRule<Rpc>({
  id: 'rpc-added',
  severity: 'warning',
  description: "An RPC exists only in TO: servers of FROM do not serve it, so callers must cope with its absence.",
  site: 'rpc-set',
  side: 'added',
  message: (r, key, pair) => `RPC ${key} added${binding(r, pair, 'bindingsTo')}`,
});
