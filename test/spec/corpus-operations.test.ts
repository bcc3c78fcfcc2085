/**
 * The matrix-org edition covers the whole Matrix v1.19 server-server API:
 * every corpus operation (method + full path) has a binding, and the binding
 * puts the same top-level names on the wire as the corpus does (path, query
 * and header parameters, top-level JSON body properties, top-level 200
 * response properties). The IR is the reference, so this holds whether or
 * not the OpenAPI generator has landed; when out/matrix-org/openapi.json
 * exists it is compared as well.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import type { EditionModel } from '../../src/ir/types.js';
import { ROOT, SPEC } from '../helpers/cli.js';
import { corpusOperations, corpusPresent, SERVER_SERVER_V119, type CorpusOperation } from './lib/corpus.js';
import { wireShape, type WireShape } from './lib/ir-fields.js';

const present = corpusPresent();
if (!present) {
  console.warn(`corpus-operations: skipped, the Matrix spec corpus is absent (${SERVER_SERVER_V119})`);
}

const ops: CorpusOperation[] = present ? corpusOperations() : [];
const key = (method: string, p: string): string => `${method.toUpperCase()} ${p}`;
const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe.skipIf(!present)('matrix-org edition vs the v1.19 corpus operations', () => {
  let model: EditionModel;
  const shapes = new Map<string, WireShape & { rpc: string }>();

  beforeAll(async () => {
    const r = await compile(SPEC, { checkOnly: true });
    expect(r.models, r.diagnostics.items.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`).join('\n')).toBeDefined();
    model = r.models!['matrix-org'];
    for (const b of model.bindings) {
      const rpc = model.rpcs.find((x) => x.name === b.rpc);
      expect(rpc, `binding ${b.rpc} has an RPC`).toBeDefined();
      shapes.set(key(b.method, b.path), { ...wireShape(model, rpc!, b), rpc: rpc!.name });
    }
  });

  it('the corpus lists the 36 operations of v1.19', () => {
    expect(ops.length).toBe(36);
    expect(new Set(ops.map((o) => key(o.method, o.path))).size).toBe(36);
  });

  it('every corpus operation has a matrix-org binding (method + full path)', () => {
    const missing = ops.filter((o) => !shapes.has(key(o.method, o.path))).map((o) => `${key(o.method, o.path)} (${o.operationId})`);
    expect(missing).toEqual([]);
  });

  describe.each(ops.map((o) => [`${o.operationId}: ${key(o.method, o.path)}`, o] as const))('%s', (_name, op) => {
    it('has the same request and response names', () => {
      const s = shapes.get(key(op.method, op.path));
      expect(s, 'no binding for this operation').toBeDefined();
      expect({ rpc: s!.rpc, pathParams: sorted(s!.pathParams), query: sorted(s!.query), headers: sorted(s!.headers) }).toEqual({
        rpc: s!.rpc,
        pathParams: sorted(op.pathParams),
        query: sorted(op.query),
        headers: sorted(op.headers),
      });
      // An opaque corpus body names nothing to compare; the IR must still give the body a shape.
      if (op.bodyOpaque) expect(s!.body.length, 'an opaque corpus body is modelled with named fields').toBeGreaterThan(0);
      else expect(s!.body).toEqual(op.body);
      expect(s!.response).toEqual(op.response);
    });
  });
});

// ------------------------------------------------------------ generated OpenAPI

const OPENAPI = path.join(ROOT, 'out/matrix-org/openapi.json');
const haveOpenApi = present && existsSync(OPENAPI);
if (present && !haveOpenApi) console.warn(`corpus-operations: OpenAPI comparison skipped, ${OPENAPI} has not been generated`);

type Json = Record<string, unknown>;

function openApiDeref(doc: Json, node: unknown): Json {
  let cur = node as Json;
  for (let i = 0; i < 32 && cur && typeof cur.$ref === 'string'; i++) {
    const ptr = (cur.$ref as string).replace(/^#\//, '').split('/');
    cur = ptr.reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Json;
  }
  return cur ?? {};
}

function openApiNames(doc: Json, node: unknown, seen = new Set<unknown>()): Set<string> {
  const n = openApiDeref(doc, node);
  const out = new Set<string>();
  if (seen.has(n)) return out;
  seen.add(n);
  if (n.properties && typeof n.properties === 'object') for (const k of Object.keys(n.properties)) out.add(k);
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    if (Array.isArray(n[k])) for (const m of n[k] as unknown[]) for (const x of openApiNames(doc, m, seen)) out.add(x);
  }
  return out;
}

describe.skipIf(!haveOpenApi)('out/matrix-org/openapi.json vs the v1.19 corpus operations', () => {
  const doc = haveOpenApi ? (JSON.parse(readFileSync(OPENAPI, 'utf8')) as Json) : {};
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;

  describe.each(ops.map((o) => [`${o.operationId}: ${key(o.method, o.path)}`, o] as const))('%s', (_name, op) => {
    it('is in the OpenAPI with the same request and response names', () => {
      const item = paths[op.path];
      expect(item, `no path item ${op.path}`).toBeDefined();
      const operation = item[op.method.toLowerCase()];
      expect(operation, `no ${op.method} on ${op.path}`).toBeDefined();
      const params = [...((item.parameters as unknown as unknown[] | undefined) ?? []), ...((operation.parameters as unknown[]) ?? [])].map(
        (p) => openApiDeref(doc, p) as { in?: string; name?: string },
      );
      const names = (where: string): string[] => sorted(params.filter((p) => p.in === where).map((p) => p.name as string));
      const body = openApiDeref(doc, operation.requestBody) as { content?: Record<string, { schema?: unknown }> };
      const bodySchema = body.content?.['application/json']?.schema;
      const ok = openApiDeref(doc, (operation.responses as Json | undefined)?.['200']) as { content?: Record<string, { schema?: unknown }> };
      const resSchema = ok.content?.['application/json']?.schema;
      expect({
        path: names('path'),
        query: names('query'),
        header: names('header').filter((h) => h.toLowerCase() !== 'authorization'),
        body: op.bodyOpaque ? op.body : bodySchema ? sorted(openApiNames(doc, bodySchema)) : [],
        response: resSchema ? sorted(openApiNames(doc, resSchema)) : [],
      }).toEqual({
        path: sorted(op.pathParams),
        query: sorted(op.query),
        header: sorted(op.headers),
        body: op.body,
        response: op.response,
      });
    });
  });
});
