/**
 * RPC walker: pairs RPCs by name (rules may pair renamed ones), then
 * compares each pair with its HTTP binding, request, response and errors.
 */
import type { HttpBinding, Rpc, RpcError } from '../../ir/types.js';
import type { WalkContext } from './context.js';
import { compareSchema } from './schemas.js';

export function compareRpcs(ctx: WalkContext): void {
  const { run, placement } = ctx;
  const bindingsFrom = new Map(ctx.from.bindings.map((b) => [b.rpc, b]));
  const bindingsTo = new Map(ctx.to.bindings.map((b) => [b.rpc, b]));
  const pairedFrom = new Set<string>();
  const pairedTo = new Set<string>();
  run.compareSet<Rpc>({
    site: 'rpc-set', from: ctx.from.rpcs, to: ctx.to.rpcs, keyOf: (r) => r.name, path: 'rpcs', document: '-', direction: 'none',
    documentOf: (name) => placement.rpc(name),
    context: { bindingsFrom, bindingsTo },
  }, (a, b) => {
    pairedFrom.add(a.name);
    pairedTo.add(b.name);
    const path = `rpcs/${b.name}`;
    const document = placement.rpc(b.name);
    // The RPC's own comparison reads the two RPCs and the document they are placed in; its binding's (below) is apart.
    run.comparePairOnce(a, b, () => run.compare({ site: 'rpc', from: a, to: b, path, document, direction: 'none' }, {
      ignore: ['name'],
      children: {
        request: () => compareSchema(ctx, a.request, b.request, { path: `${path}/request`, document, direction: 'request', role: 'root' }),
        response: () => compareSchema(ctx, a.response, b.response, { path: `${path}/response`, document, direction: 'response', role: 'root' }),
        errors: () => run.compareSet<RpcError>({
          site: 'error-set', from: a.errors, to: b.errors, keyOf: (e) => e.code, path: `${path}/errors`, document, direction: 'response',
        }, (x, y) => run.compare({ site: 'error', from: x, to: y, path: `${path}/errors/${x.code}`, document, direction: 'response' }, { ignore: ['code'] })),
      },
    }), document);
    const ba = bindingsFrom.get(a.name);
    const bb = bindingsTo.get(b.name);
    run.withPort(a, b, () => {
      const bdoc = placement.binding(b.name);
      run.compareSet<HttpBinding>({
        site: 'binding-set', from: ba ? [ba] : [], to: bb ? [bb] : [], keyOf: () => b.name, path: 'bindings', document: bdoc, direction: 'none',
      }, (x, y) => run.compare({ site: 'binding', from: x, to: y, path: `bindings/${b.name}`, document: bdoc, direction: 'none' }, { ignore: ['rpc'] }));
    });
  });
  // The binding of an RPC only one side has is a divergence of its own (it may carry its own port record).
  const lone = (rpcs: Rpc[], paired: Set<string>, bindings: Map<string, HttpBinding>, side: 'from' | 'to'): void => {
    for (const r of rpcs) {
      const b = bindings.get(r.name);
      if (paired.has(r.name) || !b) continue;
      const bdoc = placement.binding(r.name);
      run.withPort(undefined, r, () => run.compareSet<HttpBinding>({
        site: 'binding-set', from: side === 'from' ? [b] : [], to: side === 'to' ? [b] : [], keyOf: () => r.name, path: 'bindings', document: bdoc, direction: 'none',
      }, () => {}));
    }
  };
  lone(ctx.from.rpcs, pairedFrom, bindingsFrom, 'from');
  lone(ctx.to.rpcs, pairedTo, bindingsTo, 'to');
}
