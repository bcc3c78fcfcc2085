/**
 * The rest of the Internet-Draft checks (name, anchors, cross-references,
 * section order, required sections, BCP 14 in rendered text, code width,
 * ASCII, author emails), from the same rendering as the generator.
 */
import type { Check } from '../check.js';
import { draftSetFor, draftsRendered } from '../../../generators/drafts/draft-set.js';
import { DRAFT_REFERENCE_CODES } from './drafts-references.js';

export const draftsStructure: Check = {
  id: 'drafts-structure',
  codes: ['MX7001', 'MX7002', 'MX7003', 'MX7004', 'MX7009', 'MX7010', 'MX7011', 'MX5001', 'MX5003'],
  description: 'Internet-Drafts: docName, anchors, xref targets, section order, required sections, BCP 14, line width, ASCII, author email.',
  run({ models, report, generates }) {
    // Run only where drafts-references did: errors other than the drafts' own mean the model is unsound.
    if (report.hasErrors() && !draftsRendered(models.ietf)) return;
    const set = draftSetFor(models.ietf, { texts: generates });
    const own = new Set(set.diagnostics.items);
    if (report.items.some((d) => d.severity === 'error' && !own.has(d))) return;
    const skip: readonly string[] = DRAFT_REFERENCE_CODES;
    report.push(...set.diagnostics.items.filter((d) => !skip.includes(d.code)));
  },
};
