import type { EnumValue } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EnumValue>({
  id: 'enum-value-removed.request',
  severity: 'breaking',
  direction: 'request',
  description: "An enum value was removed in a request: callers of FROM may send a value TO rejects.",
  site: 'enum-set',
  side: 'removed',
  message: (v, key) => `enum value ${key} removed`,
});
