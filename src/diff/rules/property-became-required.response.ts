import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'property-became-required.response',
  severity: 'info',
  direction: 'response',
  description: "A property became required in a response: callers can rely on it.",
  site: 'property',
  fields: ["required"],
  when: (p) => p.to.required === true,
  message: () => 'optional -> required',
});
