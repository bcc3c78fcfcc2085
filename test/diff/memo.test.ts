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
import type { DiffResult } from '../../src/diff/types.js';
import type { EditionModel } from '../../src/ir/types.js';
import { SPEC, editionModels } from '../openapi/helpers.js';

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
