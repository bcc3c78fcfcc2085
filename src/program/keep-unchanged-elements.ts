/**
 * After an edit, `mxspec watch` parses the edited YAML file again, whole, so
 * every element of the file is a new object, although an edit usually
 * changes one of them. Everything after parsing tells unchanged elements by
 * identity (projection, the diff's pair memo, the drafts' item memo, the
 * OpenAPI objects and the types' pieces), so each new object would be
 * projected, compared, rendered and converted again.
 *
 * Here an element of the new parse is replaced by the previous parse's
 * element of the same list and name when nothing about it can differ:
 *  - the same JSON (everything the IR holds, locations included, so it
 *    starts on the same line; and what it takes from outside its own text,
 *    such as an RPC's group), and
 *  - the same source lines: its span, from the line it starts on to the
 *    line before the next element of the file starts.
 *    Values that travelled into the IR as plain data (examples) find their
 *    locations through the parse that made them (yaml-located.ts); with the
 *    same text on the same lines those are the locations of the new text.
 * Only for files read by the plain path (no anchors, aliases or tags), where
 * an element's content lies within its span: an alias could show text from
 * another element's span.
 */
import { jsonText } from '../ir/json-text.js';
import { ELEMENT_LISTS, type ElementList, type SourceLocation } from '../ir/types.js';

/** A file's elements by list, in the order the file gives them. */
export type ElementLists = Partial<Record<ElementList, object[]>>;

/** What one parse of a file gives for keeping elements across parses. */
export interface ParsedElements {
  lists: ElementLists;
  /** The file's text as parsed. */
  text: string;
  /** Whether the file was read by the plain path (see the module comment). */
  plain: boolean;
}

type Element = { name?: unknown; rpc?: unknown; id?: unknown; loc?: SourceLocation };

function keyOf(list: ElementList, el: Element): string | undefined {
  const name = el.name ?? el.rpc ?? el.id;
  return typeof name === 'string' ? `${list}\u0000${name}` : undefined;
}

/** Each element's span as text; elements without a location have none. */
function spans(parsed: ParsedElements): Map<object, string> {
  const placed: { el: object; line: number; column: number }[] = [];
  for (const list of ELEMENT_LISTS) {
    for (const el of parsed.lists[list] ?? []) {
      const loc = (el as Element).loc;
      if (loc) placed.push({ el, line: loc.line, column: loc.column });
    }
  }
  placed.sort((a, b) => a.line - b.line || a.column - b.column);
  const lines = parsed.text.split('\n');
  const out = new Map<object, string>();
  placed.forEach((p, i) => {
    const end = i + 1 < placed.length ? Math.max(placed[i + 1]!.line - 1, p.line) : lines.length;
    out.set(p.el, lines.slice(p.line - 1, end).join('\n'));
  });
  return out;
}

/**
 * Replaces, in `next.lists`, each element that is the same as the element
 * of the same list and name in `previous` (see the module comment) by that
 * element. Returns how many were kept.
 */
export function keepUnchangedElements(previous: ParsedElements, next: ParsedElements): number {
  if (!previous.plain || !next.plain) return 0;
  const before = new Map<string, object>();
  for (const list of ELEMENT_LISTS) {
    for (const el of previous.lists[list] ?? []) {
      const k = keyOf(list, el as Element);
      if (k !== undefined) before.set(k, el);
    }
  }
  if (before.size === 0) return 0;
  let spansBefore: Map<object, string> | undefined;
  let spansNext: Map<object, string> | undefined;
  let kept = 0;
  for (const list of ELEMENT_LISTS) {
    const els = next.lists[list];
    if (!els) continue;
    els.forEach((el, i) => {
      const k = keyOf(list, el as Element);
      const old = k === undefined ? undefined : before.get(k);
      if (!old || jsonText(old) !== jsonText(el)) return;
      spansBefore ??= spans(previous);
      spansNext ??= spans(next);
      const span = spansBefore.get(old);
      if (span === undefined || span !== spansNext.get(el)) return;
      els[i] = old;
      kept++;
    });
  }
  return kept;
}
