import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'document-references-changed',
  severity: 'info',
  description: "The normative or informative references of a document changed.",
  site: 'document',
  fields: ["normative", "informative"],
  message: (f, a, b) => `${f} references: ${[...((b as string[]) ?? []).filter((x) => !((a as string[]) ?? []).includes(x)).map((x) => `+${x}`), ...((a as string[]) ?? []).filter((x) => !((b as string[]) ?? []).includes(x)).map((x) => `-${x}`)].join(' ') || 'order changed'}`,
});
