/** Every RPC an edition has is reachable over HTTP in that edition. */
import { EDITION_IDS } from '../../ir/types.js';
import type { Check } from '../check.js';

export const rpcHasBinding: Check = {
  id: 'rpc-has-binding',
  codes: ['MX3003'],
  description: 'Each RPC has an HTTP binding in every edition where the RPC exists.',
  run({ models, report }) {
    for (const edition of EDITION_IDS) {
      const m = models[edition];
      const bound = new Set(m.bindings.map((b) => b.rpc));
      for (const r of m.rpcs) {
        if (!bound.has(r.name)) report.add('MX3003', `RPC "${r.name}" has no HTTP binding in edition ${edition}; add one in spec/bindings/ or limit the RPC's editions`, r.loc);
      }
    }
  },
};
