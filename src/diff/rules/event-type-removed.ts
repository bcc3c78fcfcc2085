import type { EventType } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EventType>({
  id: 'event-type-removed',
  severity: 'warning',
  description: "An event type exists only in FROM: servers of TO do not know its meaning.",
  site: 'event-set',
  side: 'removed',
  message: (e, key) => `event type ${key} removed (${e.kind})`,
});
