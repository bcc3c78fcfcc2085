import type { RpcError } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<RpcError>({
  id: 'error-added',
  severity: 'warning',
  description: "An RPC may now return an error code callers of FROM do not expect.",
  site: 'error-set',
  side: 'added',
  message: (e, key) => `error ${key} added`,
});
