import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-added-optional',
  severity: 'info',
  description: "An optional property was added.",
  site: 'property-set',
  side: 'added',
  when: (p) => !p.required,
  message: (p, key) => `optional property ${key} added`,
});
