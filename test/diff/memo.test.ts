/**
 * diffModels takes over the changes of the parts other than the documents
 * from its last comparison when their inputs (the models without documents,
 * where directives place elements, the rule set) are the same. Whatever it
 * took over, the result must equal a comparison from scratch (a copy of the
 * rule set turns the memo off).
 */
import type { RootContent } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffModels, rememberDiffParts } from '../../src/diff/diff.js';
import { DIFF_RULES } from '../../src/diff/rules/index.js';
import { DiffRun } from '../../src/diff/engine.js';
import type { Change, DiffResult } from '../../src/diff/types.js';
import type { EditionModel } from '../../src/ir/types.js';
import { SPEC, editionModels } from '../openapi/helpers.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProgram, type ParseCache } from '../../src/program/load-program.js';
import { projectAll } from '../../src/checks/registry.js';
import { tempDir } from '../helpers/cli.js';
import { findParagraphLine, findPropertyDescriptionLine } from '../../scripts/bench/watch-probe.js';
import { diffGenerator } from '../../generators/diff/index.js';
import { renderHtml } from '../../generators/diff/html.js';
import { renderJson } from '../../generators/diff/json.js';
import { renderMarkdown } from '../../generators/diff/markdown.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';

const models = await editionModels(SPEC);
const fresh = (): [EditionModel, EditionModel] => [structuredClone(models.ietf), structuredClone(models['matrix-org'])];
const fromScratch = (a: EditionModel, b: EditionModel): DiffResult => diffModels(a, b, {}, [...DIFF_RULES]);

/** How many change objects of `next` are the very objects of `previous` (taken over, not recomputed). */
function shared(previous: DiffResult, next: DiffResult): number {
  const before = new Set(previous.changes);
  return next.changes.filter((c) => before.has(c)).length;
}

function dropDirective(m: EditionModel, name: string): void {
  const drop = (nodes: RootContent[]): boolean => {
    const i = nodes.findIndex((n) => (n.type === 'leafDirective' || n.type === 'containerDirective') && (n as { name?: string }).name === name);
    if (i >= 0) {
      nodes.splice(i, 1);
      return true;
    }
    return nodes.some((n) => 'children' in n && drop((n as { children: RootContent[] }).children));
  };
  expect(m.documents.some((d) => drop(d.mdast.children as RootContent[]))).toBe(true);
}

describe('diff memo of the parts other than the documents', () => {
  beforeAll(() => rememberDiffParts(true));
  afterAll(() => rememberDiffParts(false));

  it('after a document-only change, takes over the other parts and equals a comparison from scratch', () => {
    const first = diffModels(...fresh());
    const [a, b] = fresh();
    const section = b.documents[0]!.sections[0]!;
    section.title = `${section.title} (changed)`;
    const next = diffModels(a, b);
    expect(shared(first, next)).toBeGreaterThan(10);
    expect(next).toEqual(fromScratch(a, b));
  });

  it('after a schema change, walks again', () => {
    const first = diffModels(...fresh());
    const [a, b] = fresh();
    const s = b.schemas.find((x) => x.schema.type === 'object' && x.schema.properties.length)!;
    s.schema = { ...s.schema, description: 'Changed for the test.' };
    const next = diffModels(a, b);
    expect(shared(first, next)).toBe(0);
    expect(next).toEqual(fromScratch(a, b));
  });

  it('after a directive moved elements between documents, walks again', () => {
    const first = diffModels(...fresh());
    const [a, b] = fresh();
    // From both editions: placement takes the first document that places them, in either model.
    dropDirective(a, 'event-types');
    dropDirective(b, 'event-types');
    const next = diffModels(a, b);
    expect(shared(first, next)).toBe(0);
    expect(next).toEqual(fromScratch(a, b));
  });

  it('is off unless builds follow: a single comparison takes nothing over', () => {
    rememberDiffParts(false);
    try {
      const first = diffModels(...fresh());
      const next = diffModels(...fresh());
      expect(shared(first, next)).toBe(0);
    } finally {
      rememberDiffParts(true);
    }
  });
});

