import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-path-changed',
  severity: 'breaking',
  description: "The HTTP path of a binding changed.",
  site: 'binding',
  fields: ["path"],
  message: (_f, a, b) => `path ${String(a)} -> ${String(b)}`,
});
