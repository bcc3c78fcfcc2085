import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-removed-required.none',
  severity: 'breaking',
  direction: 'none',
  description: "A required property was removed in data that flows both ways (events, shared schemas): receivers of FROM rely on it.",
  site: 'property-set',
  side: 'removed',
  when: (p) => p.required,
  message: (p, key) => `required property ${key} removed`,
});
