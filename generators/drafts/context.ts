/** State shared while one draft is rendered: where things live, what was cited, what was folded. */
import type { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { DocumentIR, EditionModel, SourceLocation } from '../../src/ir/types.js';
import type { Placement } from './placements.js';
import type { XElement } from './xml.js';

/** An xref into another draft; its section number is known only once that draft is laid out. */
export interface CrossDraftXref {
  element: XElement;
  doc: string;
  anchor: string;
  loc: SourceLocation;
}

export interface DraftInfo {
  doc: DocumentIR;
  docName: string;
  revision: number;
  /** "I-D.x-y": how other drafts cite it. */
  referenceAnchor: string;
}

export interface RenderContext {
  model: EditionModel;
  doc: DocumentIR;
  drafts: Map<string, DraftInfo>;
  placements: Map<string, Placement>;
  report: DiagnosticBag;
  /** Reference id -> first place it is cited. */
  cited: Map<string, SourceLocation>;
  /** Internal xrefs to check once the tree is complete. */
  xrefs: { element: XElement; loc: SourceLocation }[];
  crossDraft: CrossDraftXref[];
  /** sourcecode elements folded per RFC 8792. */
  folded: XElement[];
  /** Anchors already placed by directive rendering (to put each item's anchor only once). */
  placedAnchors: Set<string>;
  /** Location of the BCP 14 boilerplate directive, if rendered. */
  boilerplate?: SourceLocation;
  /** First BCP 14 keyword rendered outside the boilerplate. */
  firstKeyword?: { word: string; loc: SourceLocation };
  /**
   * Set when rendered items are remembered across renderings (`mxspec watch`):
   * what an item's rendering reads besides the item, as text (see item-memo.ts).
   */
  surroundings?: string;
  /**
   * Set with `surroundings`: every item rendered in this draft, in order, so
   * that a later rendering can tell by identity whether all of them are
   * still in the model unchanged (draft-set.ts).
   */
  renderedItems?: object[];
}

export function newContext(model: EditionModel, doc: DocumentIR, drafts: Map<string, DraftInfo>, placements: Map<string, Placement>, report: DiagnosticBag): RenderContext {
  return { model, doc, drafts, placements, report, cited: new Map(), xrefs: [], crossDraft: [], folded: [], placedAnchors: new Set() };
}

export function cite(ctx: RenderContext, id: string, loc: SourceLocation): void {
  if (!ctx.cited.has(id)) ctx.cited.set(id, loc);
}
