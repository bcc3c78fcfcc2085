import { show } from '../canonical.js';
import { fieldRule } from './define.js';
import type { DiffRule } from '../types.js';

const base = fieldRule({
  id: 'lifecycle-changed',
  severity: 'info',
  description: "Lifecycle history (added, changed, deprecated) changed.",
  site: 'any-element',
  fields: ["lifecycle"],
  message: (_f, a, b) => `lifecycle ${show(a)} -> ${show(b)}`,
});

/**
 * Between two editions a record present on one side only is how divergences
 * are modelled (a variant does not repeat the shared element's lifecycle), so
 * it is claimed without a change; between revisions it is a change.
 */
export const rule: DiffRule = {
  ...base,
  detect(pair, api) {
    if (pair.crossEdition && (pair.from.lifecycle === undefined) !== (pair.to.lifecycle === undefined)) {
      api.report({ message: '', claims: ['lifecycle'], silent: true });
      return;
    }
    base.detect(pair, api);
  },
};
