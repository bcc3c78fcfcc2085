import type { DocumentIR } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<DocumentIR>({
  id: 'document-added',
  severity: 'info',
  description: "A document exists only in TO.",
  site: 'document-set',
  side: 'added',
  message: (d, key) => `document ${key} added (${d.title})`,
});
