import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'room-version-stability-changed',
  severity: 'warning',
  description: "The stability of a room version changed.",
  site: 'room-version',
  fields: ["stability"],
});
