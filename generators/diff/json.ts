/** The diff as JSON (schema: docs/diff-json-schema.json, described in docs/diff.md). */
import type { DiffResult } from '../../src/diff/types.js';
import { summarize } from '../../src/diff/summary.js';

export const DIFF_JSON_FORMAT = 'mxspec-diff/1';

export function renderJson(d: DiffResult): string {
  const doc = { format: DIFF_JSON_FORMAT, from: d.from, to: d.to, summary: summarize(d), verdicts: d.verdicts, changes: d.changes };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
