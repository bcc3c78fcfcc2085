import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'room-version-envelope-changed',
  severity: 'breaking',
  description: "The event envelope (PDU schema) of a room version changed to another schema.",
  site: 'room-version',
  fields: ["envelope"],
  message: (_f, a, b) => `event envelope ${String(a)} -> ${String(b)}`,
});
