import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'const-changed',
  severity: 'breaking',
  description: "The constant value of a schema node changed, appeared or disappeared.",
  site: 'schema',
  fields: ["const"],
});
