/**
 * Word-level difference of two texts (longest common subsequence over word
 * and whitespace tokens), for the OLD/NEW view of prose changes.
 */
import type { WordRun } from './types.js';

/** Above this many token pairs the middle is shown as one replacement (keeps big rewrites cheap). */
const MAX_CELLS = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

export function wordDiff(oldText: string, newText: string): WordRun[] {
  const a = tokenize(oldText);
  const b = tokenize(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const runs: WordRun[] = [];
  const push = (op: WordRun['op'], text: string): void => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  push('equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push('delete', midA.join(''));
    push('insert', midB.join(''));
  } else {
    for (const [op, tok] of lcsOps(midA, midB)) push(op, tok);
  }
  push('equal', a.slice(endA).join(''));
  return runs;
}

function lcsOps(a: string[], b: string[]): [WordRun['op'], string][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], flattened.
  const w = m + 1;
  const lengths = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * w + j] = a[i] === b[j] ? lengths[(i + 1) * w + j + 1]! + 1 : Math.max(lengths[(i + 1) * w + j]!, lengths[i * w + j + 1]!);
    }
  }
  const ops: [WordRun['op'], string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push(['equal', a[i]!]);
      i++;
      j++;
    } else if (lengths[(i + 1) * w + j]! >= lengths[i * w + j + 1]!) ops.push(['delete', a[i++]!]);
    else ops.push(['insert', b[j++]!]);
  }
  while (i < n) ops.push(['delete', a[i++]!]);
  while (j < m) ops.push(['insert', b[j++]!]);
  return ops;
}

/** The OLD (deletions and equal text) and NEW (insertions and equal text) sides of a run list. */
export function sides(runs: WordRun[]): { old: string; new: string } {
  return {
    old: runs.filter((r) => r.op !== 'insert').map((r) => r.text).join(''),
    new: runs.filter((r) => r.op !== 'delete').map((r) => r.text).join(''),
  };
}
