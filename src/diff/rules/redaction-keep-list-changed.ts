import type { DiffRule } from '../types.js';
import { same } from '../canonical.js';

type Redaction = { keepTopLevel: string[]; keepContent: Record<string, string[]> };

export const rule: DiffRule = {
  id: 'redaction-keep-list-changed',
  severity: 'breaking',
  direction: 'none',
  description: 'The keys redaction keeps changed: redacted events (and their hashes and signatures) differ between the sides.',
  site: 'room-version',
  detect(pair, api) {
    const a = pair.from.redaction as Redaction;
    const b = pair.to.redaction as Redaction;
    if (same(a, b)) return;
    const parts: string[] = [];
    const delta = (x: string[] = [], y: string[] = []) => [...y.filter((k) => !x.includes(k)).map((k) => `+${k}`), ...x.filter((k) => !y.includes(k)).map((k) => `-${k}`)];
    const top = delta(a.keepTopLevel, b.keepTopLevel);
    if (top.length) parts.push(`top level ${top.join(' ')}`);
    for (const t of [...new Set([...Object.keys(a.keepContent), ...Object.keys(b.keepContent)])].sort()) {
      const d = delta(a.keepContent[t], b.keepContent[t]);
      if (d.length) parts.push(`${t} content ${d.join(' ')}`);
    }
    api.report({ message: `redaction keeps: ${parts.join('; ') || 'order changed'}`, claims: ['redaction'], at: 'redaction' });
  },
};
