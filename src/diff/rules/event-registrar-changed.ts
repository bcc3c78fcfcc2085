import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'event-registrar-changed',
  severity: 'info',
  description: "The registrar of an event type changed.",
  site: 'event-type',
  fields: ["registrar"],
});
