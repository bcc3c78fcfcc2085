import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'room-id-format-changed',
  severity: 'breaking',
  description: "The room ID format of a room version changed.",
  site: 'room-version',
  fields: ["roomIdFormat"],
  message: (_f, a, b) => `room ID format ${show(a)} -> ${show(b)}`,
});
