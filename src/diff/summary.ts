/** Counts of a diff: per severity, per port status, per verdict; and the port status of one change. */
import { UNCLASSIFIED } from './engine.js';
import type { Change, DiffResult, PortStatusFilter, Severity, Verdict } from './types.js';

export interface DiffSummary {
  total: number;
  breaking: number;
  warning: number;
  info: number;
  unclassified: number;
  untracked: number;
  untrackedBreaking: number;
  ports: Record<PortStatusFilter, number>;
  verdicts: Record<Verdict, number>;
}

export function portStatus(c: Change): PortStatusFilter {
  return c.port === 'untracked' ? 'untracked' : c.port.status;
}

export function summarize(d: DiffResult): DiffSummary {
  const count = (s: Severity) => d.changes.filter((c) => c.severity === s).length;
  const ports: Record<PortStatusFilter, number> = { pending: 0, accepted: 0, rejected: 0, 'by-design': 0, untracked: 0 };
  for (const c of d.changes) ports[portStatus(c)]++;
  const verdicts: Record<Verdict, number> = { interoperable: 0, degraded: 0, incompatible: 0 };
  for (const v of d.verdicts) verdicts[v.verdict]++;
  return {
    total: d.changes.length,
    breaking: count('breaking'),
    warning: count('warning'),
    info: count('info'),
    unclassified: d.changes.filter((c) => c.rule === UNCLASSIFIED).length,
    untracked: ports.untracked,
    untrackedBreaking: d.changes.filter((c) => c.severity === 'breaking' && c.port === 'untracked').length,
    ports,
    verdicts,
  };
}

/**
 * Changes grouped by document, documents in name order with "-" (edition
 * metadata and registries) last: a reviewer reads the specification's own
 * changes first. Within a group, breaking changes come first; the walk order
 * is kept among changes of the same severity.
 */
export function groupByDocument(changes: Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const group = groups.get(c.document);
    if (group) group.push(c);
    else groups.set(c.document, [c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '-' ? 1 : b === '-' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([doc, list]) => [doc, list.map((c, i) => [c, i] as const).sort((x, y) => RANK[x[0].severity] - RANK[y[0].severity] || x[1] - y[1]).map(([c]) => c)]);
}

const RANK: Record<Severity, number> = { breaking: 0, warning: 1, info: 2 };
export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] <= RANK[threshold];
}
