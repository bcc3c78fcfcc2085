import type { EnumValue } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EnumValue>({
  id: 'enum-value-added.none',
  severity: 'warning',
  direction: 'none',
  description: "An enum value was added in data that flows both ways (events, shared schemas): receivers of FROM may see a value they do not know.",
  site: 'enum-set',
  side: 'added',
  message: (v, key) => `enum value ${key} added`,
});
