import type { EnumValue } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EnumValue>({
  id: 'enum-value-removed.response',
  severity: 'info',
  direction: 'response',
  description: "An enum value was removed in a response: callers see fewer values.",
  site: 'enum-set',
  side: 'removed',
  message: (v, key) => `enum value ${key} removed`,
});
