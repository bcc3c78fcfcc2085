import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-removed-required.request',
  severity: 'warning',
  direction: 'request',
  description: "A required property was removed in a request: callers of FROM still send it; TO ignores it.",
  site: 'property-set',
  side: 'removed',
  when: (p) => p.required,
  message: (p, key) => `required property ${key} removed`,
});
