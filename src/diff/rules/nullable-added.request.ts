import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'nullable-added.request',
  severity: 'info',
  direction: 'request',
  description: "A schema node now admits null in a request: TO accepts more.",
  site: 'schema',
  fields: ["nullable"],
  when: (p) => Boolean(p.to.nullable) && !p.from.nullable,
  message: () => 'now nullable',
});
