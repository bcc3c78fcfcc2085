import type { Property } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<Property>({
  id: 'property-removed-optional',
  severity: 'warning',
  description: "An optional property was removed: senders of FROM may still send it, receivers of FROM may still use it.",
  site: 'property-set',
  side: 'removed',
  when: (p) => !p.required,
  message: (p, key) => `optional property ${key} removed`,
});
