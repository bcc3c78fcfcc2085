import type { FlatRule } from '../walk/room-versions.js';
import { memberRule } from './define.js';

export const rule = memberRule<FlatRule>({
  id: 'room-version-rule-removed',
  severity: 'breaking',
  description: "A rule or step was removed from a room version, by id.",
  site: 'rule-set',
  side: 'removed',
  message: (r, key, pair) => `${String(pair.context?.part)} rule ${key} removed`,
});
