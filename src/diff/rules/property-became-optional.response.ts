import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'property-became-optional.response',
  severity: 'breaking',
  direction: 'response',
  description: "A property became optional in a response: callers of FROM rely on it being present.",
  site: 'property',
  fields: ["required"],
  when: (p) => p.to.required === false,
  message: () => 'required -> optional',
});
