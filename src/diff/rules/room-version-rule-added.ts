import type { FlatRule } from '../walk/room-versions.js';
import { memberRule } from './define.js';

export const rule = memberRule<FlatRule>({
  id: 'room-version-rule-added',
  severity: 'breaking',
  description: "A rule or step was added to a room version (authorisation, state resolution, signing or key validity), by id.",
  site: 'rule-set',
  side: 'added',
  message: (r, key, pair) => `${String(pair.context?.part)} rule ${key} added`,
});
