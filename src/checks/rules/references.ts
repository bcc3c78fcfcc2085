/**
 * Every reference resolves, and resolves inside each edition that can see
 * the element making it: an IETF-only section may not link to a
 * Matrix.org-only RPC.
 */
import { EDITION_IDS } from '../../ir/types.js';
import type { Check } from '../check.js';
import { indexModel, key } from '../model-index.js';
import { modelUses } from '../walk.js';
import { suggestion } from '../../diagnostics/did-you-mean.js';

export const referencesResolve: Check = {
  id: 'references-resolve',
  codes: ['MX2001', 'MX3002'],
  description: 'References (schemas, blocks, RPCs, sections, rules, citations, authors) resolve in every edition that sees them.',
  run({ program, models, report }) {
    const all = indexModel(program);
    const reported = new Set<string>();
    for (const edition of EDITION_IDS) {
      const model = models[edition];
      const idx = indexModel(model);
      for (const use of modelUses(model)) {
        const k = key(use.kind, use.target, use.scope);
        if (idx.has(k)) continue;
        const at = `${use.loc.file}:${use.loc.line}:${use.loc.column}|${k}`;
        const def = all.get(k);
        if (def) {
          if (reported.has(at + edition)) continue;
          reported.add(at + edition);
          report.add(
            'MX3002',
            `${use.what} refers to ${use.kind} "${use.target}", which does not exist in edition ${edition}; limit this element to the editions of the target or give the target a variant for ${edition}`,
            use.loc,
            [{ loc: def, message: `${use.kind} "${use.target}" is defined here, outside edition ${edition}` }],
          );
        } else {
          if (reported.has(at)) continue;
          reported.add(at);
          const prefix = use.kind + '\0' + (use.scope !== undefined ? use.scope + '\0' : '');
          const candidates = [...all.keys()].filter((x) => x.startsWith(prefix)).map((x) => x.slice(prefix.length));
          report.add('MX2001', `${use.what} refers to unknown ${use.kind} "${use.target}"${use.scope ? ` in ${use.scope}` : ''}${suggestion(use.target, candidates)}`, use.loc);
        }
      }
    }
  },
};
