import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-added-required.none',
  severity: 'breaking',
  direction: 'none',
  description: "A required property was added in data that flows both ways (events, shared schemas): senders of FROM do not send it.",
  site: 'property-set',
  side: 'added',
  when: (p) => p.required,
  message: (p, key) => `required property ${key} added`,
});