describe('diff memo of document pairs (by identity, as projection keeps unchanged documents)', () => {
  beforeAll(() => rememberDiffParts(true));
  afterAll(() => rememberDiffParts(false));

  /** The diff of a spec copy before and after an edit of one file, loaded through one parse cache like mxspec watch. */
  async function beforeAndAfter(file: string, line: (text: string) => number): Promise<{ first: DiffResult; next: DiffResult; scratch: DiffResult }> {
    const dir = path.join(tempDir('mxspec-diff-memo-'), 'spec');
    cpSync(SPEC, dir, { recursive: true });
    const cache: ParseCache = new Map();
    const load = async (): Promise<[EditionModel, EditionModel]> => {
      const m = projectAll((await loadProgram(dir, cache)).program!);
      return [m.ietf, m['matrix-org']];
    };
    const first = diffModels(...(await load()));
    const target = path.join(dir, file);
    const lines = readFileSync(target, 'utf8').split('\n');
    lines[line(lines.join('\n'))] += ' Edited for the test.';
    writeFileSync(target, lines.join('\n'));
    const [a, b] = await load();
    return { first, next: diffModels(a, b), scratch: fromScratch(a, b) };
  }

  /** RPCs, content blocks, event and EDU types both editions have, as change paths (a set-level change is found anew each time). */
  const pairedElsewhere = new Set((['rpcs', 'contentBlocks', 'eventTypes', 'eduTypes'] as const).flatMap((list) => {
    const prefix = { rpcs: 'rpcs', contentBlocks: 'content-blocks', eventTypes: 'event-types', eduTypes: 'edu-types' }[list];
    const other = new Set(models['matrix-org'][list].map((x) => x.name));
    return models.ietf[list].filter((x) => other.has(x.name)).map((x) => `${prefix}/${x.name}`);
  }));

  const documentChanges = (r: DiffResult, id?: string): DiffResult['changes'] =>
    r.changes.filter((c) => c.path.startsWith(id ? `documents/${id}/` : 'documents/') || (id !== undefined && c.path === `documents/${id}`));

  it('after a YAML edit, every document pair and the pairs of the other files\' schemas are taken over, and the result equals a comparison from scratch', async () => {
    const { first, next, scratch } = await beforeAndAfter('schemas/transactions.yaml', findPropertyDescriptionLine);
    const docs = documentChanges(next);
    expect(docs.length).toBeGreaterThan(5);
    const before = new Set(first.changes);
    expect(docs.every((c) => before.has(c))).toBe(true);
    const edited = new Set(models.ietf.schemas.filter((x) => x.loc.file === 'schemas/transactions.yaml').map((x) => x.name));
    const schemaOf = (c: DiffResult['changes'][number]): string | undefined => /^schemas\/([^/]+)/.exec(c.path)?.[1];
    // Pairs only: a schema one edition lacks is a set-level change, found anew each time (it is cheap).
    const paired = new Set(models.ietf.schemas.map((x) => x.name).filter((n) => models['matrix-org'].schemas.some((y) => y.name === n)));
    const others = next.changes.filter((c) => paired.has(schemaOf(c) ?? '') && !edited.has(schemaOf(c)!));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((c) => !before.has(c)).map((c) => `${c.rule} ${c.path}`)).toEqual([]);
    // RPCs, content blocks, event and EDU types come from other files: their pairs' changes are taken over too.
    const elsewhere = next.changes.filter((c) => pairedElsewhere.has(/^(rpcs|content-blocks|event-types|edu-types)\/[^/]+/.exec(c.path)?.[0] ?? ''));
    expect(elsewhere.filter((c) => c.path.startsWith('rpcs/')).length).toBeGreaterThan(0);
    expect(elsewhere.filter((c) => !before.has(c)).map((c) => `${c.rule} ${c.path}`)).toEqual([]);
    expect(next).toEqual(scratch);
  });

  it('after an edit of an RPC file, that RPC is compared again and the other RPCs are taken over', async () => {
    const rpcFile = models.ietf.rpcs.find((r) => models['matrix-org'].rpcs.some((x) => x.name === r.name && x !== r))!.loc.file;
    const edited = new Set(models.ietf.rpcs.filter((r) => r.loc.file === rpcFile).map((r) => r.name));
    const { first, next, scratch } = await beforeAndAfter(rpcFile, (text) => text.split('\n').findIndex((l) => /^\s+summary: [A-Za-z][^:#'"|>]*$/.test(l)));
    const before = new Set(first.changes);
    const rpcOf = (c: DiffResult['changes'][number]): string | undefined => /^rpcs\/([^/]+)/.exec(c.path)?.[1];
    const others = next.changes.filter((c) => pairedElsewhere.has(`rpcs/${rpcOf(c)}`) && !edited.has(rpcOf(c)!));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => before.has(c))).toBe(true);
    expect(next).toEqual(scratch);
  });

  it('after a Markdown edit, the edited document is compared again and the others are taken over', async () => {
    const { first, next, scratch } = await beforeAndAfter('documents/api.md', findParagraphLine);
    const before = new Set(first.changes);
    const others = next.changes.filter((c) => c.path.startsWith('documents/') && !c.path.startsWith('documents/api'));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => before.has(c))).toBe(true);
    // The edited paragraph is one the editions share, so the api document's changes are found anew, not taken over.
    const api = documentChanges(next, 'api');
    expect(api.length).toBeGreaterThan(0);
    expect(api.some((c) => before.has(c))).toBe(false);
    expect(next).toEqual(scratch);
  });
});

