import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'nullable-removed.none',
  severity: 'breaking',
  direction: 'none',
  description: "A schema node no longer admits null in data that flows both ways (events, shared schemas): senders of FROM may send null.",
  site: 'schema',
  fields: ["nullable"],
  when: (p) => !p.to.nullable && Boolean(p.from.nullable),
  message: () => 'no longer nullable',
});
