import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-added-required.request',
  severity: 'breaking',
  direction: 'request',
  description: "A required property was added in a request: callers of FROM do not send it.",
  site: 'property-set',
  side: 'added',
  when: (p) => p.required,
  message: (p, key) => `required property ${key} added`,
});
