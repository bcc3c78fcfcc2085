import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'nullable-added.none',
  severity: 'warning',
  direction: 'none',
  description: "A schema node now admits null in data that flows both ways (events, shared schemas): receivers of FROM may see null.",
  site: 'schema',
  fields: ["nullable"],
  when: (p) => Boolean(p.to.nullable) && !p.from.nullable,
  message: () => 'now nullable',
});
