import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'nullable-removed.response',
  severity: 'info',
  direction: 'response',
  description: "A schema node no longer admits null in a response: callers receive fewer values.",
  site: 'schema',
  fields: ["nullable"],
  when: (p) => !p.to.nullable && Boolean(p.from.nullable),
  message: () => 'no longer nullable',
});
