import type { SchemaNode } from '../../ir/types.js';

type Keyed = { key: string; node: SchemaNode };
import { memberRule } from './define.js';

export const rule = memberRule<Keyed>({
  id: 'union-member-removed.response',
  severity: 'info',
  direction: 'response',
  description: "A union lost a member in a response: callers see fewer shapes.",
  site: 'member-set',
  side: 'removed',
  element: (m) => m.node,
  message: (m, key) => `union member ${key} removed`,
});
