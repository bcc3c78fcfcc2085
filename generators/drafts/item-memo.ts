/**
 * Rendered draft items (an RPC, a binding, a schema, a content block, an
 * event or EDU type) remembered across renderings, for `mxspec watch`.
 *
 * Every rebuild renders the whole draft set again (the checks need it), and
 * rendering items was most of an edit's main-thread time although an edit
 * changes one item at most. An item's rendering depends only on: the item
 * itself (including its source locations), the document it is placed in,
 * where every item is placed (placements), the drafts' names, the room
 * versions' display names (links to them) and, for a binding, the summary
 * of its RPC. `memoItem` keys on exactly those: the item, and the context's
 * `surroundings` (draftSurroundings, computed once per rendering).
 *
 * Rendering also has side effects on the draft's context: citations, xrefs
 * to check, cross-draft xrefs to number, folded code blocks, the first BCP 14
 * keyword and diagnostics. An item is therefore rendered into a fresh
 * context that records them; a later use replays the recording into the
 * real context on a fresh copy of the item's elements (the draft passes
 * after rendering change elements in place, so the remembered tree is never
 * handed out). Off for one-shot builds, where no item is rendered twice:
 * the drafts generator turns it on when more builds follow.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { SourceLocation } from '../../src/ir/types.js';
import type { RenderContext } from './context.js';
import { jsonText } from '../../src/ir/json-text.js';
import { el, isElement, type XElement, type XNode } from './xml.js';

/** What an item renderer returns (see render-ir.ts). */
export interface MemoItem {
  anchor: string;
  title: XNode[];
  body: XElement[];
  loc: SourceLocation;
}

type Path = number[];

interface Recording {
  /** title and body under one root element, so every element has a path. */
  root: XElement;
  anchor: string;
  loc: SourceLocation;
  cited: [string, SourceLocation][];
  xrefs: { path: Path; loc: SourceLocation }[];
  crossDraft: { path: Path; doc: string; anchor: string; loc: SourceLocation }[];
  folded: Path[];
  firstKeyword?: { word: string; loc: SourceLocation };
  diagnostics: Diagnostic[];
}

/** Beyond this many remembered items the oldest are dropped (a long watch session must not grow without end). */
const LIMIT = 20_000;

let enabled = false;
/**
 * Recordings made in one set of surroundings. Every item of a rendering
 * shares them, and they change only when items move or drafts are renamed,
 * so they are compared once per lookup instead of being part of each key
 * (as part of the key, the long surroundings text was hashed for every item:
 * most of the memo's own cost). New surroundings start an empty memo.
 */
let memoSurroundings: string | undefined;
let memo = new Map<string, Recording>();

export function setItemMemo(on: boolean): void {
  enabled = on;
  if (!on) {
    memo.clear();
    memoSurroundings = undefined;
  }
}

export function itemMemoSize(): number {
  return memo.size;
}

/** What every item of a rendering reads besides itself and its document, as text; undefined while off. */
export function draftSurroundings(placements: RenderContext['placements'], drafts: RenderContext['drafts'], model: RenderContext['model']): string | undefined {
  if (!enabled) return undefined;
  return JSON.stringify([
    [...placements],
    [...drafts.values()].map((d) => [d.doc.id, d.docName, d.revision, d.referenceAnchor]),
    model.roomVersions.map((r) => [r.id, r.displayId]),
  ]);
}

/**
 * Renders `item` with `render`, or replays an earlier rendering of the same
 * item in the same surroundings. `extra` is anything else from the model
 * the renderer reads (JSON-serialisable).
 */
export function memoItem<T>(kind: string, item: T, ctx: RenderContext, render: (item: T, ctx: RenderContext) => MemoItem, extra?: unknown): MemoItem {
  if (ctx.surroundings === undefined) return render(item, ctx);
  ctx.renderedItems?.push(item as object);
  // Within a rendering this compares one string object with itself; a new rendering compares the text once.
  if (ctx.surroundings !== memoSurroundings) memo = new Map();
  memoSurroundings = ctx.surroundings;
  const key = `${kind}\u0000${ctx.doc.id}\u0000${jsonText(item)}\u0000${JSON.stringify(extra ?? null)}`;
  let rec = memo.get(key);
  if (!rec) {
    rec = record(item, ctx, render);
    if (!rec) return render(item, ctx);
    if (memo.size >= LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(key, rec);
  }
  return replay(rec, ctx);
}

/** Renders into a recording context; undefined when a side effect points outside the item (then it is not remembered). */
function record<T>(item: T, ctx: RenderContext, render: (item: T, ctx: RenderContext) => MemoItem): Recording | undefined {
  const bag = new DiagnosticBag();
  const rctx: RenderContext = {
    ...ctx,
    report: bag,
    cited: new Map(),
    xrefs: [],
    crossDraft: [],
    folded: [],
    firstKeyword: undefined,
  };
  const out = render(item, rctx);
  const root = el('item', {}, [el('title', {}, out.title), el('body', {}, out.body)]);
  const paths = new Map<XElement, Path>();
  const walk = (e: XElement, path: Path): void => {
    paths.set(e, path);
    e.children.forEach((c, i) => {
      if (isElement(c)) walk(c, [...path, i]);
    });
  };
  walk(root, []);
  const pathOf = (e: XElement): Path | undefined => paths.get(e);
  const xrefs = rctx.xrefs.map((x) => ({ path: pathOf(x.element), loc: x.loc }));
  const crossDraft = rctx.crossDraft.map((x) => ({ path: pathOf(x.element), doc: x.doc, anchor: x.anchor, loc: x.loc }));
  const folded = rctx.folded.map(pathOf);
  if (xrefs.some((x) => !x.path) || crossDraft.some((x) => !x.path) || folded.some((p) => !p)) return undefined;
  // The original rendering is what gets remembered: the caller receives a copy, like every later use.
  return {
    root,
    anchor: out.anchor,
    loc: out.loc,
    cited: [...rctx.cited],
    xrefs: xrefs as Recording['xrefs'],
    crossDraft: crossDraft as Recording['crossDraft'],
    folded: folded as Path[],
    firstKeyword: rctx.firstKeyword,
    diagnostics: bag.items,
  };
}

function cloneElement(e: XElement): XElement {
  // Through el: attributes copied (a replay sets cross-draft numbers on its own copy), and the one element shape.
  return el(e.name, e.attrs, e.children.map((n) => (isElement(n) ? cloneElement(n) : n)), e.loc);
}

function at(root: XElement, path: Path): XElement {
  let e = root;
  for (const i of path) e = e.children[i] as XElement;
  return e;
}

function replay(rec: Recording, ctx: RenderContext): MemoItem {
  const root = cloneElement(rec.root);
  for (const [id, loc] of rec.cited) if (!ctx.cited.has(id)) ctx.cited.set(id, loc);
  for (const x of rec.xrefs) ctx.xrefs.push({ element: at(root, x.path), loc: x.loc });
  for (const x of rec.crossDraft) ctx.crossDraft.push({ element: at(root, x.path), doc: x.doc, anchor: x.anchor, loc: x.loc });
  for (const p of rec.folded) ctx.folded.push(at(root, p));
  if (rec.firstKeyword && !ctx.firstKeyword) ctx.firstKeyword = rec.firstKeyword;
  ctx.report.push(...rec.diagnostics);
  const [title, body] = root.children as [XElement, XElement];
  return { anchor: rec.anchor, title: title.children, body: body.children as XElement[], loc: rec.loc };
}
