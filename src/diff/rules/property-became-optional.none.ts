import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'property-became-optional.none',
  severity: 'breaking',
  direction: 'none',
  description: "A property became optional in data that flows both ways (events, shared schemas): receivers of FROM rely on it being present.",
  site: 'property',
  fields: ["required"],
  when: (p) => p.to.required === false,
  message: () => 'required -> optional',
});
