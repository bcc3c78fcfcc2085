import type { EnumValue } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EnumValue>({
  id: 'enum-value-added.request',
  severity: 'info',
  direction: 'request',
  description: "An enum value was added in a request: TO accepts more values.",
  site: 'enum-set',
  side: 'added',
  message: (v, key) => `enum value ${key} added`,
});
