import type { NamedSchema } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<NamedSchema>({
  id: 'schema-added',
  severity: 'info',
  description: "A named schema exists only in TO (its uses are reported where they changed).",
  site: 'schema-set',
  side: 'added',
  message: (s, key) => `schema ${key} added`,
});
