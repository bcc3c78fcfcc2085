import type { SchemaNode } from '../../ir/types.js';

type Keyed = { key: string; node: SchemaNode };
import { memberRule } from './define.js';

export const rule = memberRule<Keyed>({
  id: 'union-member-added.response',
  severity: 'warning',
  direction: 'response',
  description: "A union gained a member in a response: callers of FROM may receive a shape they do not know.",
  site: 'member-set',
  side: 'added',
  element: (m) => m.node,
  message: (m, key) => `union member ${key} added`,
});
