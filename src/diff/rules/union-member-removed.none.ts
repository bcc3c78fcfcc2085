import type { SchemaNode } from '../../ir/types.js';

type Keyed = { key: string; node: SchemaNode };
import { memberRule } from './define.js';

export const rule = memberRule<Keyed>({
  id: 'union-member-removed.none',
  severity: 'breaking',
  direction: 'none',
  description: "A union lost a member in data that flows both ways (events, shared schemas): senders of FROM may send a shape TO rejects.",
  site: 'member-set',
  side: 'removed',
  element: (m) => m.node,
  message: (m, key) => `union member ${key} removed`,
});
