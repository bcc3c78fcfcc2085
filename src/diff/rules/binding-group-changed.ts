import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'binding-group-changed',
  severity: 'info',
  description: "A binding moved to another group.",
  site: 'binding',
  fields: ["group"],
});
