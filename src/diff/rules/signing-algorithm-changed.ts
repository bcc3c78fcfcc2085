import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'signing-algorithm-changed',
  severity: 'breaking',
  description: "The hash or signature algorithm of a room version changed.",
  site: 'room-version',
  fields: ["signing.hash", "signing.signature"],
  message: (f, a, b) => `${f === 'signing.hash' ? 'hash' : 'signature'} algorithm ${String(a)} -> ${String(b)}`,
});
