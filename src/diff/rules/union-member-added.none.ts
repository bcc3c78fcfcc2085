import type { SchemaNode } from '../../ir/types.js';

type Keyed = { key: string; node: SchemaNode };
import { memberRule } from './define.js';

export const rule = memberRule<Keyed>({
  id: 'union-member-added.none',
  severity: 'warning',
  direction: 'none',
  description: "A union gained a member in data that flows both ways (events, shared schemas): receivers of FROM may see a shape they do not know.",
  site: 'member-set',
  side: 'added',
  element: (m) => m.node,
  message: (m, key) => `union member ${key} added`,
});
