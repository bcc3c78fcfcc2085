import type { EnumValue } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EnumValue>({
  id: 'enum-value-added.response',
  severity: 'warning',
  direction: 'response',
  description: "An enum value was added in a response: callers of FROM may receive a value they do not know.",
  site: 'enum-set',
  side: 'added',
  message: (v, key) => `enum value ${key} added`,
});
