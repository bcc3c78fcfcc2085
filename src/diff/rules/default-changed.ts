import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'default-changed',
  severity: 'warning',
  description: "The default value of a schema node changed.",
  site: 'schema',
  fields: ["default"],
});
