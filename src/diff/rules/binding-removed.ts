import type { HttpBinding } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<HttpBinding>({
  id: 'binding-removed',
  severity: 'breaking',
  description: "An RPC lost its HTTP binding in TO: it cannot be called over HTTP.",
  site: 'binding-set',
  side: 'removed',
  message: (b) => `HTTP binding ${b.method} ${b.path} removed`,
});
