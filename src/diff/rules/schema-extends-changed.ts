import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'schema-extends-changed',
  severity: 'breaking',
  description: "The named objects an object schema extends changed.",
  site: 'schema',
  fields: ["extends"],
  message: (_f, a, b) => `extends ${show(a)} -> ${show(b)}`,
});
