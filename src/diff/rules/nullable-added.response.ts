import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'nullable-added.response',
  severity: 'warning',
  direction: 'response',
  description: "A schema node now admits null in a response: callers of FROM may receive null.",
  site: 'schema',
  fields: ["nullable"],
  when: (p) => Boolean(p.to.nullable) && !p.from.nullable,
  message: () => 'now nullable',
});
