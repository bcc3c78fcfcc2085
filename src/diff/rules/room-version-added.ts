import type { RoomVersion } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<RoomVersion & { displayId: string }>({
  id: 'room-version-added',
  severity: 'warning',
  description: "A room version exists only in TO: servers of FROM cannot join its rooms.",
  site: 'room-version-set',
  side: 'added',
  message: (rv, key) => `room version ${rv.displayId} (${key}) added`,
});
