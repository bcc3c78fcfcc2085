import type { HttpBinding, Rpc } from '../../ir/types.js';
import { same } from '../canonical.js';
import type { DiffRule, SetPair } from '../types.js';

/**
 * A removed and an added RPC that are the same operation on the wire: the
 * same HTTP method and path (or, without bindings, the same request and
 * response). The pair is then compared like any other.
 */
export const rule: DiffRule = {
  id: 'rpc-renamed',
  severity: 'info',
  direction: 'none',
  description: 'An RPC was renamed: one only in FROM and one only in TO share method and path (or request and response); the wire is unchanged by the rename itself.',
  site: 'rpc-set',
  detect(pair: SetPair<Rpc>, api) {
    const bf = pair.context?.bindingsFrom as Map<string, HttpBinding>;
    const bt = pair.context?.bindingsTo as Map<string, HttpBinding>;
    const sig = (r: Rpc, m: Map<string, HttpBinding>): string => {
      const b = m?.get(r.name);
      return b ? `${b.method} ${b.path}` : `shape:${JSON.stringify([same(r.request, null), r.request.properties.map((p) => p.name), r.response.type])}`;
    };
    const bySig = (list: Rpc[], m: Map<string, HttpBinding>) => {
      const out = new Map<string, Rpc[]>();
      for (const r of list) out.set(sig(r, m), [...(out.get(sig(r, m)) ?? []), r]);
      return out;
    };
    const removed = bySig(pair.removed, bf);
    const added = bySig(pair.added, bt);
    for (const [s, olds] of removed) {
      const news = added.get(s);
      // Only an unambiguous one-to-one match is a rename.
      if (olds.length !== 1 || !news || news.length !== 1) continue;
      const [a] = olds as [Rpc];
      const [b] = news as [Rpc];
      if (s.startsWith('shape:') && !(same(a.request, b.request) && same(a.response, b.response))) continue;
      const f = { message: `RPC ${a.name} renamed to ${b.name}`, claims: [`-${a.name}`, `+${b.name}`], at: b.name, from: a.loc, to: b.loc, pairs: [[a, b]] as [unknown, unknown][] };
      api.report(b.port ?? a.port ? { ...f, port: (b.port ?? a.port)! } : f);
    }
  },
};
