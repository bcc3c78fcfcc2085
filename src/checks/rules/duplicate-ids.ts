/** Names are unique per kind across the whole tree (use variants for per-edition differences). */
import type { SourceLocation } from '../../ir/types.js';
import type { Check } from '../check.js';

export const duplicateIds: Check = {
  id: 'duplicate-ids',
  codes: ['MX2002'],
  description: 'RPCs, bindings, schemas, content blocks, event and EDU types, room versions, groups and rule ids are defined once.',
  run({ program, report }) {
    const check = (kind: string, items: { id: string; loc: SourceLocation }[]): void => {
      const first = new Map<string, SourceLocation>();
      for (const it of items) {
        const prev = first.get(it.id);
        if (prev) {
          report.add('MX2002', `${kind} "${it.id}" is defined twice; rename one, or use editions/variants on a single definition`, it.loc, [{ loc: prev, message: 'first defined here' }]);
        } else first.set(it.id, it.loc);
      }
    };
    check('RPC', program.rpcs.map((r) => ({ id: r.name, loc: r.loc })));
    check('binding for RPC', program.bindings.map((b) => ({ id: b.rpc, loc: b.loc })));
    check('schema', program.schemas.map((s) => ({ id: s.name, loc: s.loc })));
    check('content block', program.contentBlocks.map((b) => ({ id: b.name, loc: b.loc })));
    check('event type', program.eventTypes.map((e) => ({ id: e.name, loc: e.loc })));
    check('EDU type', program.eduTypes.map((e) => ({ id: e.name, loc: e.loc })));
    check('room version', program.roomVersions.map((r) => ({ id: r.id, loc: r.loc })));
    check('RPC group', program.rpcGroups.map((g) => ({ id: g.id, loc: g.loc })));
    check('binding group', program.bindingGroups.map((g) => ({ id: g.id, loc: g.loc })));
    for (const rv of program.roomVersions) {
      const rules: { id: string; loc: SourceLocation }[] = [];
      const walk = (list: typeof rv.authRules): void => {
        for (const r of list) {
          rules.push({ id: r.id, loc: r.loc });
          walk(r.steps);
        }
      };
      walk(rv.authRules);
      walk(rv.stateResolution.rules);
      walk(rv.signing.rules);
      walk(rv.keyValidity.rules);
      check(`rule of room version ${rv.id}`, rules);
    }
  },
};
