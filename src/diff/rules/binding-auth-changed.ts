import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-auth-changed',
  severity: 'breaking',
  description: "The authentication a binding requires changed.",
  site: 'binding',
  fields: ["auth"],
  message: (_f, a, b) => `authentication ${String(a)} -> ${String(b)}`,
});
