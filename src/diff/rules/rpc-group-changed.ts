import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'rpc-group-changed',
  severity: 'info',
  description: "An RPC moved to another group.",
  site: 'rpc',
  fields: ["group"],
});
