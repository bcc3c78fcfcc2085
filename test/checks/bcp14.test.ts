/**
 * The BCP 14 boilerplate check (src/checks/rules/bcp14.ts) on copies of the
 * minimal fixture: where the first keyword and the boilerplate stand in the
 * document must not matter, and the keyword it points at is the first one.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');

/** The BCP 14 diagnostics of a copy of the fixture whose api.md is edited by `fn`. */
async function bcp14Diagnostics(fn: (text: string) => string): Promise<{ code: string; line?: number; column?: number; message: string }[]> {
  const dir = path.join(tempDir('mxspec-bcp14-'), 'spec');
  cpSync(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, 'documents/api.md');
  const before = readFileSync(file, 'utf8');
  const after = fn(before);
  expect(after, 'the edit changed nothing').not.toBe(before);
  writeFileSync(file, after);
  const r = await compile(dir, { checkOnly: true });
  return r.diagnostics.items
    .filter((d) => d.code === 'MX5001' || d.code === 'MX5002')
    .map((d) => ({ code: d.code, line: d.loc?.line, column: d.loc?.column, message: d.message }));
}

describe('bcp14-boilerplate', () => {
  it('a keyword before the boilerplate (in the introduction) is covered by it', async () => {
    expect(await bcp14Diagnostics((t) => t.replace('This document describes one call', 'A reader MUST know that this document describes one call'))).toEqual([]);
  });

  it('the boilerplate in the last section covers keywords in every earlier one', async () => {
    expect(await bcp14Diagnostics((t) => t.replace('::bcp14-boilerplate\n', '').replace('This document has no IANA actions.', 'This document has no IANA actions.\n\n::bcp14-boilerplate'))).toEqual([]);
  });

  it('without the boilerplate, the first keyword of the document is the one reported', async () => {
    const found = await bcp14Diagnostics((t) => t.replace('::bcp14-boilerplate\n', '').replace('None beyond those', 'None SHOULD arise beyond those'));
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([['MX5001', 18, 10]]);
    expect(found[0]!.message).toMatch(/"MUST" is a BCP 14 keyword/);
  });

  it('the boilerplate without any keyword is reported', async () => {
    expect((await bcp14Diagnostics((t) => t.replace('A server MUST answer.', 'A server answers.'))).map((d) => d.code)).toEqual(['MX5002']);
  });
});
