import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-added-required.response',
  severity: 'info',
  direction: 'response',
  description: "A required property was added in a response: callers get more than before.",
  site: 'property-set',
  side: 'added',
  when: (p) => p.required,
  message: (p, key) => `required property ${key} added`,
});