describe('DiffRun.comparePairOnce', () => {
  beforeAll(() => rememberDiffParts(true));
  afterAll(() => rememberDiffParts(false));

  it('takes over a pair\'s changes only for the same objects, rules, direction of comparison and context', () => {
    const a = { note: 'from' };
    const b = { note: 'to' };
    let compared = 0;
    const once = (run: DiffRun, context: string): Change[] => {
      const start = run.changes.length;
      run.comparePairOnce(a, b, () => {
        compared++;
        run.changes.push({ rule: 'r', severity: 'info', direction: 'none', document: context, path: 'p', message: 'm', from: null, to: null, port: 'untracked' });
      }, context);
      return run.changes.slice(start);
    };
    const first = once(new DiffRun(DIFF_RULES, true), 'api');
    expect(once(new DiffRun(DIFF_RULES, true), 'api')).toEqual(first);
    expect(compared).toBe(1);
    once(new DiffRun(DIFF_RULES, true), 'http'); // placed elsewhere
    once(new DiffRun(DIFF_RULES, false), 'http'); // a comparison of revisions, not editions
    once(new DiffRun([...DIFF_RULES], false), 'http'); // another rule set
    expect(compared).toBe(4);
  });
});

describe('the diff generator renders the Markdown and HTML again only when the JSON changed', () => {
  const texts = (files: { path: string; content: string }[]): Record<string, string> =>
    Object.fromEntries(files.map((f) => [f.path.replace(/.*\./, ''), f.content]));
  const generate = async (a: EditionModel, b: EditionModel) => texts(await diffGenerator.generate(a, b, { report: new DiagnosticBag() }));

  it('gives the texts of a fresh rendering over a change, a repeat and a revert', async () => {
    const [a, b] = fresh();
    const [, changed] = fresh();
    const section = changed.documents[0]!.sections[0]!;
    section.title = `${section.title} (changed)`;
    const sequence: [EditionModel, EditionModel][] = [[a, b], [a, changed], [a, changed], [a, b]];
    const seen: string[] = [];
    for (const [x, y] of sequence) {
      const got = await generate(x, y);
      const d = diffModels(x, y);
      expect(got).toEqual({ md: renderMarkdown(d), json: renderJson(d), html: renderHtml(d) });
      seen.push(got.md!);
    }
    // A remembered text must never outlive the diff it was rendered from.
    expect(seen[1]).not.toBe(seen[0]);
    expect(seen[3]).toBe(seen[0]);
  });
});
