import type { SchemaNode } from '../../ir/types.js';

type Keyed = { key: string; node: SchemaNode };
import { memberRule } from './define.js';

export const rule = memberRule<Keyed>({
  id: 'union-member-added.request',
  severity: 'info',
  direction: 'request',
  description: "A union gained a member in a request: TO accepts more shapes.",
  site: 'member-set',
  side: 'added',
  element: (m) => m.node,
  message: (m, key) => `union member ${key} added`,
});
