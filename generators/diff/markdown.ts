/**
 * The diff as Markdown for a pull-request comment: the summary table first,
 * then the per-RPC verdicts that are not "interoperable", then the details
 * grouped by document. Spec text is escaped: GitHub renders some HTML in
 * comments, and spec strings must never become markup.
 */
import type { Change, DiffResult, PortMatch } from '../../src/diff/types.js';
import { groupByDocument, summarize } from '../../src/diff/summary.js';

/** Escapes Markdown and HTML metacharacters so text shows literally (also inside table cells). */
export function mdEscape(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([`*_[\]|#~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

export function portText(p: PortMatch): string {
  if (p === 'untracked') return 'untracked';
  const bits: string[] = [p.status];
  if (p.origin) bits.push(`origin ${p.origin}`);
  if (p.msc !== undefined) bits.push(`MSC${p.msc}`);
  return `${bits.join(', ')} (${p.loc.file}:${p.loc.line})`;
}

const ICON = { breaking: '🔴 breaking', warning: '🟠 warning', info: '🔵 info' } as const;

function where(c: Change): string {
  const f = c.from ? `${c.from.file}:${c.from.line}` : '-';
  const t = c.to ? `${c.to.file}:${c.to.line}` : '-';
  return `${f} → ${t}`;
}

function proseBlock(c: Change): string[] {
  if (!c.prose) return [];
  const old = c.prose.runs.filter((r) => r.op !== 'insert').map((r) => (r.op === 'delete' ? `~~${mdEscape(r.text).trim()}~~ ` : mdEscape(r.text))).join('');
  const neu = c.prose.runs.filter((r) => r.op !== 'delete').map((r) => (r.op === 'insert' ? `**${mdEscape(r.text).trim()}** ` : mdEscape(r.text))).join('');
  return ['', '  <details><summary>OLD / NEW</summary>', '', `  OLD: ${old || '(none)'}`, '', `  NEW: ${neu || '(none)'}`, '', '  </details>'];
}

export function renderMarkdown(d: DiffResult): string {
  const s = summarize(d);
  const out: string[] = [];
  out.push(`## mxspec diff: ${mdEscape(d.from.label)} → ${mdEscape(d.to.label)}`, '');
  out.push('| | breaking | warning | info | total | untracked | unclassified |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  out.push(`| changes | ${s.breaking} | ${s.warning} | ${s.info} | ${s.total} | ${s.untracked} | ${s.unclassified} |`, '');
  out.push(`From ${mdEscape(d.from.editionLabel)} ${mdEscape(d.from.version)} to ${mdEscape(d.to.editionLabel)} ${mdEscape(d.to.version)}. ` +
    `Port records: ${Object.entries(s.ports).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
    `RPCs: ${s.verdicts.interoperable} interoperable, ${s.verdicts.degraded} degraded, ${s.verdicts.incompatible} incompatible.`, '');
  if (s.untrackedBreaking) out.push(`**${s.untrackedBreaking} breaking change(s) have no port record.**`, '');
  const notOk = d.verdicts.filter((v) => v.verdict !== 'interoperable');
  if (notOk.length) {
    out.push('### Interoperability', '', '| RPC | verdict | breaking | warning | info |', '| --- | --- | ---: | ---: | ---: |');
    for (const v of notOk) out.push(`| ${mdEscape(v.rpc)} | ${v.verdict} | ${v.breaking} | ${v.warning} | ${v.info} |`);
    out.push('');
  }
  if (!d.changes.length) out.push('No differences.', '');
  for (const [doc, changes] of groupByDocument(d.changes)) {
    out.push(`### ${doc === '-' ? 'Edition and registries' : `Document ${mdEscape(doc)}`}`, '');
    for (const c of changes) {
      out.push(`- ${ICON[c.severity]} \`${c.rule}\` ${c.direction !== 'none' ? `(${c.direction}) ` : ''}**${mdEscape(c.path || '(model)')}**: ${mdEscape(c.message)}  `);
      out.push(`  port: ${mdEscape(portText(c.port))}; source: ${mdEscape(where(c))}`);
      out.push(...proseBlock(c));
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
