import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'access-mode-changed',
  severity: 'warning',
  description: "A schema node became (or stopped being) read-only or write-only.",
  site: 'schema',
  fields: ["readOnly", "writeOnly"],
});
