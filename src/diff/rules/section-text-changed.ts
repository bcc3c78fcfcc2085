import type { DiffRule, ElementPair } from '../types.js';
import { reportSectionText } from '../section-text.js';
import type { FlatSection } from '../walk/documents.js';

export const rule: DiffRule = {
  id: 'section-text-changed',
  severity: 'info',
  direction: 'none',
  description: "The prose of a section (same anchor) changed; the change shows OLD and NEW text word by word.",
  site: 'section',
  detect(pair: ElementPair<FlatSection>, api) {
    reportSectionText(pair, api, 'same');
  },
};
