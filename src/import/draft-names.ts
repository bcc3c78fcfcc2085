/**
 * Internet-Draft names for the imported documents in the ietf edition:
 * draft-mxspec-matrix-<document>-imported by default (the "imported" makes
 * clear that no author has taken the text on yet), or the name given with
 * --doc-name for the API document. Names follow Datatracker's rules: lower
 * case letters, digits and "-", at most 50 characters without the revision.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { DraftName } from './emit.js';

export const MAX_DRAFT_NAME = 50;
const PREFIX = 'draft-mxspec-matrix-';
const SUFFIX = '-imported';

/** Why a name cannot be a draft name; undefined when it can. */
export function draftNameProblem(name: string): string | undefined {
  if (!/^draft-[a-z0-9]+(?:-[a-z0-9]+)+$/.test(name)) return 'must start with "draft-" and hold only lower-case letters, digits and single "-" between them, with at least three components';
  if (/-\d{2}$/.test(name)) return 'must not end with a revision number (the revision is given separately)';
  if (name.length > MAX_DRAFT_NAME) return `is ${name.length} characters long; the limit is ${MAX_DRAFT_NAME}`;
  return undefined;
}

/** draft-mxspec-matrix-<id>-imported, the id shortened (at a "-") to fit. */
export function derivedDraftName(docId: string): string {
  const room = MAX_DRAFT_NAME - PREFIX.length - SUFFIX.length;
  let slug = docId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'api';
  if (slug.length > room) slug = slug.slice(0, room).replace(/-[^-]*$/, '') || slug.slice(0, room);
  return `${PREFIX}${slug.replace(/-+$/, '')}${SUFFIX}`;
}

/** "draft-x-y" is cited as "I-D.x-y". */
export function draftReferenceId(docName: string): string {
  return `I-D.${docName.replace(/^draft-/, '')}`;
}

/** The docName (revision 0) of every imported document. */
export function draftNames(apiDocIds: string[], eventsDocId: string | undefined, given: string | undefined, bag: DiagnosticBag): Map<string, DraftName> {
  const out = new Map<string, DraftName>();
  let apiName: string | undefined;
  if (given !== undefined) {
    const problem = draftNameProblem(given);
    if (problem) bag.add('MX1301', `--doc-name "${given}" ${problem}`);
    else if (apiDocIds.length !== 1) bag.add('MX1301', `--doc-name names one document, but ${apiDocIds.length} APIs were imported; choose one with --api`);
    else apiName = given;
  }
  for (const id of apiDocIds) out.set(id, { docName: apiName ?? derivedDraftName(id), revision: 0 });
  if (eventsDocId) {
    const fromGiven = apiName ? `${apiName}-events` : undefined;
    const name = fromGiven && !draftNameProblem(fromGiven) ? fromGiven : derivedDraftName(eventsDocId);
    out.set(eventsDocId, { docName: name, revision: 0 });
  }
  return out;
}
