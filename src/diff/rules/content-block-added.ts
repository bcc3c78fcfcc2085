import type { ContentBlock } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<ContentBlock>({
  id: 'content-block-added',
  severity: 'info',
  description: "A content block exists only in TO.",
  site: 'block-set',
  side: 'added',
  message: (b, key) => `content block ${key} added`,
});
