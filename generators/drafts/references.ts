/**
 * <reference> elements from the offline registry (spec/references.yaml):
 * the draft carries every fact inline, so the submission is one file and
 * builds need no network. Drafts of this specification are cited at their
 * current revision and date.
 */
import type { Reference } from '../../src/ir/types.js';
import type { DraftInfo } from './context.js';
import { el, type XElement } from './xml.js';
import { versionedName } from './docname.js';

/** "2017-12" / "2026-11-26" / "1989" -> date attributes. */
export function dateAttrs(date: string): { year?: string; month?: string; day?: string } {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return {};
  return { year: m[1], month: m[2] ? String(Number(m[2])) : undefined, day: m[3] ? String(Number(m[3])) : undefined };
}

const SERIES_ORDER = ['STD', 'BCP', 'FYI', 'RFC', 'Internet-Draft'];

export function referenceElement(ref: Reference, ownDraft: DraftInfo | undefined, editionDate: string): XElement {
  const authors = ref.authors.length
    ? ref.authors.map((a) => el('author', { initials: a.initials, surname: a.surname, fullname: a.fullname, role: a.role === 'editor' ? 'editor' : undefined }, a.organization ? [el('organization', {}, [a.organization])] : []))
    : [el('author', {}, [el('organization', {}, ['Unknown'])])];
  let series = [...ref.series];
  let date = ref.date;
  let target = ref.target;
  if (ownDraft) {
    const name = versionedName(ownDraft.docName, ownDraft.revision);
    series = [{ name: 'Internet-Draft', value: name }];
    date = editionDate;
    target = `https://datatracker.ietf.org/doc/html/${name}`;
  }
  series.sort((a, b) => SERIES_ORDER.indexOf(a.name) - SERIES_ORDER.indexOf(b.name));
  return el('reference', { anchor: ref.id, target }, [
    el('front', {}, [el('title', {}, [ref.title]), ...authors, el('date', dateAttrs(date))]),
    ...series.map((s) => el('seriesInfo', { name: s.name, value: s.value })),
  ], ref.loc);
}

export function referencesSection(title: string, refs: XElement[]): XElement[] {
  if (!refs.length) return [];
  const sorted = [...refs].sort((a, b) => (a.attrs.anchor! < b.attrs.anchor! ? -1 : a.attrs.anchor! > b.attrs.anchor! ? 1 : 0));
  return [el('references', {}, [el('name', {}, [title]), ...sorted])];
}
