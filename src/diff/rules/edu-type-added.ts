import type { EduType } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EduType>({
  id: 'edu-type-added',
  severity: 'warning',
  description: "An EDU type exists only in TO.",
  site: 'edu-set',
  side: 'added',
  message: (e, key) => `EDU type ${key} added`,
});
