import { memberRule } from './define.js';
import { blocks } from '../prose.js';
import type { FlatSection, SectionContext } from '../walk/documents.js';
import { editionBlockPort } from '../edition-blocks.js';
import { wordDiff } from '../words.js';

export const rule = memberRule<FlatSection>({
  id: 'section-added',
  severity: 'info',
  description: 'A section (by anchor) exists only in TO.',
  site: 'section-set',
  side: 'added',
  element: (s) => ({ loc: s.loc, port: s.port }),
  message: (s, key) => `section "${s.title}" (#${key}) added`,
});

const detect = rule.detect;
rule.detect = (pair, api) => detect(pair, {
  ...api,
  report: (f) => {
    const s = (pair.added as FlatSection[]).find((x) => x.anchor === f.at);
    if (s) {
      const text = `${s.title}\n\n${blocks(s.blocks)}`;
      f.prose = { old: '', new: text, runs: wordDiff('', text) };
      f.port ??= editionBlockPort((pair.context as SectionContext).toDoc, s.blocks);
    }
    api.report(f);
  },
});
