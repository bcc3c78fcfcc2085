/** Section anchors are unique within a document as each edition sees it. */
import { EDITION_IDS, type SourceLocation } from '../../ir/types.js';
import type { Check } from '../check.js';
import { forEachSection } from '../walk.js';

export const duplicateAnchors: Check = {
  id: 'duplicate-anchors',
  codes: ['MX2003'],
  description: 'Section anchors are unique within each document in each edition.',
  run({ models, report }) {
    const reported = new Set<string>();
    for (const edition of EDITION_IDS) {
      for (const doc of models[edition].documents) {
        const seen = new Map<string, SourceLocation>();
        forEachSection(doc.sections, (s) => {
          const prev = seen.get(s.anchor);
          if (prev) {
            const k = `${s.loc.file}:${s.loc.line}`;
            if (!reported.has(k)) {
              reported.add(k);
              report.add('MX2003', `section anchor "${s.anchor}" is already used in ${doc.file}; give this heading its own {#anchor}`, s.loc, [{ loc: prev, message: 'first used here' }]);
            }
          } else seen.set(s.anchor, s.loc);
        });
      }
    }
  },
};
