/**
 * How a constraint of a schema node moved between two sides: tightened
 * (fewer values accepted) or loosened. Shared by the constraint-tightened
 * and constraint-loosened rule families.
 */
import { same, show } from '../canonical.js';

type Node = Record<string, unknown>;
export type Movement = 'tightened' | 'loosened';

export interface ConstraintChange {
  field: string;
  movement: Movement;
  message: string;
}

const LOWER = ['minLength', 'minItems', 'minimum', 'exclusiveMinimum'];
const UPPER = ['maxLength', 'maxItems', 'maximum', 'exclusiveMaximum'];

/** Presence: adding the constraint tightens, dropping it loosens, changing it is taken as tightening (conservative). */
function presence(a: unknown, b: unknown): Movement {
  if (a === undefined) return 'tightened';
  if (b === undefined) return 'loosened';
  return 'tightened';
}

function openness(v: unknown): number {
  if (v === false) return 0;
  if (v === undefined) return 2;
  return 1;
}

export function constraintChanges(from: Node, to: Node): ConstraintChange[] {
  const out: ConstraintChange[] = [];
  const msg = (field: string, a: unknown, b: unknown, m: Movement): ConstraintChange => ({ field, movement: m, message: `${field} ${m}: ${show(a)} -> ${show(b)}` });
  if (from.type !== to.type) return out;
  for (const f of LOWER) {
    const a = from[f] as number | undefined;
    const b = to[f] as number | undefined;
    if (a === b) continue;
    out.push(msg(f, a, b, (b ?? -Infinity) > (a ?? -Infinity) ? 'tightened' : 'loosened'));
  }
  for (const f of UPPER) {
    const a = from[f] as number | undefined;
    const b = to[f] as number | undefined;
    if (a === b) continue;
    out.push(msg(f, a, b, (b ?? Infinity) < (a ?? Infinity) ? 'tightened' : 'loosened'));
  }
  if (!same(from.pattern, to.pattern)) out.push(msg('pattern', from.pattern, to.pattern, presence(from.pattern, to.pattern)));
  if (Boolean(from.uniqueItems) !== Boolean(to.uniqueItems)) out.push(msg('uniqueItems', from.uniqueItems, to.uniqueItems, to.uniqueItems ? 'tightened' : 'loosened'));
  if (!same(from.keys, to.keys)) {
    const a = (from.keys ?? {}) as Node;
    const b = (to.keys ?? {}) as Node;
    const moves = ['format', 'pattern'].filter((k) => !same(a[k], b[k])).map((k) => presence(a[k], b[k]));
    out.push(msg('keys', from.keys, to.keys, moves.includes('tightened') ? 'tightened' : 'loosened'));
  }
  const apA = from.additionalProperties;
  const apB = to.additionalProperties;
  const bothSchemas = apA && apB && typeof apA === 'object' && typeof apB === 'object';
  if (!bothSchemas && !same(apA, apB)) out.push(msg('additionalProperties', apA, apB, openness(apB) < openness(apA) ? 'tightened' : 'loosened'));
  // One side without a format or an enum: adding one restricts the values.
  if ((from.format === undefined) !== (to.format === undefined)) out.push(msg('format', from.format, to.format, presence(from.format, to.format)));
  if ((from.enum === undefined) !== (to.enum === undefined)) {
    const values = (e: unknown) => (e as { value: unknown }[] | undefined)?.map((v) => v.value);
    out.push(msg('enum', values(from.enum), values(to.enum), presence(from.enum, to.enum)));
  }
  return out;
}
