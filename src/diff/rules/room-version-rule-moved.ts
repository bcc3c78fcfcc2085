import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'room-version-rule-moved',
  severity: 'breaking',
  description: "A room-version rule or step moved: another parent step or another order among its siblings (rules apply in order).",
  site: 'rule',
  fields: ["parent", "index"],
  message: (f, a, b, pair) => `${String(pair.context?.part)} rule ${String(pair.from.id)} moved (${f === 'parent' ? `parent ${String(a ?? '(top)')} -> ${String(b ?? '(top)')}` : `position ${String(a)} -> ${String(b)}`})`,
});
