import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'nullable-removed.request',
  severity: 'breaking',
  direction: 'request',
  description: "A schema node no longer admits null in a request: callers of FROM may send null.",
  site: 'schema',
  fields: ["nullable"],
  when: (p) => !p.to.nullable && Boolean(p.from.nullable),
  message: () => 'no longer nullable',
});
