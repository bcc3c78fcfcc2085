/**
 * The diff engine's core: hands element pairs and unmatched collection
 * members to the rules of their site, turns findings into changes, and runs
 * the safety net: any field of a pair that differs and that no rule claimed
 * and no walker descends into becomes an `unclassified` change. Walkers
 * (src/diff/walk/) decide what is paired with what.
 */
import type { PortRecord, SourceLocation } from '../ir/types.js';
import { isPositionKey, same, show } from './canonical.js';
import type { Change, DiffRule, Direction, ElementPair, Finding, PortMatch, RuleApi, SetPair, SiteKind } from './types.js';

export const UNCLASSIFIED = 'unclassified';

interface PortFrame {
  port: PortRecord;
  parent?: PortFrame;
}

type Scoped = { port?: PortRecord; loc?: SourceLocation };

export interface CompareOptions {
  /** Fields the walker compares itself (recursion); run after the rules unless a rule claimed the field. */
  children?: Record<string, () => void>;
  /** Fields that are keys or derived data, never compared. */
  ignore?: readonly string[];
}

/**
 * Changes found for a pair of elements, by the two objects, for the rule set
 * and direction they were found with (see DiffRun.comparePairOnce). Weak:
 * entries go with the elements.
 */
const pairChanges = new WeakMap<object, WeakMap<object, { rules: readonly DiffRule[]; crossEdition: boolean; context: string; changes: Change[] }>>();
let pairMemo = false;

/** Whether comparisons of unchanged element pairs are taken over from earlier runs (on in `mxspec watch`). */
export function rememberPairChanges(on: boolean): void {
  pairMemo = on;
}

export class DiffRun {
  readonly changes: Change[] = [];
  private portFrame?: PortFrame;
  private readonly bySite = new Map<string, DiffRule[]>();

  constructor(private readonly rules: readonly DiffRule[], private readonly crossEdition = false) {
    for (const r of rules) {
      const list = this.bySite.get(r.site) ?? [];
      list.push(r);
      this.bySite.set(r.site, list);
    }
  }

  /** The rules of a site, with those of any element for a pair of elements; made once per site (asked per pair). */
  private readonly siteRules = new Map<string, readonly DiffRule[]>();

  private rulesFor(site: SiteKind, element: boolean): readonly DiffRule[] {
    const key = element ? `${site}\u0000element` : site;
    let list = this.siteRules.get(key);
    if (!list) this.siteRules.set(key, (list = [...(this.bySite.get(site) ?? []), ...(element ? (this.bySite.get('any-element') ?? []) : [])]));
    return list;
  }

  private currentPort(own?: PortRecord): PortMatch {
    const p = own ?? this.portFrame?.port;
    return p ? portMatch(p) : 'untracked';
  }

  /** Runs fn with the element's port record (either side) as the nearest one. */
  withPort<T>(from: Scoped | undefined, to: Scoped | undefined, fn: () => T): T {
    const port = to?.port ?? from?.port;
    if (!port) return fn();
    const saved = this.portFrame;
    this.portFrame = { port, parent: saved };
    try {
      return fn();
    } finally {
      this.portFrame = saved;
    }
  }

  private record(
    rule: Pick<DiffRule, 'id' | 'severity'>,
    pair: { path: string; document: string; direction: Direction; documentOf?: (key: string) => string },
    f: Finding,
    locs: { from: SourceLocation | null; to: SourceLocation | null },
  ): void {
    const change: Change = {
      rule: rule.id,
      severity: rule.severity,
      direction: pair.direction,
      document: f.document ?? (f.at && pair.documentOf ? pair.documentOf(f.at) : pair.document),
      path: f.at ? `${pair.path}/${f.at}` : pair.path,
      message: f.message,
      from: f.from === undefined ? locs.from : f.from,
      to: f.to === undefined ? locs.to : f.to,
      port: this.currentPort(f.port),
    };
    if (f.prose) change.prose = f.prose;
    this.changes.push(change);
  }

  /**
   * Runs `compare`, which compares `from` with `to` and nothing else, or
   * takes over the changes it made the last time for the same two objects.
   * Projection keeps the objects of unchanged elements, so in `mxspec watch`
   * only pairs with an edited side are compared again. Only for pairs
   * compared outside any port record's scope (the changes carry it), and
   * whose comparison reads nothing but the two objects and `context` (what
   * else it depends on, as text: the document it is placed in, say).
   */
  comparePairOnce(from: object, to: object, compare: () => void, context = ''): void {
    if (!pairMemo || this.portFrame) {
      compare();
      return;
    }
    const known = pairChanges.get(from)?.get(to);
    if (known && known.rules === this.rules && known.crossEdition === this.crossEdition && known.context === context) {
      this.changes.push(...known.changes);
      return;
    }
    const start = this.changes.length;
    compare();
    let byTo = pairChanges.get(from);
    if (!byTo) pairChanges.set(from, (byTo = new WeakMap()));
    byTo.set(to, { rules: this.rules, crossEdition: this.crossEdition, context, changes: this.changes.slice(start) });
  }

