/**
 * Port records of Markdown edition blocks. Projection unwraps `:::edition`
 * containers, but the document keeps its whole mdast and the unwrapped
 * blocks keep their source positions, so a changed block is matched to the
 * container it came from.
 */
import type { RootContent } from 'mdast';
import type { DocumentIR, EditionId, PortRecord, PortStatus } from '../ir/types.js';
import { mayHoldBlocks } from '../ir/flow-content.js';

interface Container {
  start: number;
  end: number;
  port: PortRecord;
}

const cache = new WeakMap<DocumentIR['mdast'], Container[]>();

function containers(doc: DocumentIR): Container[] {
  const hit = cache.get(doc.mdast);
  if (hit) return hit;
  const out: Container[] = [];
  const visit = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'containerDirective' && (n as { name?: string }).name === 'edition' && n.position) {
        const a = (n as { attributes?: Record<string, string | null | undefined> | null }).attributes ?? {};
        if (a.status) {
          const port: PortRecord = { status: a.status as PortStatus, loc: { file: doc.file, line: n.position.start.line, column: n.position.start.column } };
          if (a.origin) port.origin = a.origin as EditionId;
          if (a.msc && /^\d+$/.test(a.msc)) port.msc = Number(a.msc);
          if (a.reason) port.reason = a.reason;
          if (a.note) port.note = a.note;
          out.push({ start: n.position.start.offset ?? 0, end: n.position.end.offset ?? 0, port });
        }
      }
      if (mayHoldBlocks(n)) visit(n.children as RootContent[]);
    }
  };
  visit(doc.mdast.children as RootContent[]);
  cache.set(doc.mdast, out);
  return out;
}

/** The port record of the innermost edition block holding any of these blocks. */
export function editionBlockPort(doc: DocumentIR | undefined, blocks: RootContent[]): PortRecord | undefined {
  if (!doc) return undefined;
  const cs = containers(doc);
  if (!cs.length) return undefined;
  for (const b of blocks) {
    const off = b.position?.start.offset;
    if (off === undefined) continue;
    const inside = cs.filter((c) => c.start < off && off < c.end).sort((x, y) => (y.start - x.start));
    if (inside.length) return inside[0]!.port;
  }
  return undefined;
}

/** The distinct port records of the edition blocks holding these blocks, in block order. */
export function editionBlockPorts(doc: DocumentIR | undefined, blocks: RootContent[]): PortRecord[] {
  const out: PortRecord[] = [];
  for (const b of blocks) {
    const p = editionBlockPort(doc, [b]);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
