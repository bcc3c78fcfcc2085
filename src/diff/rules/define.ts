/**
 * Small constructors the rule modules share: a rule over named fields of an
 * element, a rule over members only one side has, and a direction-specific
 * member of a direction-aware family. Each rule still lives in its own
 * module with its own id, severity, direction and description.
 */
import type { PortRecord, SourceLocation } from '../../ir/types.js';
import { same, show } from '../canonical.js';
import type { DiffRule, Direction, ElementPair, Finding, RuleApi, SetPair, Severity, SiteKind } from '../types.js';

interface Meta {
  id: string;
  severity: Severity;
  direction?: Direction;
  description: string;
}

type Any = Record<string, unknown>;

/** Reports each listed field that differs; `when` narrows the pairs, `message` words it. */
export function fieldRule(meta: Meta & {
  site: SiteKind | 'any-element';
  fields: readonly string[];
  when?: (pair: ElementPair<Any>, field: string) => boolean;
  message?: (field: string, from: unknown, to: unknown, pair: ElementPair<Any>) => string;
}): DiffRule {
  return {
    id: meta.id, severity: meta.severity, direction: meta.direction ?? 'none', description: meta.description, site: meta.site,
    detect(pair: ElementPair<Any>, api: RuleApi) {
      if (isFamilyMember(meta.id) && pair.direction !== meta.direction) return;
      for (const field of meta.fields) {
        const a = pair.from[field];
        const b = pair.to[field];
        if (same(a, b) || api.isClaimed(field)) continue;
        if (meta.when && !meta.when(pair, field)) continue;
        api.report({ message: meta.message ? meta.message(field, a, b, pair) : `${field} changed: ${show(a)} -> ${show(b)}`, claims: [field] });
      }
    },
  };
}

type Member = { loc?: SourceLocation; port?: PortRecord };

/** Reports members only one side has: side 'added' (only in TO) or 'removed' (only in FROM). */
export function memberRule<T>(meta: Meta & {
  site: SiteKind;
  side: 'added' | 'removed';
  when?: (el: T, pair: SetPair<T>) => boolean;
  message: (el: T, key: string, pair: SetPair<T>) => string;
  /** The element carrying loc/port, when the member wraps it. */
  element?: (el: T) => Member;
}): DiffRule {
  return {
    id: meta.id, severity: meta.severity, direction: meta.direction ?? 'none', description: meta.description, site: meta.site,
    detect(pair: SetPair<T>, api: RuleApi) {
      if (isFamilyMember(meta.id) && pair.direction !== meta.direction) return;
      const list = meta.side === 'added' ? pair.added : pair.removed;
      const sign = meta.side === 'added' ? '+' : '-';
      for (const el of list) {
        const key = pair.keyOf(el);
        if (api.isClaimed(sign + key)) continue;
        if (meta.when && !meta.when(el, pair)) continue;
        const m = meta.element ? meta.element(el) : (el as Member);
        const loc = m.loc ?? null;
        const f: Finding = { message: meta.message(el, key, pair), claims: [sign + key], at: key, from: meta.side === 'removed' ? loc : null, to: meta.side === 'added' ? loc : null };
        if (m.port) f.port = m.port;
        api.report(f);
      }
    },
  };
}

/** Ids of direction-aware family members end in .request / .response / .none. */
export function isFamilyMember(id: string): boolean {
  return /\.(request|response|none)$/.test(id);
}

export type { ElementPair, SetPair };