  /** Compares one matched pair of elements. */
  compare<T extends object>(pair: ElementPair<T>, opts: CompareOptions = {}): void {
    const from = pair.from as T & Scoped;
    const to = pair.to as T & Scoped;
    // The same object on both sides (shared by projection or a parse cache) cannot differ.
    if (pair.from === pair.to) return;
    this.withPort(from, to, () => {
      // Made only when needed: most pairs have no rule finding anything, and a 50× diff compares ~10⁵ pairs.
      let claimed: Set<string> | undefined;
      const locs = { from: from.loc ?? null, to: to.loc ?? null };
      const rules = this.rulesFor(pair.site, true);
      if (rules.length) {
        const full = { ...pair, crossEdition: this.crossEdition };
        let current = rules[0]!;
        const api: RuleApi = {
          report: (f) => {
            for (const c of f.claims) (claimed ??= new Set()).add(c);
            if (!f.silent) this.record(current, pair, f, locs);
          },
          isClaimed: (c) => claimed?.has(c) ?? false,
        };
        // Rules report while they detect, never later: one API for all of them, told which rule is running.
        for (const rule of rules) {
          current = rule;
          rule.detect(full, api);
        }
      }
      if (claimed?.has('*')) return;
      const { ignore, children } = opts;
      // Fields of either side that differ and that nothing else looks at; reported in key order.
      let differing: string[] | undefined;
      const consider = (k: string): void => {
        if (isPositionKey(k) || ignore?.includes(k) || (children && Object.hasOwn(children, k)) || claimed?.has(k)) return;
        if (!same((from as Record<string, unknown>)[k], (to as Record<string, unknown>)[k])) (differing ??= []).push(k);
      };
      for (const k in from) if (Object.hasOwn(from, k)) consider(k);
      for (const k in to) if (Object.hasOwn(to, k) && !Object.hasOwn(from, k)) consider(k);
      if (differing) {
        for (const k of differing.sort()) {
          const a = (from as Record<string, unknown>)[k];
          const b = (to as Record<string, unknown>)[k];
          this.record({ id: UNCLASSIFIED, severity: 'breaking' }, pair, {
            message: `${pair.site} field "${k}" differs and no rule classifies it: ${show(a)} -> ${show(b)}`,
            claims: [k],
            at: k,
          }, locs);
        }
      }
      if (children) for (const field in children) if (Object.hasOwn(children, field) && !claimed?.has(field)) children[field]!();
    });
  }

  /**
   * Pairs a keyed collection: matched members go to onPair, unmatched ones to
   * the set rules of the site (which may pair them further, e.g. renames);
   * what no rule claims is unclassified.
   */
  compareSet<T extends object>(
    args: Omit<SetPair<T>, 'removed' | 'added'> & { from: T[]; to: T[] },
    onPair: (a: T, b: T) => void,
  ): void {
    const fromByKey = new Map(args.from.map((e) => [args.keyOf(e), e]));
    const toByKey = new Map(args.to.map((e) => [args.keyOf(e), e]));
    const removed = args.from.filter((e) => !toByKey.has(args.keyOf(e)));
    const added = args.to.filter((e) => !fromByKey.has(args.keyOf(e)));
    const pairs: [T, T][] = args.from.filter((e) => toByKey.has(args.keyOf(e))).map((e) => [e, toByKey.get(args.keyOf(e))!]);
    if (removed.length || added.length) {
      const set: SetPair<T> = { ...args, removed, added };
      const claimed = new Set<string>();
      for (const rule of this.rulesFor(args.site, false)) {
        rule.detect(set, {
          report: (f) => {
            for (const c of f.claims) claimed.add(c);
            for (const p of f.pairs ?? []) pairs.push(p as [T, T]);
            this.record(rule, args, f, { from: null, to: null });
          },
          isClaimed: (c) => claimed.has(c),
        });
      }
      for (const [sign, list] of [['-', removed], ['+', added]] as const) {
        for (const el of list) {
          const key = args.keyOf(el);
          if (claimed.has(sign + key)) continue;
          const loc = (el as Scoped).loc ?? null;
          this.record({ id: UNCLASSIFIED, severity: 'breaking' }, args, {
            message: `${args.site}: "${key}" ${sign === '-' ? 'removed' : 'added'} and no rule classifies it`,
            claims: [sign + key],
            at: key,
          }, { from: sign === '-' ? loc : null, to: sign === '+' ? loc : null });
        }
      }
    }
    for (const [a, b] of pairs) onPair(a, b);
  }
}

export function portMatch(p: PortRecord): PortMatch {
  const out: Exclude<PortMatch, 'untracked'> = { status: p.status, loc: p.loc };
  if (p.origin) out.origin = p.origin;
  if (p.msc !== undefined) out.msc = p.msc;
  if (p.reason) out.reason = p.reason;
  if (p.note) out.note = p.note;
  return out;
}
