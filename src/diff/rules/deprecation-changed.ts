import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'deprecation-changed',
  severity: 'info',
  description: "A schema node became deprecated or is no longer deprecated.",
  site: 'schema',
  fields: ["deprecated"],
});
