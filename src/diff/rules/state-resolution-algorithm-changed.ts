import { fieldRule } from './define.js';

export const rule = fieldRule({
  id: 'state-resolution-algorithm-changed',
  severity: 'breaking',
  description: "The state resolution algorithm of a room version changed.",
  site: 'room-version',
  fields: ["stateResolution.algorithm"],
  message: (_f, a, b) => `state resolution ${String(a)} -> ${String(b)}`,
});
