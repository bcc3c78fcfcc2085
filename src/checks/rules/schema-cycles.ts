/**
 * A named schema may be recursive through an object property, array or map
 * (a legal recursive type), but not through references alone (A is B, B is
 * A) or through `extends`: those have no finite shape.
 */
import type { SchemaNode } from '../../ir/types.js';
import type { Check } from '../check.js';

/** Names a node *is* without any structure in between. */
function aliasTargets(node: SchemaNode): string[] {
  if (node.type === 'ref') return [node.ref];
  if (node.type === 'union') return node.oneOf.flatMap(aliasTargets);
  if (node.type === 'object') return node.extends ?? [];
  return [];
}

export const schemaCycles: Check = {
  id: 'schema-cycles',
  codes: ['MX2004'],
  description: 'Named schemas do not refer to themselves through references, unions or extends alone.',
  run({ program, report }) {
    const byName = new Map(program.schemas.map((s) => [s.name, s]));
    const state = new Map<string, 'visiting' | 'done'>();
    const reported = new Set<string>();
    const visit = (name: string, path: string[]): void => {
      const st = state.get(name);
      if (st === 'done') return;
      if (st === 'visiting') {
        const cycle = [...path.slice(path.indexOf(name)), name];
        const s = byName.get(name)!;
        const k = [...cycle].sort().join(',');
        if (!reported.has(k)) {
          reported.add(k);
          report.add('MX2004', `schema "${name}" is defined only in terms of itself (${cycle.join(' -> ')}); put the recursion inside an object property, array or map`, s.loc);
        }
        return;
      }
      const s = byName.get(name);
      if (!s) return;
      state.set(name, 'visiting');
      for (const t of aliasTargets(s.schema)) visit(t, [...path, name]);
      state.set(name, 'done');
    };
    for (const s of program.schemas) visit(s.name, []);
  },
};
