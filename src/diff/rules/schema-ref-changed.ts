import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'schema-ref-changed',
  severity: 'breaking',
  description: "A reference now points at another named schema or content block.",
  site: 'schema',
  fields: ["ref", "block"],
  when: (pair) => pair.role !== 'map-values',
  message: (f, a, b) => `${f === 'ref' ? 'reference' : 'content block'} ${String(a)} -> ${String(b)}`,
});
