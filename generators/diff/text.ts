/** The diff for terminals: one line per change, grouped by document, summary last. */
import type { DiffResult } from '../../src/diff/types.js';
import { groupByDocument, summarize } from '../../src/diff/summary.js';
import { portText } from './markdown.js';

export function renderText(d: DiffResult): string {
  const out: string[] = [`mxspec diff ${d.from.label} -> ${d.to.label}`];
  for (const [doc, changes] of groupByDocument(d.changes)) {
    out.push('', doc === '-' ? 'edition and registries:' : `document ${doc}:`);
    for (const c of changes) {
      out.push(`  ${c.severity.toUpperCase().padEnd(8)} ${c.rule} ${c.path}: ${c.message.replace(/\s+/g, ' ')} [port: ${portText(c.port)}]`);
    }
  }
  const s = summarize(d);
  out.push('', `${s.total} change(s): ${s.breaking} breaking, ${s.warning} warning, ${s.info} info; ${s.untracked} untracked; ${s.unclassified} unclassified`);
  return `${out.join('\n')}\n`;
}
