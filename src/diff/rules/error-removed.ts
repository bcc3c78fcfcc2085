import type { RpcError } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<RpcError>({
  id: 'error-removed',
  severity: 'info',
  description: "An RPC no longer documents an error code.",
  site: 'error-set',
  side: 'removed',
  message: (e, key) => `error ${key} removed`,
});
