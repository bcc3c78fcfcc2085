import type { DiffRule, ElementPair } from '../types.js';
import type { FlatRule } from '../walk/room-versions.js';
import { wordDiff } from '../words.js';

export const rule: DiffRule = {
  id: 'room-version-rule-changed',
  severity: 'breaking',
  direction: 'none',
  description: 'The text of a room-version rule or step changed (same id): servers following either text may decide differently.',
  site: 'rule',
  detect(pair: ElementPair<FlatRule>, api) {
    if (pair.from.text === pair.to.text) return;
    api.report({
      message: `${String(pair.context?.part)} rule ${pair.from.id} changed`,
      claims: ['text'],
      prose: { old: pair.from.text, new: pair.to.text, runs: wordDiff(pair.from.text, pair.to.text) },
    });
  },
};
