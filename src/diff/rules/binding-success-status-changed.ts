import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-success-status-changed',
  severity: 'warning',
  description: "The HTTP status of a successful response changed.",
  site: 'binding',
  fields: ["status"],
  message: (_f, a, b) => `success status ${String(a)} -> ${String(b)}`,
});
