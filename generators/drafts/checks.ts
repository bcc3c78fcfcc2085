/**
 * What mxspec checks on each draft itself, because the RFC XML schema is
 * permissive and idnits runs only after submission: names, anchors,
 * cross-references, section order, required sections, BCP 14, references
 * (unused, missing, obsolete, downrefs), code width, ASCII and authors.
 */
import type { Reference, SourceLocation } from '../../src/ir/types.js';
import type { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { RenderContext } from './context.js';
import { ANCHOR_PATTERN, docNameProblems, RESERVED_ANCHOR_PREFIXES } from './docname.js';
import { CODE_WIDTH } from './json-layout.js';
import { isElement, textOf, type XElement } from './xml.js';

/**
 * Every element of a draft in document order (depth first, parents before
 * children), with what the element checks need to know about where each
 * sits, gathered once for all of them: each used to walk the whole tree
 * itself, five walks of a draft that holds ~150 000 elements at 50×. Kept
 * as three parallel arrays rather than an object per element: those objects
 * were made while the heap was at its fullest and lived through the checks
 * (gathering them took ~0.5 s of a 50× build, the arrays ~0.27 s).
 */
export interface PlacedElements {
  readonly elements: XElement[];
  /** Each element's own location, else its nearest ancestor's, else the document's. */
  readonly locs: SourceLocation[];
  /** Whether each element is a <u> or inside one (where non-ASCII text is marked). */
  readonly inU: boolean[];
}

export function placedElements(rfc: XElement, fallback: SourceLocation): PlacedElements {
  const placed: PlacedElements = { elements: [], locs: [], inU: [] };
  const visit = (e: XElement, parentLoc: SourceLocation, parentInU: boolean): void => {
    const loc = e.loc ?? parentLoc;
    const inU = parentInU || e.name === 'u';
    placed.elements.push(e);
    placed.locs.push(loc);
    placed.inU.push(inU);
    for (const c of e.children) if (isElement(c)) visit(c, loc, inU);
  };
  visit(rfc, fallback, false);
  return placed;
}

export function checkDocName(ctx: RenderContext, rfc: XElement): void {
  const info = ctx.drafts.get(ctx.doc.id)!;
  const loc = ctx.model.edition.documents[ctx.doc.id]?.loc ?? ctx.doc.loc;
  const problems = docNameProblems(info.docName);
  if (problems.length) ctx.report.add('MX7001', `docName "${info.docName}" ${problems.join('; ')}`, loc);
  if (!Number.isInteger(info.revision) || info.revision < 0 || info.revision > 99) {
    ctx.report.add('MX7001', `revision ${info.revision} of ${info.docName} must be a whole number from 0 to 99`, loc);
  }
  const series = rfc.children.find((c): c is XElement => isElement(c) && c.name === 'front')?.children.find((c): c is XElement => isElement(c) && c.name === 'seriesInfo');
  if (series?.attrs.value !== rfc.attrs.docName) ctx.report.add('MX7001', `seriesInfo "${series?.attrs.value}" does not match docName "${rfc.attrs.docName}"`, loc);
}

export function checkAnchors(ctx: RenderContext, { elements, locs }: PlacedElements): Set<string> {
  const seen = new Map<string, SourceLocation>();
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    const a = e.attrs.anchor;
    if (a === undefined) continue;
    const loc = locs[i]!;
    if (!ANCHOR_PATTERN.test(a)) ctx.report.add('MX7002', `anchor "${a}" is not a valid XML id; start with a letter and use letters, digits, "-", "_" or "."`, loc);
    const lower = a.toLowerCase();
    const reserved = RESERVED_ANCHOR_PREFIXES.find((p) => lower.startsWith(p));
    if (reserved && e.name !== 'reference') ctx.report.add('MX7002', `anchor "${a}" starts with "${reserved}", which xml2rfc reserves for the anchors it generates; choose another anchor`, loc);
    const prev = seen.get(a);
    if (prev) ctx.report.add('MX7002', `anchor "${a}" is used twice in ${ctx.doc.file}'s draft`, loc, [{ loc: prev, message: 'first used here' }]);
    else seen.set(a, loc);
  }
  return new Set(seen.keys());
}

