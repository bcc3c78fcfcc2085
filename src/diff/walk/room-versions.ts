/**
 * Room-version walker: pairs room versions by their Matrix.org id (editions
 * may show another id), splits the compound fields so each part has its own
 * rule, and pairs rules by their stable ids (steps flattened with their
 * parent and position, so a moved step is seen as moved).
 */
import type { PortRecord, RoomVersion, Rule, SourceLocation } from '../../ir/types.js';
import type { WalkContext } from './context.js';
import { rankAmongCommon } from './ranks.js';

export interface FlatRule {
  id: string;
  parent: string | null;
  index: number;
  text: string;
  port?: PortRecord;
  lifecycle?: Rule['lifecycle'];
  loc: SourceLocation;
}

export function flattenRules(rules: Rule[], parent: string | null = null, inherited?: PortRecord, out: FlatRule[] = []): FlatRule[] {
  rules.forEach((r, index) => {
    const port = r.port ?? inherited;
    const flat: FlatRule = { id: r.id, parent, index, text: r.text, loc: r.loc };
    if (port) flat.port = port;
    if (r.lifecycle) flat.lifecycle = r.lifecycle;
    out.push(flat);
    flattenRules(r.steps, r.id, port, out);
  });
  return out;
}

type Rv = RoomVersion & { displayId: string };

function flat(rv: Rv): Record<string, unknown> {
  const { stateResolution, signing, keyValidity: _k, authRules: _a, ...rest } = rv;
  return {
    ...rest,
    'stateResolution.algorithm': stateResolution.algorithm,
    'signing.hash': signing.hash,
    'signing.signature': signing.signature,
    // Placeholders so the walker's child fields exist on both sides.
    authRules: true,
    'stateResolution.rules': true,
    'signing.rules': true,
    'keyValidity.rules': true,
  };
}

export const RULE_PARTS = [
  ['authRules', 'auth-rules', (rv: Rv) => rv.authRules],
  ['stateResolution.rules', 'state-resolution', (rv: Rv) => rv.stateResolution.rules],
  ['signing.rules', 'signing', (rv: Rv) => rv.signing.rules],
  ['keyValidity.rules', 'key-validity', (rv: Rv) => rv.keyValidity.rules],
] as const;

export function compareRoomVersions(ctx: WalkContext): void {
  const { run, placement } = ctx;
  const docOf = (rv: Rv): string => {
    const d = placement.roomVersion(rv.id);
    return d !== '-' ? d : placement.roomVersion(rv.displayId);
  };
  const byId = new Map([...ctx.from.roomVersions, ...ctx.to.roomVersions].map((rv) => [rv.id, docOf(rv)]));
  run.compareSet<Rv>({
    site: 'room-version-set', from: ctx.from.roomVersions, to: ctx.to.roomVersions, keyOf: (rv) => rv.id, path: 'room-versions',
    document: '-', direction: 'none', documentOf: (id) => byId.get(id) ?? '-',
  }, (a, b) => {
    const path = `room-versions/${a.id}`;
    const document = docOf(b);
    const children: Record<string, () => void> = {};
    for (const [field, part, get] of RULE_PARTS) {
      children[field] = () => {
        const fa = flattenRules(get(a));
        const fb = flattenRules(get(b));
        rankAmongCommon(fa, fb, (r) => r.id);
        run.compareSet<FlatRule>({
        site: 'rule-set', from: fa, to: fb, keyOf: (r) => r.id, path: `${path}/${part}`, document, direction: 'none',
        context: { part },
      }, (x, y) => run.compare({ site: 'rule', from: x, to: y, path: `${path}/${part}/${x.id}`, document, direction: 'none', context: { part } }, { ignore: ['id'] }));
      };
    }
    run.compare({ site: 'room-version', from: flat(a), to: flat(b), path, document, direction: 'none' }, { ignore: ['id'], children });
  });
}
