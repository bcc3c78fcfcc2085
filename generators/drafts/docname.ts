/** Internet-Draft names: the rules Datatracker applies, and the names mxspec derives from them. */

export const MAX_DOCNAME_LENGTH = 50;

/** Problems with a draft name (without revision); empty when it is acceptable. */
export function docNameProblems(docName: string): string[] {
  const out: string[] = [];
  if (!docName.startsWith('draft-')) out.push('must start with "draft-"');
  if (!/^[a-z0-9-]+$/.test(docName)) out.push('may contain only lower-case letters, digits and "-"');
  if (/-\d{2}$/.test(docName)) out.push('must not end with a revision number; the revision comes from "revision"');
  if (docName.includes('--') || docName.endsWith('-')) out.push('must not contain empty components');
  if (docName.split('-').length < 3) out.push('needs at least three components (draft-<author or group>-<subject>)');
  if (docName.length > MAX_DOCNAME_LENGTH) out.push(`is ${docName.length} characters long; the limit is ${MAX_DOCNAME_LENGTH} without the revision`);
  return out;
}

export function revisionSuffix(revision: number): string {
  return String(revision).padStart(2, '0');
}

/** "draft-x-y" revision 3 -> "draft-x-y-03". */
export function versionedName(docName: string, revision: number): string {
  return `${docName}-${revisionSuffix(revision)}`;
}

/** The reference anchor other documents cite a draft by: "I-D.x-y" for "draft-x-y". */
export function draftReferenceAnchor(docName: string): string {
  return `I-D.${docName.replace(/^draft-/, '')}`;
}

/** Prefixes xml2rfc reserves for the anchors it generates. */
export const RESERVED_ANCHOR_PREFIXES = ['section-', 'figure-', 'table-', 'iref-', 'u-'];

/** XML NCName restricted to ASCII (what xml2rfc accepts as an anchor). */
export const ANCHOR_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Turns any identifier into characters an anchor may hold (to follow a prefix such as "rpc-"). */
export function anchorPart(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]+/g, '-');
}
