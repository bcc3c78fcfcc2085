import { show } from '../canonical.js';

const strip = (p: unknown) => (p && typeof p === 'object' ? { ...(p as object), loc: undefined } : p);
import { fieldRule } from './define.js';
import type { DiffRule } from '../types.js';

const base = fieldRule({
  id: 'port-record-changed',
  severity: 'info',
  description: "The port record of an element changed (status, origin, MSC, reason or note).",
  site: 'any-element',
  fields: ["port"],
  message: (_f, a, b) => `port record ${show(strip(a))} -> ${show(strip(b))}`,
});

/**
 * Between two editions a record present on one side only is how divergences
 * are modelled (a variant does not repeat the shared element's port), so
 * it is claimed without a change; between revisions it is a change.
 */
export const rule: DiffRule = {
  ...base,
  detect(pair, api) {
    if (pair.crossEdition && (pair.from.port === undefined) !== (pair.to.port === undefined)) {
      api.report({ message: '', claims: ['port'], silent: true });
      return;
    }
    base.detect(pair, api);
  },
};
