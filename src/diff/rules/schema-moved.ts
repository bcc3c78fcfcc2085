import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'schema-moved',
  severity: 'info',
  description: "A named schema moved to another schema file.",
  site: 'named-schema',
  fields: ["file"],
});
