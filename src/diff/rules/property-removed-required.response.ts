import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-removed-required.response',
  severity: 'breaking',
  direction: 'response',
  description: "A required property was removed in a response: callers of FROM rely on it.",
  site: 'property-set',
  side: 'removed',
  when: (p) => p.required,
  message: (p, key) => `required property ${key} removed`,
});
