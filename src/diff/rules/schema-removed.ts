import type { NamedSchema } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<NamedSchema>({
  id: 'schema-removed',
  severity: 'info',
  description: "A named schema exists only in FROM (its uses are reported where they changed).",
  site: 'schema-set',
  side: 'removed',
  message: (s, key) => `schema ${key} removed`,
});
