/**
 * The references of each Internet-Draft, as the drafts generator renders
 * them: every citation listed, every listed reference cited, nothing
 * obsolete, no normative downref. Shares the rendering with the generator
 * (generators/drafts), so `mxspec check` and `mxspec build` agree.
 */
import type { Check } from '../check.js';
import { draftSetFor } from '../../../generators/drafts/draft-set.js';

export const DRAFT_REFERENCE_CODES = ['MX7005', 'MX7006', 'MX7007', 'MX7008', 'MX7012'] as const;

export const draftsReferences: Check = {
  id: 'drafts-references',
  codes: [...DRAFT_REFERENCE_CODES],
  description: 'Internet-Draft references: cited iff listed, not obsolete, no normative downref, RFC 8792 cited when code is folded.',
  run({ models, report, generates }) {
    // Drafts of a model with errors would only repeat them.
    if (report.hasErrors()) return;
    const codes: readonly string[] = DRAFT_REFERENCE_CODES;
    report.push(...draftSetFor(models.ietf, { texts: generates }).diagnostics.items.filter((d) => codes.includes(d.code)));
  },
};
