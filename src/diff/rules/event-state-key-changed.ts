import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'event-state-key-changed',
  severity: 'breaking',
  description: "The state key of a state event changed (format or meaning).",
  site: 'event-type',
  fields: ["stateKey"],
  message: (_f, a, b) => `state key ${show(a)} -> ${show(b)}`,
});
