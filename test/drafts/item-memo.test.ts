/**
 * Remembered draft items (generators/drafts/item-memo.ts) must never change
 * a draft: with the memo on and warmed by an earlier rendering, every draft
 * and every diagnostic must equal a rendering without it — including after
 * changes that alter an item's surroundings rather than the item itself
 * (where items are placed, a bound RPC's summary, a room version's display
 * name, a draft's revision). The same holds for whole drafts taken over
 * after an edit of the YAML sources (generators/drafts/draft-set.ts), which
 * must also really be taken over where nothing they read changed.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load-program.js';
import { projectAll } from '../../src/checks/registry.js';
import type { EditionModel, Section } from '../../src/ir/types.js';
import { draftReuseCounts, renderDraftSet } from '../../generators/drafts/draft-set.js';
import { itemMemoSize, setItemMemo } from '../../generators/drafts/item-memo.js';
import { SPEC, tempDir } from '../helpers/cli.js';
import { findPropertyDescriptionLine } from '../../scripts/bench/watch-probe.js';

const program = (await loadProgram(SPEC)).program!;
// A deep copy: a projection shares objects with the program, and a test's changes must not leak into the next model.
const fresh = (): EditionModel => structuredClone(projectAll(program).ietf);

function rendered(model: EditionModel): { drafts: string[]; diagnostics: string[] } {
  const set = renderDraftSet(model);
  return {
    drafts: set.drafts.map((d) => `${d.fileName}\n${d.xml}`),
    diagnostics: set.diagnostics.sorted().map((d) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column} ${d.code} ${d.message}`),
  };
}

/** Renders the mutated model with the memo off, then with the memo on after warming it on the original model. */
function compare(mutate: (m: EditionModel) => void): void {
  setItemMemo(false);
  const plain = fresh();
  mutate(plain);
  const expected = rendered(plain);
  setItemMemo(true);
  rendered(fresh());
  const warmed = itemMemoSize();
  expect(warmed).toBeGreaterThan(50);
  const memoised = fresh();
  mutate(memoised);
  expect(rendered(memoised)).toEqual(expected);
}

afterEach(() => setItemMemo(false));

/**
 * Renders the spec after one source file's text changed, with the memo warmed on the text before, and requires
 * the result to equal a rendering without memos. Returns how many drafts' first passes and checks were reused.
 */
async function afterEditing(file: string, edit: (text: string) => string): Promise<{ firstPasses: number; checks: number }> {
  const dir = path.join(tempDir('mxspec-memo-'), 'spec');
  cpSync(SPEC, dir, { recursive: true });
  const cache = new Map();
  setItemMemo(true);
  rendered(projectAll((await loadProgram(dir, cache)).program!).ietf);
  const target = path.join(dir, file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  const loaded = await loadProgram(dir, cache);
  expect(loaded.diagnostics.hasErrors(), 'the edit keeps the spec valid').toBe(false);
  const edited = loaded.program!;
  const before = draftReuseCounts();
  const memoised = rendered(projectAll(edited).ietf);
  const after = draftReuseCounts();
  setItemMemo(false);
  expect(memoised).toEqual(rendered(projectAll(edited).ietf));
  return { firstPasses: after.firstPasses - before.firstPasses, checks: after.checks - before.checks };
}

/** Appends text to the first line matching `line`, which must exist. */
const appendTo = (line: RegExp, extra: string) => (text: string): string => {
  expect(text).toMatch(line);
  return text.replace(line, (m) => `${m}${extra}`);
};

describe('remembered draft items', () => {
  it('after a paragraph of one document changed, the reused drafts and the rebuilt one equal a full rendering', async () => {
    await afterEditing('documents/api.md', (t) => t.replace('Matrix is a messaging protocol', 'Matrix is an open messaging protocol'));
  });

  it('after a section of a document was renumbered, cross-draft numbers in the reused drafts follow', async () => {
    // A new section before "Server Discovery" shifts the numbers of the HTTP draft's later sections, which the other
    // drafts cite; their first pass is reused, their text must still change.
    await afterEditing('documents/http.md', (t) => {
      expect(t).toContain('\n# Server Discovery');
      return t.replace('\n# Server Discovery', '\n# Inserted for the Test {#inserted}\n\nA new section.\n\n# Server Discovery');
    });
  });

  it('a second rendering replays every item and gives the same drafts and diagnostics', () => {
    compare(() => {});
  });

  it('a binding follows a change of its RPC summary', () => {
    compare((m) => {
      m.rpcs[0]!.summary = 'A summary changed for the test.';
    });
  });

  it('items follow a change of placements (a directive section dropped from a draft)', () => {
    compare((m) => {
      const doc = m.documents.find((d) => d.id === 'api')!;
      const drop = (sections: Section[]): boolean => {
        for (let i = 0; i < sections.length; i++) {
          if (sections[i]!.blocks.some((b) => b.type === 'leafDirective' && (b as { name?: string }).name === 'schemas')) {
            sections.splice(i, 1);
            return true;
          }
          if (drop(sections[i]!.sections)) return true;
        }
        return false;
      };
      expect(drop(doc.sections)).toBe(true);
      doc.sourceHash = 'changed'; // as if parsed again from new text
    });
  });

  it('room version display names and a draft revision changed', () => {
    compare((m) => {
      for (const rv of m.roomVersions) rv.displayId = `${rv.id}-renamed`;
      const meta = Object.values(m.edition.documents).find((d) => d?.docName);
      meta!.revision = 7;
    });
  });

  it('an item moved in its file (new source lines) is rendered again, with its new locations', () => {
    compare((m) => {
      const s = m.schemas[0]!;
      s.loc = { ...s.loc, line: s.loc.line + 100 };
      s.schema = { ...s.schema, loc: { ...s.schema.loc, line: s.schema.loc.line + 100 } };
    });
  });

  describe('reuse of whole drafts after an edit of the YAML sources', () => {
    it('a schema description: only the draft showing it is built again', async () => {
      const reused = await afterEditing('schemas/transactions.yaml', (t) => {
        const lines = t.split('\n');
        lines[findPropertyDescriptionLine(t)] += ' Edited.';
        return lines.join('\n');
      });
      expect(reused).toEqual({ firstPasses: 3, checks: 3 });
    });

    it('an RPC summary, which the HTTP draft shows with its binding', async () => {
      await afterEditing('rpcs/discovery.yaml', appendTo(/summary: Report the homeserver implementation and its version/, ' (edited)'));
    });

    it('an RPC group description, an error code, a room version rule, a reference title and an author', async () => {
      await afterEditing('rpcs/discovery.yaml', appendTo(/reporting which software it runs, and telling other servers where to/, ' (edited)'));
      await afterEditing('rpcs/media.yaml', (t) => t.replace('{code: M_TOO_LARGE,', '{code: M_EDITED_FOR_TEST,'));
      await afterEditing('room-versions/12.yaml', appendTo(/text: If `prev_events` is not empty, reject\./, ' Edited.'));
      await afterEditing('references.yaml', appendTo(/title: Requirements for Internet Hosts -- Application and Support/, ' (edited)'));
      await afterEditing('editions.yaml', appendTo(/fullname: Spec Editor/, ' Edited'));
    });
  });
});
