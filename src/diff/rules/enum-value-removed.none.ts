import type { EnumValue } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EnumValue>({
  id: 'enum-value-removed.none',
  severity: 'breaking',
  direction: 'none',
  description: "An enum value was removed in data that flows both ways (events, shared schemas): senders of FROM may send a value TO rejects.",
  site: 'enum-set',
  side: 'removed',
  message: (v, key) => `enum value ${key} removed`,
});
