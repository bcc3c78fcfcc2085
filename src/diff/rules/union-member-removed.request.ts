import type { SchemaNode } from '../../ir/types.js';

type Keyed = { key: string; node: SchemaNode };
import { memberRule } from './define.js';

export const rule = memberRule<Keyed>({
  id: 'union-member-removed.request',
  severity: 'breaking',
  direction: 'request',
  description: "A union lost a member in a request: callers of FROM may send a shape TO rejects.",
  site: 'member-set',
  side: 'removed',
  element: (m) => m.node,
  message: (m, key) => `union member ${key} removed`,
});
