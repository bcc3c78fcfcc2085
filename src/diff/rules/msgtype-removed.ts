import { memberRule } from './define.js';

export const rule = memberRule<{ name: string }>({
  id: 'msgtype-removed',
  severity: 'warning',
  description: "A message event lost a msgtype.",
  site: 'msgtype-set',
  side: 'removed',
  message: (m, key) => `msgtype ${key} removed`,
});
