import type { EduType } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EduType>({
  id: 'edu-type-removed',
  severity: 'warning',
  description: "An EDU type exists only in FROM.",
  site: 'edu-set',
  side: 'removed',
  message: (e, key) => `EDU type ${key} removed`,
});
