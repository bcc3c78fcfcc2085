import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-rate-limit-changed',
  severity: 'info',
  description: "Whether a binding is rate-limited changed.",
  site: 'binding',
  fields: ["rateLimited"],
  message: (_f, a, b) => `rate-limited ${String(a)} -> ${String(b)}`,
});
