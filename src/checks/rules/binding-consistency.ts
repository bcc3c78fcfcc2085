/**
 * A binding agrees with its RPC: path parameters, query fields and headers
 * name request fields, no field is placed twice, errors map to statuses,
 * and no two bindings share method and path within an edition.
 */
import { EDITION_IDS, type SchemaNode, type SourceLocation } from '../../ir/types.js';
import type { Check } from '../check.js';

function isScalar(n: SchemaNode): boolean {
  return ['string', 'integer', 'number', 'boolean'].includes(n.type) || (n.type === 'array' && ['string', 'integer', 'number', 'boolean'].includes(n.items.type));
}

export const bindingConsistency: Check = {
  id: 'binding-consistency',
  codes: ['MX6001', 'MX6002', 'MX6003', 'MX6004', 'MX6005', 'MX6007'],
  description: 'Bindings place existing request fields once, map every RPC error to a status, and have unique method + path.',
  run({ program, models, report }) {
    // A status may be mapped for an error that only some editions have: the mapping is harmless where the error is absent.
    const anyEditionErrors = new Map(program.rpcs.map((r) => [r.name, new Set([...r.errors, ...Object.values(r.variants ?? {}).flatMap((v) => v?.errors ?? [])].map((e) => e.code))]));
    const reported = new Set<string>();
    const add = (code: Parameters<typeof report.add>[0], msg: string, loc: Parameters<typeof report.add>[2]): void => {
      const k = `${code}|${msg}`;
      if (reported.has(k)) return;
      reported.add(k);
      report.add(code, msg, loc);
    };
    for (const edition of EDITION_IDS) {
      const m = models[edition];
      const rpcs = new Map(m.rpcs.map((r) => [r.name, r]));
      const routes = new Map<string, string>();
      for (const b of m.bindings) {
        const route = `${b.method} ${b.path.replace(/\{[^}]+\}/g, '{}')}`;
        const prev = routes.get(route);
        if (prev) add('MX6005', `${b.method} ${b.path} is also the route of "${prev}" in edition ${edition}`, b.loc);
        else routes.set(route, b.rpc);
        const rpc = rpcs.get(b.rpc);
        if (!rpc) continue;
        const fields = new Map(rpc.request.properties.map((p) => [p.name, p]));
        const placed = new Map<string, string>();
        // Point at the entry that places the field where the source has one (the body has no entry of its own).
        const at = (field: string, where: string): SourceLocation => {
          const locs = b.fieldLocs;
          const entry = where === 'path' ? locs?.path : where === 'query' ? locs?.query[field] : where === 'headers' ? locs?.headers[field] : undefined;
          return entry ?? b.loc;
        };
        const place = (field: string, where: string, scalar: boolean): void => {
          const f = fields.get(field);
          if (!f) {
            add(where === 'path' ? 'MX6001' : 'MX6002', `binding of "${b.rpc}" puts "${field}" in the ${where}, but the RPC request has no such field${fields.size ? ` (fields: ${[...fields.keys()].join(', ')})` : ''}`, at(field, where));
            return;
          }
          if (placed.has(field)) add('MX6007', `binding of "${b.rpc}" places "${field}" in both ${placed.get(field)} and ${where}`, at(field, where));
          placed.set(field, where);
          if (scalar && !isScalar(f.schema) && f.schema.type !== 'ref') add('MX6002', `"${field}" is sent in the ${where} of "${b.rpc}" but is not a scalar or list of scalars`, at(field, where));
          if (where === 'path' && !f.required) add('MX6001', `path parameter "${field}" of "${b.rpc}" must be a required request field`, f.loc);
        };
        for (const p of b.pathParams) place(p, 'path', true);
        for (const q of b.query) place(q, 'query', true);
        for (const h of Object.keys(b.headers)) place(h, 'headers', true);
        if (b.body !== 'fields' && b.body !== 'none') place(b.body, 'body', false);
        const codes = anyEditionErrors.get(b.rpc) ?? new Set<string>();
        for (const code of Object.keys(b.errors)) {
          if (!codes.has(code)) add('MX6003', `binding of "${b.rpc}" maps ${code}, which is not an error of the RPC in any edition`, b.fieldLocs?.errors[code] ?? b.loc);
        }
        for (const e of rpc.errors) {
          if (b.errors[e.code] === undefined && !(e.code === 'M_LIMIT_EXCEEDED' && b.rateLimited)) {
            add('MX6004', `error ${e.code} of "${b.rpc}" has no HTTP status in its binding (errors: {${e.code}: 4xx})`, b.loc);
          }
        }
      }
    }
  },
};
