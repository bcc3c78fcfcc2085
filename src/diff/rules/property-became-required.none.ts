import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'property-became-required.none',
  severity: 'breaking',
  direction: 'none',
  description: "A property became required in data that flows both ways (events, shared schemas): senders of FROM may omit it.",
  site: 'property',
  fields: ["required"],
  when: (p) => p.to.required === true,
  message: () => 'optional -> required',
});
