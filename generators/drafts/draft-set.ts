/**
 * Renders every draft of the ietf edition together: placements and section
 * numbers of one draft are needed by the others (cross-draft references),
 * so the set is built in two passes and then checked.
 */
import { DiagnosticBag, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { EditionModel } from '../../src/ir/types.js';
import type { OutputFile } from '../generator.js';
import { cite, newContext, type DraftInfo, type RenderContext } from './context.js';
import { draftReferenceAnchor, versionedName } from './docname.js';
import { computePlacements, type Placement } from './placements.js';
import { draftSurroundings } from './item-memo.js';
import { createHash } from 'node:crypto';
import { hashModelParts } from '../../src/ir/model-key.js';
import { buildDraft } from './build-draft.js';
import { sectionNumbers } from './numbering.js';
import { el, isElement, toXmlDocument, type XElement } from './xml.js';
import { markNonAscii } from './non-ascii.js';
import {
  checkAnchors, checkAscii, checkAuthors, checkBcp14, checkCodeWidth, checkDocName, checkReferences, checkRequiredSections, checkSectionOrder, checkXrefs, placedElements,
} from './checks.js';

/** A draft's text; its element tree is not kept (at scale it is many times the size of the text). */
export interface RenderedDraft {
  docId: string;
  fileName: string;
  /** Undefined in a set rendered for its checks only (`texts: false`). */
  xml?: string;
}

export interface DraftSet {
  drafts: RenderedDraft[];
  diagnostics: DiagnosticBag;
  /** Whether each draft's text was made: not when only the checks were wanted (`mxspec check`, `diff`). */
  texts: boolean;
}

export interface RenderOptions {
  /**
   * Make each draft's XML text (default). Every check reads the element
   * trees, not the text, so a run that writes no drafts skips serialising
   * them: at 50× the shipped spec, 20 MB of XML.
   */
  texts?: boolean;
}

/** The documents of the edition that have a docName, with their draft facts. */
export function draftInfos(model: EditionModel): Map<string, DraftInfo> {
  const out = new Map<string, DraftInfo>();
  for (const doc of model.documents) {
    const meta = model.edition.documents[doc.id];
    if (!meta?.docName) continue;
    out.set(doc.id, { doc, docName: meta.docName, revision: meta.revision ?? 0, referenceAnchor: draftReferenceAnchor(meta.docName) });
  }
  return out;
}

/** Finds the parent of `target` in the tree. */
function parentOf(root: XElement, target: XElement): XElement | undefined {
  for (const c of root.children) {
    if (!isElement(c)) continue;
    if (c === target) return root;
    const p = parentOf(c, target);
    if (p) return p;
  }
  return undefined;
}

/** Before the first folded example, a sentence saying how to read the folding (RFC 8792 asks for it). */
function explainFolding(ctx: RenderContext, rfc: XElement): void {
  const first = ctx.folded[0];
  if (!first) return;
  let anchorEl = first;
  let parent = parentOf(rfc, first);
  if (parent?.name === 'figure') {
    anchorEl = parent;
    parent = parentOf(rfc, parent);
  }
  if (!parent) return;
  const listed = ctx.doc.normative.includes('RFC8792') || ctx.doc.informative.includes('RFC8792');
  const loc = first.loc ?? ctx.doc.loc;
  let ref;
  if (listed) {
    ref = el('xref', { target: 'RFC8792' });
    ctx.xrefs.push({ element: ref, loc });
    cite(ctx, 'RFC8792', loc);
  } else {
    ref = 'RFC 8792';
    ctx.report.add('MX7012', `a code block of ${ctx.doc.file} is too wide and was folded per RFC 8792; list RFC8792 under "informative" in the front matter so the draft can cite it`, loc);
  }
  const note = el('t', {}, ['Long lines in the examples of this document are folded as described in ', ref, '.']);
  parent.children.splice(parent.children.indexOf(anchorEl), 0, note);
}

/** A draft after its first pass (built, folding explained, non-ASCII marked), before cross-draft numbering. */
interface BuiltDraft {
  ctx: RenderContext;
  tree: XElement;
  info: DraftInfo;
  /** What the first pass reported (kept apart so a reused draft reports it again). */
  reported: Diagnostic[];
  /** The tree's section numbers by anchor, once computed. */
  sectionNumbers?: ReturnType<typeof sectionNumbers>;
  /**
   * The last checks of this tree and its text: what they reported, and the
   * inputs besides the tree they depend on (the cross-draft section numbers
   * and the authors earlier drafts of the set reported).
   */
  checked?: { numbers: string; authorsBefore: string; authorsAfter: string[]; reported: Diagnostic[]; text: string | undefined };
}

/**
 * Drafts built by earlier renderings, by document id, for `mxspec watch`
 * (only while items are remembered). A draft's first pass reads its own
 * document, the items it renders (recorded in `ctx.renderedItems`), where
 * every item is placed and the drafts' names (the surroundings), and the
 * rest of the model that is not an item (draftEnvironment). When none of
 * these changed — the items checked by identity, which projection keeps for
 * unchanged elements — the first pass is reused: an edit of one schema
 * rebuilds the draft that shows it and not the other three. Cross-draft
 * section numbers are redone on every rendering; the checks and the text of
 * a reused draft only when those numbers changed.
 */
const builtDrafts = new Map<string, { key: string; built: BuiltDraft }>();

/**
 * What a draft's first pass reads of the model apart from documents and the
 * items it renders: every part that is not an item list (edition, authors,
 * references, groups, room versions), which items exist and where they
 * belong (the directives select them by group, file or name), the RPC facts
 * other items show (a binding's RPC summary, the error table), and each
 * document's id and abstract.
 */
function draftEnvironment(model: EditionModel): string {
  const { documents, root: _root, rpcs, bindings, schemas, contentBlocks, eventTypes, eduTypes, ...rest } = model;
  const hash = hashModelParts(createHash('sha256'), rest);
  hash.update(JSON.stringify([
    rpcs.map((r) => [r.name, r.group, r.summary, r.errors.map((e) => e.code)]),
    bindings.map((b) => [b.rpc, b.group]),
    schemas.map((x) => [x.name, x.file]),
    contentBlocks.map((b) => b.name),
    eventTypes.map((e) => e.name),
    eduTypes.map((e) => e.name),
    documents.map((d) => [d.id, d.abstract]),
  ]));
  return hash.digest('hex');
}

let reusedFirstPasses = 0;
let reusedChecks = 0;

/** How many drafts' first passes and checks were reused since the process started (for tests). */
export function draftReuseCounts(): { firstPasses: number; checks: number } {
  return { firstPasses: reusedFirstPasses, checks: reusedChecks };
}

function buildFirstPass(model: EditionModel, info: DraftInfo, infos: Map<string, DraftInfo>, placements: Map<string, Placement>, surroundings: string | undefined): BuiltDraft {
  const own = new DiagnosticBag();
  const ctx = newContext(model, info.doc, infos, placements, own);
  ctx.surroundings = surroundings;
  if (surroundings !== undefined) ctx.renderedItems = [];
  const tree = buildDraft(ctx);
  explainFolding(ctx, tree);
  markNonAscii(tree);
  return { ctx, tree, info, reported: own.items };
}

export function renderDraftSet(model: EditionModel, opts: RenderOptions = {}): DraftSet {
  const texts = opts.texts ?? true;
  const diagnostics = new DiagnosticBag();
  const infos = draftInfos(model);
  const placements = computePlacements(model, [...infos.values()].map((i) => i.doc));
  const surroundings = draftSurroundings(placements, infos, model);
  const env = surroundings === undefined ? undefined : `${draftEnvironment(model)}\u0000${surroundings}`;
  if (env === undefined) builtDrafts.clear();
  const items = env === undefined ? undefined : new Set<object>([...model.rpcs, ...model.bindings, ...model.schemas, ...model.contentBlocks, ...model.eventTypes, ...model.eduTypes]);
  const built: BuiltDraft[] = [];
  for (const info of infos.values()) {
    const key = env === undefined || !info.doc.sourceHash ? undefined : `${env}\u0000${info.doc.id}\u0000${info.doc.sourceHash}`;
    const known = key === undefined ? undefined : builtDrafts.get(info.doc.id);
    let b: BuiltDraft;
    if (known && known.key === key && known.built.ctx.renderedItems!.every((item) => items!.has(item))) {
      b = known.built;
      reusedFirstPasses++;
      // Numbers from the last rendering are set again below, or stay unset.
      for (const x of b.ctx.crossDraft) {
        delete x.element.attrs.section;
        delete x.element.attrs.sectionFormat;
      }
    } else {
      b = buildFirstPass(model, info, infos, placements, surroundings);
      if (key !== undefined) builtDrafts.set(info.doc.id, { key, built: b });
    }
    b.ctx.report = diagnostics;
    diagnostics.push(...b.reported);
    built.push(b);
  }
  if (env !== undefined) for (const id of [...builtDrafts.keys()]) if (!infos.has(id)) builtDrafts.delete(id);
  // Second pass: section numbers for references into the other drafts.
  // Numbering reads sections only, which the second pass never changes: a reused draft keeps its numbers.
  const numbers = new Map(built.map((b) => [b.info.doc.id, (b.sectionNumbers ??= sectionNumbers(b.tree))]));
  for (const b of built) {
    for (const x of b.ctx.crossDraft) {
      const nums = numbers.get(x.doc);
      if (!nums?.has(x.anchor)) {
        diagnostics.add('MX7003', `cross-reference to "${x.anchor}" in the draft of document ${x.doc}, which has no such anchor`, x.loc);
        continue;
      }
      const n = nums.get(x.anchor);
      if (n && n !== 'appendix') {
        x.element.attrs.section = n;
        x.element.attrs.sectionFormat = 'of';
      }
    }
  }
  const drafts: RenderedDraft[] = [];
  const authorsSeen = new Set<string>();
  for (const b of built) {
    const { ctx, tree, info } = b;
    const fileName = `${versionedName(info.docName, info.revision)}.xml`;
    const crossNumbers = JSON.stringify(ctx.crossDraft.map((x) => x.element.attrs.section ?? ''));
    const authorsBefore = JSON.stringify([...authorsSeen]);
    // A new first pass has no `checked`; a reused one is checked again only if what the checks read changed.
    if (b.checked && b.checked.numbers === crossNumbers && b.checked.authorsBefore === authorsBefore && (b.checked.text !== undefined || !texts)) {
      reusedChecks++;
      diagnostics.push(...b.checked.reported);
      for (const a of b.checked.authorsAfter) authorsSeen.add(a);
      drafts.push({ docId: info.doc.id, fileName, xml: b.checked.text });
      continue;
    }
    const own = new DiagnosticBag();
    ctx.report = own;
    checkDocName(ctx, tree);
    const elements = placedElements(tree, ctx.doc.loc);
    const anchors = checkAnchors(ctx, elements);
    checkXrefs(ctx, elements, anchors);
    checkSectionOrder(ctx, elements);
    checkRequiredSections(ctx, tree);
    checkBcp14(ctx);
    checkReferences(ctx);
    checkCodeWidth(ctx, elements);
    checkAscii(ctx, elements);
    checkAuthors(ctx, authorsSeen);
    ctx.report = diagnostics;
    diagnostics.push(...own.items);
    // The tree did not change since the last text if the numbers did not; only the checks' inputs did.
    const kept = b.checked?.numbers === crossNumbers ? b.checked.text : undefined;
    const text = texts ? (kept ?? toXmlDocument(tree)) : undefined;
    b.checked = { numbers: crossNumbers, authorsBefore, authorsAfter: [...authorsSeen], reported: own.items, text };
    drafts.push({ docId: info.doc.id, fileName, xml: text });
  }
  return { drafts, diagnostics, texts };
}

const cache = new WeakMap<EditionModel, DraftSet>();

/** Whether the draft set of this model has been rendered already. */
export function draftsRendered(model: EditionModel): boolean {
  return cache.has(model);
}

/**
 * The draft set of a model, rendered once (the check phase and the generator
 * share it); rendered again only if its texts are wanted now and were not
 * made then.
 */
export function draftSetFor(model: EditionModel, opts: RenderOptions = {}): DraftSet {
  let s = cache.get(model);
  if (!s || (!s.texts && (opts.texts ?? true))) {
    s = renderDraftSet(model, opts);
    cache.set(model, s);
  }
  return s;
}

export function draftFiles(set: DraftSet, editionDir = 'ietf'): OutputFile[] {
  return set.drafts.map((d) => {
    if (d.xml === undefined) throw new Error(`the draft ${d.fileName} was rendered for its checks only; render it with its text to write it`);
    return { path: `${editionDir}/drafts/${d.fileName}`, content: d.xml };
  });
}
