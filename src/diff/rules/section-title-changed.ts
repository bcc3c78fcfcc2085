import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'section-title-changed',
  severity: 'info',
  description: "The title of a section (same anchor) changed.",
  site: 'section',
  fields: ["title"],
  message: (_f, a, b) => `title ${JSON.stringify(a)} -> ${JSON.stringify(b)}`,
});
