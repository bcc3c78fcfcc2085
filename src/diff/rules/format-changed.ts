import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'format-changed',
  severity: 'breaking',
  description: "The format of a value changed from one format to another.",
  site: 'schema',
  fields: ["format"],
  when: (pair) => pair.from.format !== undefined && pair.to.format !== undefined,
  message: (_f, a, b) => `format ${String(a)} -> ${String(b)}`,
});
