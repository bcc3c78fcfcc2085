/**
 * Which named schemas need separate request and response shapes: those with
 * a readOnly (or writeOnly) field somewhere inside, directly or through the
 * schemas they reference. The others are one type used both ways.
 */
import type { EditionModel, SchemaNode } from '../../src/ir/types.js';
import { forEachSchemaNode } from '../../src/ir/schema-walk.js';

export interface ReadWriteSplit {
  /** Schemas whose response (read) shape differs from the full type: a writeOnly field inside. */
  read: Set<string>;
  /** Schemas whose request (write) shape differs: a readOnly field inside. */
  write: Set<string>;
}

/** Whether a readOnly or writeOnly field is anywhere inside, and the named schemas it references. */
export function nodeFlags(node: SchemaNode): { ro: boolean; wo: boolean; refs: Set<string> } {
  const flags = { ro: false, wo: false, refs: new Set<string>() };
  forEachSchemaNode(node, (n) => {
    if (n.type === 'ref') flags.refs.add(n.ref);
    if (n.type !== 'object') return;
    for (const b of n.extends ?? []) flags.refs.add(b);
    for (const p of n.properties) {
      if (p.schema.readOnly) flags.ro = true;
      if (p.schema.writeOnly) flags.wo = true;
    }
  });
  return flags;
}

export function readWriteSplit(model: EditionModel): ReadWriteSplit {
  const info = new Map(model.schemas.map((s) => [s.name, nodeFlags(s.schema)]));
  const grow = (seed: (f: { ro: boolean; wo: boolean }) => boolean): Set<string> => {
    const set = new Set([...info].filter(([, f]) => seed(f)).map(([n]) => n));
    for (let changed = true; changed;) {
      changed = false;
      for (const [n, f] of info) {
        if (!set.has(n) && [...f.refs].some((r) => set.has(r))) {
          set.add(n);
          changed = true;
        }
      }
    }
    return set;
  };
  return { read: grow((f) => f.wo), write: grow((f) => f.ro) };
}

/** Whether a node (with what it references) reads differently in some mode. */
export function nodeDiffers(node: SchemaNode, split: ReadWriteSplit): boolean {
  const f = nodeFlags(node);
  return f.ro || f.wo || [...f.refs].some((r) => split.read.has(r) || split.write.has(r));
}
