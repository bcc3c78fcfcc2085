import type { EventType } from '../../ir/types.js';
import { memberRule } from './define.js';

export const rule = memberRule<EventType>({
  id: 'event-type-added',
  severity: 'warning',
  description: "An event type exists only in TO: servers of FROM do not know its meaning.",
  site: 'event-set',
  side: 'added',
  message: (e, key) => `event type ${key} added (${e.kind})`,
});
