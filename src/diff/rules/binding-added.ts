import type { HttpBinding } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<HttpBinding>({
  id: 'binding-added',
  severity: 'warning',
  description: "An RPC gained an HTTP binding in TO.",
  site: 'binding-set',
  side: 'added',
  message: (b) => `HTTP binding ${b.method} ${b.path} added`,
});
