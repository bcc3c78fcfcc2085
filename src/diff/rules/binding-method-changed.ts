import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-method-changed',
  severity: 'breaking',
  description: "The HTTP method of a binding changed.",
  site: 'binding',
  fields: ["method"],
  message: (_f, a, b) => `HTTP method ${String(a)} -> ${String(b)}`,
});