export function checkXrefs(ctx: RenderContext, { elements, locs }: PlacedElements, anchors: Set<string>): void {
  const xrefLocs = new Map(ctx.xrefs.map((x) => [x.element, x.loc]));
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (e.name !== 'xref') continue;
    const t = e.attrs.target ?? '';
    if (anchors.has(t)) continue;
    // Citations of unlisted references are reported as missing references (MX7006).
    if (ctx.cited.has(t)) continue;
    ctx.report.add('MX7003', `cross-reference to "${t}", which is not an anchor of this draft`, xrefLocs.get(e) ?? locs[i]!);
  }
}

/** Within <middle> and <back>, and inside every section: once a sibling is unnumbered, no numbered one may follow. */
export function checkSectionOrder(ctx: RenderContext, { elements }: PlacedElements): void {
  for (const e of elements) {
    if (e.name !== 'middle' && e.name !== 'back' && e.name !== 'section') continue;
    let unnumbered: XElement | undefined;
    for (const c of e.children) {
      if (!isElement(c) || c.name !== 'section') continue;
      if (c.attrs.numbered === 'false') unnumbered ??= c;
      else if (unnumbered) {
        ctx.report.add('MX7004', `section "${sectionName(c)}" is numbered but follows the unnumbered section "${sectionName(unnumbered)}"; move it before, or mark it {.unnumbered}`, c.loc ?? ctx.doc.loc, unnumbered.loc ? [{ loc: unnumbered.loc, message: 'unnumbered section' }] : undefined);
      }
    }
  }
}

function sectionName(s: XElement): string {
  const n = s.children.find((c): c is XElement => isElement(c) && c.name === 'name');
  return n ? textOf(n) : s.attrs.anchor ?? '';
}

export function checkRequiredSections(ctx: RenderContext, rfc: XElement): void {
  const middle = rfc.children.find((c): c is XElement => isElement(c) && c.name === 'middle');
  const names = (middle?.children ?? []).filter((c): c is XElement => isElement(c) && c.name === 'section').map(sectionName);
  for (const needed of ['Security Considerations', 'IANA Considerations']) {
    if (names.includes(needed)) continue;
    const near = names.find((n) => n.toLowerCase() === needed.toLowerCase());
    ctx.report.add('MX5003', near
      ? `the draft of ${ctx.doc.file} titles a section "${near}"; the IETF tools look for exactly "${needed}"`
      : `the draft of ${ctx.doc.file} has no top-level "${needed}" section`, ctx.doc.loc);
  }
}

export function checkBcp14(ctx: RenderContext): void {
  if (ctx.firstKeyword && !ctx.boilerplate) {
    ctx.report.add('MX5001', `"${ctx.firstKeyword.word}" is a BCP 14 keyword rendered into the draft of ${ctx.doc.file}, which has no ::bcp14-boilerplate; add it to the conventions section or write the word in lower case`, ctx.firstKeyword.loc);
  }
}

const LOWER_STATUS = new Set<Reference['status']>(['informational', 'experimental', 'historic']);

export function checkReferences(ctx: RenderContext): void {
  const { doc, model } = ctx;
  const listed = new Set([...doc.normative, ...doc.informative]);
  for (const [id, loc] of ctx.cited) {
    if (!listed.has(id)) {
      const where = model.references[id] ? 'add it to "normative" or "informative" in the front matter' : `add it to spec/references.yaml and to the front matter`;
      ctx.report.add('MX7006', `${id} is cited in the draft of ${doc.file} but not listed as a reference; ${where}`, loc);
    }
  }
  for (const id of listed) {
    if (!ctx.cited.has(id)) ctx.report.add('MX7005', `${id} is listed as a reference of ${doc.file} but never cited; cite it with [](ref:${id}) or remove it`, doc.loc);
  }
  for (const id of listed) {
    const ref = model.references[id];
    if (ref?.obsoletedBy?.length) ctx.report.add('MX7007', `${id} is obsoleted by ${ref.obsoletedBy.join(', ')}; cite the newer document`, doc.loc, [{ loc: ref.loc, message: `${id} is defined here` }]);
  }
  if (doc.category === 'std' || doc.category === 'bcp') {
    for (const id of doc.normative) {
      const ref = model.references[id];
      if (!ref) continue;
      const sibling = [...ctx.drafts.values()].find((d) => d.referenceAnchor === id);
      const lower = sibling ? sibling.doc.category === 'info' || sibling.doc.category === 'exp' : LOWER_STATUS.has(ref.status);
      if (lower) ctx.report.add('MX7008', `normative reference ${id} (${sibling ? sibling.doc.category : ref.status}) is a downref from this ${doc.category} document; make it informative or note the downref for the IESG (RFC 8067)`, doc.loc);
    }
  }
}

