/**
 * Every reference resolves, and resolves inside each edition that can see
 * the element making it: an IETF-only section may not link to a
 * Matrix.org-only RPC. The lookups themselves are the build's `resolve`
 * phase (../resolve-references.ts); this check reports what they did not find.
 */
import type { Check } from '../check.js';
import { key } from '../model-index.js';
import { unresolvedReferences } from '../resolve-references.js';
import { suggestion } from '../../diagnostics/did-you-mean.js';

export const referencesResolve: Check = {
  id: 'references-resolve',
  codes: ['MX2001', 'MX3002'],
  description: 'References (schemas, blocks, RPCs, sections, rules, citations, authors) resolve in every edition that sees them.',
  run({ references, report }) {
    // An element both editions see makes its references twice: an unknown target is reported once, a target
    // missing from one edition once per edition.
    const reported = new Set<string>();
    for (const { use, edition, resolution } of unresolvedReferences(references)) {
      const at = `${use.loc.file}:${use.loc.line}:${use.loc.column}|${key(use.kind, use.target, use.scope)}`;
      if (resolution.status === 'other-edition') {
        if (reported.has(at + edition)) continue;
        reported.add(at + edition);
        report.add(
          'MX3002',
          `${use.what} refers to ${use.kind} "${use.target}", which does not exist in edition ${edition}; limit this element to the editions of the target or give the target a variant for ${edition}`,
          use.loc,
          [{ loc: resolution.definition, message: `${use.kind} "${use.target}" is defined here, outside edition ${edition}` }],
        );
      } else if (resolution.status === 'unknown') {
        if (reported.has(at)) continue;
        reported.add(at);
        report.add('MX2001', `${use.what} refers to unknown ${use.kind} "${use.target}"${use.scope ? ` in ${use.scope}` : ''}${suggestion(use.target, resolution.candidates)}`, use.loc);
      }
    }
  },
};
