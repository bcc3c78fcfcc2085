import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-content-type-changed',
  severity: 'breaking',
  description: "The content type of a successful response changed.",
  site: 'binding',
  fields: ["responseContentType"],
  message: (_f, a, b) => `response content type ${String(a)} -> ${String(b)}`,
});
