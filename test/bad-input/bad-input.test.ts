/**
 * Runs the bad-input corpus (cases.ts): each case must exit 1 (2 for usage
 * errors) with its diagnostic at the exact place, print no stack trace and
 * no internal error, leave the guarded folder byte-identical, and finish
 * within the per-case timeout (a generous bound, not a timing assertion).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../helpers/cli.js';
import { CASES, type BadInputCase } from './cases.js';
import { runCliAsync, scratch, STACK_FRAME } from './harness.js';

/** Generous: a loaded CI machine can be several times slower than a laptop. */
const CASE_TIMEOUT_MS = 90_000;

export function expectedPrefix(c: BadInputCase): string {
  const where = c.line > 0 ? `${c.file}:${c.line}:${c.column}` : c.file;
  return `${where} - error ${c.code}: `;
}

describe('bad-input corpus', () => {
  it('has at least 40 cases, each named once, covering every category', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const categories = new Set(CASES.map((c) => c.category));
    for (const cat of ['YAML syntax', 'wrong type', 'unknown key', 'dangling reference', 'cyclic reference', 'duplicate id', 'unknown edition',
      'cross-edition reference', 'Markdown directive', 'raw HTML', 'non-ASCII', 'byte-order mark', 'CRLF line endings', 'empty file',
      'binary file', 'large file', 'alias bomb', 'deep nesting', 'path leaving spec/', 'symbolic link outside', 'unreadable file',
      'out/ cannot be written', 'full disk', 'YAML custom tag', 'usage error']) {
      expect(categories, cat).toContain(cat);
    }
  });

  describe.concurrent('cases', () => {
    for (const c of CASES) {
      const skip = c.skipIf?.();
      it.skipIf(Boolean(skip))(`${c.category}: ${c.name} -> ${expectedPrefix(c).trim()}${skip ? ` (skipped: ${skip})` : ''}`, async () => {
        const dir = scratch();
        try {
          c.apply(dir);
          const guarded = path.join(dir, c.guarded ?? 'out');
          const before = snapshotTree(guarded);
          const args = c.args ?? ['build', '--spec', 'spec', '--out', 'out'];
          const r = await runCliAsync(args, { cwd: dir, killAfterMs: CASE_TIMEOUT_MS - 10_000, ...c.node?.(dir) });
          const shown = `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n${r.stderr}`;
          expect(r.signal, shown).toBeNull();
          expect(r.code, shown).toBe(c.exit ?? 1);
          const line = r.stderr.split('\n').find((l) => l.startsWith(expectedPrefix(c)));
          expect(line, shown).toBeDefined();
          if (c.message) expect(line, shown).toMatch(c.message);
          expect(r.stderr, shown).not.toMatch(STACK_FRAME);
          expect(r.stderr, shown).not.toContain('MX9999');
          expect(existsSync(path.join(dir, 'PWNED')), 'a YAML tag executed code').toBe(false);
          expect(snapshotTree(guarded)).toEqual(before);
          expect(before.size, 'the guarded folder had content to lose').toBeGreaterThan(0);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }, CASE_TIMEOUT_MS);
    }
  });
});
