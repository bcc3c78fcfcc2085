import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'description-changed',
  severity: 'info',
  description: "Descriptive text (description, summary, schema title) changed.",
  site: 'any-element',
  fields: ["description", "summary", "title"],
  when: (pair, f) => f !== 'title' || pair.site === 'schema',
  message: (f, a, b) => `${f} changed${typeof a === 'string' && typeof b === 'string' ? '' : a === undefined ? ' (added)' : b === undefined ? ' (removed)' : ''}`,
});
