import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'rpc-room-version-dependence-changed',
  severity: 'warning',
  description: "Whether an RPC depends on the room version changed: its request or response shape now varies (or no longer varies) by room version.",
  site: 'rpc',
  fields: ["roomVersionDependent"],
});
