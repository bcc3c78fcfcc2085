import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'section-moved',
  severity: 'info',
  description: "A section moved: another parent, position among its siblings, depth, numbering or appendix status.",
  site: 'section',
  fields: ["parent", "index", "depth", "numbered", "appendix"],
});
