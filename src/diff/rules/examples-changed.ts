import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'examples-changed',
  severity: 'info',
  description: "Examples changed.",
  site: 'any-element',
  fields: ["examples"],
  message: () => 'examples changed',
});
