/**
 * RFC 8174: a document that uses the BCP 14 keywords in capitals carries the
 * boilerplate, and the boilerplate is not there without a keyword.
 */
import type { Parent, RootContent } from 'mdast';
import { EDITION_IDS } from '../../ir/types.js';
import type { Check } from '../check.js';
import { BCP14_PATTERN } from '../../parse/markdown.js';
import { forEachSection } from '../walk.js';

interface Found {
  keyword?: { line: number; column: number; word: string };
  /** Where the first ::bcp14-boilerplate stands, if there is one. */
  boilerplate?: { line: number; column: number };
}

/** Finds the first keyword and whether the boilerplate is there; stops once both are known (large documents). */
function scan(nodes: RootContent[], found: Found): void {
  for (const n of nodes) {
    if (found.keyword && found.boilerplate) return;
    if (n.type === 'text') {
      if (found.keyword) continue;
      BCP14_PATTERN.lastIndex = 0;
      const m = BCP14_PATTERN.exec(n.value);
      if (m) {
        // Point at the keyword itself, not the start of the text run.
        const before = n.value.slice(0, m.index);
        const nl = before.lastIndexOf('\n');
        const line = (n.position?.start.line ?? 1) + (before.match(/\n/g)?.length ?? 0);
        const column = nl < 0 ? (n.position?.start.column ?? 1) + m.index : m.index - nl;
        found.keyword = { line, column, word: m[1]! };
      }
    } else if (n.type === 'leafDirective' && (n as { name?: string }).name === 'bcp14-boilerplate') {
      found.boilerplate ??= { line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 };
    }
    if ('children' in n) scan((n as Parent).children as RootContent[], found);
  }
}

export const bcp14Boilerplate: Check = {
  id: 'bcp14-boilerplate',
  codes: ['MX5001', 'MX5002'],
  description: 'Documents using BCP 14 keywords contain ::bcp14-boilerplate, and only those.',
  run({ models, report }) {
    const reported = new Set<string>();
    for (const edition of EDITION_IDS) {
      for (const doc of models[edition].documents) {
        const found: Found = {};
        forEachSection(doc.sections, (s) => scan(s.blocks, found));
        const k = `${doc.id}|${!!found.keyword}|${!!found.boilerplate}`;
        if (reported.has(k)) continue;
        reported.add(k);
        if (found.keyword && !found.boilerplate) {
          report.add('MX5001', `"${found.keyword.word}" is a BCP 14 keyword, but ${doc.file} has no ::bcp14-boilerplate (edition ${edition}); add it to the conventions section or write the word in lower case`, { file: doc.file, line: found.keyword.line, column: found.keyword.column });
        } else if (!found.keyword && found.boilerplate) {
          report.add('MX5002', `${doc.file} has the BCP 14 boilerplate but uses no keyword (edition ${edition}); remove ::bcp14-boilerplate, or state a requirement with a keyword in capitals`, { file: doc.file, ...found.boilerplate });
        }
      }
    }
  },
};
