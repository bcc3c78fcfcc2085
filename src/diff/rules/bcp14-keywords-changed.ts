import type { DiffRule, ElementPair } from '../types.js';
import { reportSectionText } from '../section-text.js';
import type { FlatSection } from '../walk/documents.js';

export const rule: DiffRule = {
  id: 'bcp14-keywords-changed',
  severity: 'warning',
  direction: 'none',
  description: "The prose of a section changed its BCP 14 keywords (MUST, SHOULD, MAY, \u2026): a normative requirement changed.",
  site: 'section',
  detect(pair: ElementPair<FlatSection>, api) {
    reportSectionText(pair, api, 'changed');
  },
};
