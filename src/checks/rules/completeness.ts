/** RPCs have a complete example and elements have descriptions: a spec readers and SDKs can rely on. */
import type { SchemaNode } from '../../ir/types.js';
import type { Check } from '../check.js';

export const completeness: Check = {
  id: 'completeness',
  codes: ['MX4002', 'MX4003'],
  description: 'Every RPC has an example with request and response; RPCs, properties, schemas, event types and blocks have descriptions.',
  run({ program, report }) {
    const props = (owner: string, node: SchemaNode): void => {
      if (node.type === 'object') {
        for (const p of node.properties) {
          if (!p.schema.description && p.schema.type !== 'ref') report.add('MX4003', `property "${p.name}" of ${owner} has no description`, p.loc);
          props(owner, p.schema);
        }
      } else if (node.type === 'array') props(owner, node.items);
      else if (node.type === 'map') props(owner, node.values);
      else if (node.type === 'union') for (const m of node.oneOf) props(owner, m);
    };
    for (const r of program.rpcs) {
      if (!r.examples.some((e) => e.request !== undefined && e.response !== undefined)) {
        report.add('MX4002', `RPC "${r.name}" has no example with both request and response`, r.loc);
      }
      if (!r.description) report.add('MX4003', `RPC "${r.name}" has no description`, r.loc);
      props(`RPC ${r.name} request`, r.request);
      props(`RPC ${r.name} response`, r.response);
    }
    for (const s of program.schemas) {
      if (!s.schema.description) report.add('MX4003', `schema "${s.name}" has no description`, s.loc);
      props(`schema ${s.name}`, s.schema);
    }
    for (const e of program.eventTypes) props(`event type ${e.name}`, e.content);
    for (const b of program.contentBlocks) props(`content block ${b.name}`, b.schema);
  },
};
