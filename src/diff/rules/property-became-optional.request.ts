import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'property-became-optional.request',
  severity: 'info',
  direction: 'request',
  description: "A property became optional in a request: TO accepts calls without it.",
  site: 'property',
  fields: ["required"],
  when: (p) => p.to.required === false,
  message: () => 'required -> optional',
});
