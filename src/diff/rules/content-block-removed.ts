import type { ContentBlock } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<ContentBlock>({
  id: 'content-block-removed',
  severity: 'warning',
  description: "A content block exists only in FROM: events of FROM may carry it.",
  site: 'block-set',
  side: 'removed',
  message: (b, key) => `content block ${key} removed`,
});
