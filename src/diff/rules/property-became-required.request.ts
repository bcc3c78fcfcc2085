import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'property-became-required.request',
  severity: 'breaking',
  direction: 'request',
  description: "A property became required in a request: callers of FROM may omit it.",
  site: 'property',
  fields: ["required"],
  when: (p) => p.to.required === true,
  message: () => 'optional -> required',
});
