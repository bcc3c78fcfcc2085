import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'room-version-identifier-changed',
  severity: 'breaking',
  description: "The identifier a room version is called by changed: it is on the wire (m.room.create room_version), so the two sides do not recognise each other's rooms.",
  site: 'room-version',
  fields: ["displayId"],
  message: (_f, a, b) => `room version identifier ${String(a)} -> ${String(b)}`,
});
