import { show } from '../canonical.js';
import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'event-id-format-changed',
  severity: 'breaking',
  description: "The event ID format of a room version changed.",
  site: 'room-version',
  fields: ["eventIdFormat"],
  message: (_f, a, b) => `event ID format ${show(a)} -> ${show(b)}`,
});
