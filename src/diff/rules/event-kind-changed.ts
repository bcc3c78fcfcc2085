import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'event-kind-changed',
  severity: 'breaking',
  description: "An event type changed between message and state event.",
  site: 'event-type',
  fields: ["kind"],
  message: (_f, a, b) => `kind ${String(a)} -> ${String(b)}`,
});
