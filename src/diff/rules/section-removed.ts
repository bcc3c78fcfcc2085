import { memberRule } from './define.js';
import { blocks } from '../prose.js';
import type { FlatSection, SectionContext } from '../walk/documents.js';
import { editionBlockPort } from '../edition-blocks.js';
import { wordDiff } from '../words.js';

export const rule = memberRule<FlatSection>({
  id: 'section-removed',
  severity: 'info',
  description: 'A section (by anchor) exists only in FROM.',
  site: 'section-set',
  side: 'removed',
  element: (s) => ({ loc: s.loc, port: s.port }),
  message: (s, key) => `section "${s.title}" (#${key}) removed`,
});

const detect = rule.detect;
rule.detect = (pair, api) => detect(pair, {
  ...api,
  report: (f) => {
    const s = (pair.removed as FlatSection[]).find((x) => x.anchor === f.at);
    if (s) {
      const text = `${s.title}\n\n${blocks(s.blocks)}`;
      f.prose = { old: text, new: '', runs: wordDiff(text, '') };
      f.port ??= editionBlockPort((pair.context as SectionContext).fromDoc, s.blocks);
    }
    api.report(f);
  },
});
