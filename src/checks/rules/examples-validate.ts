/** Every example validates against its schema in every edition that has both. */
import { EDITION_IDS, type SchemaNode, type SourceLocation } from '../../ir/types.js';
import { EditionValidator, SchemaConversions, describeError } from '../../ir/validator.js';
import { locateInValue } from '../../load/yaml-located.js';
import type { Check } from '../check.js';

/** Verdicts are remembered across builds only when builds follow (validateRemembered costs a walk per example). */
let remember = false;

export const examplesValidate: Check = {
  id: 'examples-validate',
  codes: ['MX4001'],
  description: 'RPC, schema, content-block, event-type and EDU examples validate against their schemas (JSON Schema 2020-12, ajv) in each edition.',
  prepare({ rebuilds }) {
    remember = rebuilds;
  },
  run({ models, report }) {
    const reported = new Set<string>();
    // One set of conversions for both editions' validators (they share most schema nodes), let go after the run.
    const conversions = new SchemaConversions();
    for (const edition of EDITION_IDS) {
      const model = models[edition];
      const v = new EditionValidator(model, conversions);
      const check = (what: string, node: SchemaNode, data: unknown, fallback: SourceLocation): void => {
        const err = remember ? v.validateRemembered(node, data) : v.validate(node, data);
        if (!err) return;
        const loc = locateInValue(data, err.instancePath) ?? fallback;
        const k = `${loc.file}:${loc.line}:${loc.column}`;
        if (reported.has(k)) return;
        reported.add(k);
        report.add('MX4001', `${what} does not validate in edition ${edition}: ${describeError(err)}`, loc);
      };
      for (const r of model.rpcs) {
        for (const ex of r.examples) {
          if (ex.request !== undefined) check(`request example "${ex.name}" of ${r.name}`, r.request, ex.request, ex.loc);
          if (ex.response !== undefined) check(`response example "${ex.name}" of ${r.name}`, r.response, ex.response, ex.loc);
        }
      }
      for (const s of model.schemas) for (const ex of s.schema.examples ?? []) check(`example of schema ${s.name}`, s.schema, ex, s.loc);
      for (const b of model.contentBlocks) for (const ex of b.examples ?? []) check(`example of content block ${b.name}`, b.schema, ex, b.loc);
      for (const e of model.eventTypes) {
        for (const ex of e.examples ?? []) {
          const ev = ex as { type?: unknown; content?: unknown };
          if (ev.type !== undefined && ev.type !== e.name) {
            const loc = locateInValue(ex, '/type') ?? e.loc;
            report.add('MX4001', `example of event type ${e.name} has type ${JSON.stringify(ev.type)}`, loc);
            continue;
          }
          check(`example of event type ${e.name}`, e.content, ev.content, e.loc);
          const msgtype = (ev.content as { msgtype?: unknown } | undefined)?.msgtype;
          const mt = e.msgtypes?.find((m) => m.name === msgtype);
          if (mt) check(`example of ${e.name} (${mt.name})`, mt.schema, ev.content, mt.loc);
        }
      }
      for (const e of model.eduTypes) {
        for (const ex of e.examples ?? []) {
          const edu = ex as { content?: unknown };
          check(`example of EDU type ${e.name}`, e.content, edu.content !== undefined ? edu.content : ex, e.loc);
        }
      }
    }
  },
};
