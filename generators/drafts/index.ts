/**
 * The drafts generator: for each document with a docName in the ietf
 * edition, out/ietf/drafts/<docName>-<NN>.xml in RFC XML v3, ready for
 * Datatracker submission; its checks go to the build's diagnostics.
 */
import type { EditionGenerator } from '../generator.js';
import { draftFiles, draftSetFor } from './draft-set.js';
import { mergeDiagnostics } from './checks.js';

export const draftsGenerator: EditionGenerator = {
  id: 'drafts',
  description: 'Internet-Drafts in RFC XML v3 (out/ietf/drafts/<docName>-<NN>.xml)',
  editions: ['ietf'],
  generate(model, ctx) {
    const set = draftSetFor(model);
    mergeDiagnostics(ctx.report, set.diagnostics);
    return draftFiles(set);
  },
};
