import type { RoomVersion } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<RoomVersion & { displayId: string }>({
  id: 'room-version-removed',
  severity: 'breaking',
  description: "A room version exists only in FROM: servers of TO cannot join its rooms.",
  site: 'room-version-set',
  side: 'removed',
  message: (rv, key) => `room version ${rv.displayId} (${key}) removed`,
});
