import { memberRule } from './define.js';

export const rule = memberRule<{ name: string }>({
  id: 'msgtype-added',
  severity: 'warning',
  description: "A message event gained a msgtype.",
  site: 'msgtype-set',
  side: 'added',
  message: (m, key) => `msgtype ${key} added`,
});