export function checkCodeWidth(ctx: RenderContext, { elements, locs }: PlacedElements): void {
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (e.name !== 'sourcecode' && e.name !== 'artwork') continue;
    // Line lengths read off the text by its newlines: no array of lines for code that is almost always narrow enough.
    const text = textOf(e);
    const wide: number[] = [];
    let widest = 0;
    for (let start = 0, n = 1; start <= text.length; n++) {
      const end = text.indexOf('\n', start);
      const len = (end < 0 ? text.length : end) - start;
      if (len > CODE_WIDTH) {
        wide.push(n);
        widest = Math.max(widest, len);
      }
      if (end < 0) break;
      start = end + 1;
    }
    if (wide.length) ctx.report.add('MX7009', `code line ${wide.join(', ')} is wider than ${CODE_WIDTH} columns (${widest}); an Internet-Draft allows 72 minus the figure indent`, locs[i]!);
  }
}

export function checkAscii(ctx: RenderContext, { elements, locs, inU }: PlacedElements): void {
  const bad = /[^\x20-\x7E\n\t]/u;
  // The same test by code unit, which is all most text needs: a Unicode-mode search is several times slower.
  const badUnit = /[^\x20-\x7E\n\t]/;
  const reported = new Set<string>();
  const check = (e: XElement, loc: SourceLocation, s: string, inAttribute: boolean): void => {
    if (!badUnit.test(s)) return;
    const m = bad.exec(s);
    if (!m) return;
    const k = `${loc.file}:${loc.line}:${loc.column}`;
    if (reported.has(k)) return;
    reported.add(k);
    const cp = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const where = inAttribute ? `an attribute of <${e.name}>` : `<${e.name}>`;
    ctx.report.add('MX7010', `non-ASCII character U+${cp} ("${m[0]}") in ${where}, where the draft cannot mark it: mxspec wraps non-ASCII prose in <u> and escapes it in JSON examples (RFC 7997), but titles, section names, anchors, definition terms, link text and non-JSON code must be ASCII; use an ASCII equivalent`, loc);
  };
  for (let i = 0; i < elements.length; i++) {
    if (inU[i]) continue;
    const e = elements[i]!;
    const loc = locs[i]!;
    for (const c of e.children) if (typeof c === 'string') check(e, loc, c, false);
    for (const k in e.attrs) {
      const v = e.attrs[k];
      if (v !== undefined) check(e, loc, v, true);
    }
  }
}

/** `seen` holds authors already reported by another draft of the set. */
export function checkAuthors(ctx: RenderContext, seen: Set<string>): void {
  const { doc, model } = ctx;
  if (!doc.authors.length) ctx.report.add('MX7011', `${doc.file} has no authors; an Internet-Draft needs at least one (front matter "authors")`, doc.loc);
  for (const id of doc.authors) {
    const a = model.authors[id];
    if (seen.has(id)) continue;
    seen.add(id);
    if (a && !a.email) ctx.report.add('MX7011', `author "${id}" (${a.fullname}) has no email address; every author of an Internet-Draft needs one`, a.loc);
  }
}

/** Adds only diagnostics the bag does not already hold (the check phase may have reported them). */
export function mergeDiagnostics(into: DiagnosticBag, from: DiagnosticBag): void {
  const key = (d: { code: string; message: string; loc?: SourceLocation }): string => `${d.code}|${d.loc?.file}|${d.loc?.line}|${d.loc?.column}|${d.message}`;
  const have = new Set(into.items.map(key));
  for (const d of from.items) {
    const k = key(d);
    if (have.has(k)) continue;
    have.add(k);
    into.push(d);
  }
}
