/**
 * Own words: no run of 10 or more consecutive words of the spec's prose
 * (Markdown documents, and the description/summary/text/note/reason fields
 * of the YAML sources) also occurs in the descriptions, summaries or titles
 * of the Matrix specification corpus (v1.19 and v1.11). Case, punctuation,
 * markup and line wrapping are normalised away before comparing.
 */
import { describe, expect, it } from 'vitest';
import { SPEC } from '../helpers/cli.js';
import { CORPUS, corpusPresent, corpusProse } from './lib/corpus.js';
import { addSentences, addShingles, copiedRuns, SENTENCE_MIN, sentences, SHINGLE, specProse, words } from './lib/prose.js';

const present = corpusPresent();
if (!present) console.warn(`no-copied-prose: skipped, the Matrix spec corpus is absent (${CORPUS})`);

describe.skipIf(!present)('spec prose is written in its own words', () => {
  const corpus = new Set<string>();
  const corpusSentences = new Set<string>();
  let corpusTexts = 0;
  for (const version of ['v1.19', 'v1.11']) {
    for (const t of corpusProse(version)) {
      corpusTexts++;
      addShingles(corpus, t);
      addSentences(corpusSentences, t);
    }
  }
  const snippets = specProse(SPEC);

  it('the corpus yields descriptions to compare against', () => {
    expect(corpusTexts).toBeGreaterThan(500);
    expect(corpus.size).toBeGreaterThan(10_000);
  });

  it('the detector finds a copied run despite case, punctuation and wrapping', () => {
    const sample = [...corpus][0];
    expect(copiedRuns(corpus, `Our own opening. ${sample.toUpperCase().split(' ').join(',\n ')}. Our own close.`)).toEqual([sample]);
    expect(copiedRuns(corpus, 'a sentence of our own that is long enough to be compared here')).toEqual([]);
  });

  it(`no ${SHINGLE}-word run of spec/ prose occurs in the corpus`, () => {
    expect(snippets.length).toBeGreaterThan(100);
    expect(snippets.reduce((n, s) => n + words(s.text).length, 0)).toBeGreaterThan(10_000);
    const copies = snippets.flatMap((s) => copiedRuns(corpus, s.text).map((run) => `${s.where}: "${run}"`));
    expect(copies).toEqual([]);
  });

  // Shorter copies still count when a whole sentence (a summary, say) is taken over.
  it(`no whole sentence of ${SENTENCE_MIN}+ words is a corpus sentence`, () => {
    const copies = snippets.flatMap((s) => sentences(s.text).filter((x) => corpusSentences.has(x)).map((x) => `${s.where}: "${x}"`));
    expect(copies).toEqual([]);
  });
});
