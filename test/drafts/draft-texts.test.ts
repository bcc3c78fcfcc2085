/**
 * A run that writes no drafts (`mxspec check`, `mxspec diff`) renders them
 * for their checks without serialising their XML (generators/drafts/
 * draft-set.ts, `texts: false`): the same diagnostics, no text, and a later
 * request for the texts renders them in full.
 */
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import { compile } from '../../src/build/pipeline.js';
import { draftFiles, draftSetFor, renderDraftSet } from '../../generators/drafts/draft-set.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { FIXTURE_SPEC, copyFixture, edit } from './helpers.js';

const DRAFT_CODE = /^MX(7\d{3}|500[13])$/;

function lines(ds: readonly Diagnostic[]): string[] {
  return ds.filter((d) => DRAFT_CODE.test(d.code)).map((d) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column} ${d.severity} ${d.code} ${d.message}`).sort();
}

async function ietfModel(spec: string) {
  const loaded = await loadProgram(spec);
  return projectEdition(loaded.program!, 'ietf');
}

describe('drafts rendered for their checks only', () => {
  it('give the same diagnostics and no text; the texts, when asked for later, are those of a full rendering', async () => {
    const spec = copyFixture();
    // One warning the drafts' checks find, so that there is something to compare.
    edit(spec, 'documents/api.md', (t) => t.replace('JSON is\n[](ref:RFC8259#section-4).', 'JSON is used.'));
    const full = renderDraftSet(await ietfModel(spec));
    const checksOnly = renderDraftSet(await ietfModel(spec), { texts: false });
    expect(full.texts).toBe(true);
    expect(checksOnly.texts).toBe(false);
    expect(checksOnly.drafts.map((d) => d.fileName)).toEqual(full.drafts.map((d) => d.fileName));
    expect(checksOnly.drafts.every((d) => d.xml === undefined)).toBe(true);
    expect(full.drafts.every((d) => typeof d.xml === 'string' && d.xml.startsWith('<?xml'))).toBe(true);
    expect(lines(checksOnly.diagnostics.items)).toEqual(lines(full.diagnostics.items));
    expect(lines(full.diagnostics.items).some((l) => l.includes('MX7005'))).toBe(true);
    expect(() => draftFiles(checksOnly)).toThrow(/rendered for its checks only/);

    // The shared rendering of one model: made without texts first, then asked for with them.
    const model = await ietfModel(spec);
    expect(draftSetFor(model, { texts: false }).texts).toBe(false);
    const later = draftSetFor(model);
    expect(later.texts).toBe(true);
    expect(draftFiles(later)).toEqual(draftFiles(full));
    // Once made, the texts serve a request without them too.
    expect(draftSetFor(model, { texts: false })).toBe(later);
  });

  it('`check` reports what `build` does for the drafts, without making their texts', async () => {
    const edits: ((s: string) => void)[] = [
      () => {},
      (s) => edit(s, 'documents/api.md', (t) => t.replace('| `b` | **second** |', '| `b` | **second** |\n\nFolding follows [](ref:RFC8792).')),
      (s) => edit(s, 'documents/api.md', (t) => t.replace('# Things {#things}', '# Caf\u00e9 Things {#things}')),
      (s) => edit(s, 'documents/rv.md', (t) => t.replace('informative: [RFC8792]', 'informative: []')),
    ];
    for (const apply of edits) {
      const spec = copyFixture();
      apply(spec);
      const checked = await compile(spec, { checkOnly: true });
      const built = await compile(spec, { editions: ['ietf'] });
      expect(lines(checked.diagnostics.items)).toEqual(lines(built.diagnostics.items));
      if (apply !== edits[0]) expect(lines(built.diagnostics.items).length).toBeGreaterThan(0);
      // The check phase's rendering is the one cached for the model: without texts for `check`, with them for `build`.
      expect(draftSetFor(checked.models!.ietf, { texts: false }).texts).toBe(false);
      expect(draftSetFor(built.models!.ietf, { texts: false }).texts).toBe(true);
    }
    // The intact fixture builds its drafts as before.
    const built = await compile(FIXTURE_SPEC, { editions: ['ietf'] });
    expect(built.files.filter((f) => f.path.startsWith('ietf/drafts/')).length).toBeGreaterThan(0);
  });
});
