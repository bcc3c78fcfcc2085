import type { DocumentIR } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<DocumentIR>({
  id: 'document-removed',
  severity: 'info',
  description: "A document exists only in FROM.",
  site: 'document-set',
  side: 'removed',
  message: (d, key) => `document ${key} removed (${d.title})`,
});
