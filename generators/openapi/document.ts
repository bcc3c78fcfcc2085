/**
 * One edition's EditionModel to an OpenAPI 3.1 document (a plain JSON
 * value). Pure and deterministic: paths are sorted, everything else follows
 * source order. The types generator calls `buildOpenApiDocument` too, so the
 * document is built once per edition and never read back from disk.
 */
import type { EditionModel, HttpBinding, HttpMethod, Property, Rpc, RpcExample } from '../../src/ir/types.js';
import { annotateElement, lifecycleJson, portJson, schemaObject, type Json } from './schema-objects.js';
import { blockComponentName, schemaRef } from './names.js';
import { requestLayout, requestLayoutReads, splitExample, type RequestLayout } from './request-layout.js';
import { deepFreeze, FREEZE_SHARED } from '../../src/ir/freeze.js';
import { openApiSharing } from './sharing.js';
import { objectMemo } from '../../src/ir/remember.js';
import { firstWith } from '../../src/ir/lookup.js';

export const SECURITY_SCHEME = 'xMatrix';
const METHOD_ORDER: HttpMethod[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'];

const X_MATRIX_DESCRIPTION = [
  'Requests between homeservers are signed by the sending server. The signature travels in the',
  '`Authorization` header with the custom `X-Matrix` scheme, one header per signature:',
  '',
  '`Authorization: X-Matrix origin="origin.example",destination="destination.example",key="ed25519:key1",sig="<signature>"`',
  '',
  'The signature covers a JSON object holding the method, the request URI (path and query), the origin,',
  'the destination and, when present, the JSON body; it is made with the origin server\'s signing key named',
  'by `key`. OpenAPI has no type for custom HTTP authentication schemes, so the scheme is described as an',
  'API key carried in the `Authorization` header.',
].join('\n');

function trimmed(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? t : undefined;
}

function parameter(p: Property, where: 'path' | 'query' | 'header', name: string): Json {
  const out: Json = { name, in: where };
  const d = trimmed(p.schema.description);
  if (d) out.description = d;
  out.required = where === 'path' ? true : p.required;
  if (p.lifecycle?.deprecated) out.deprecated = true;
  const schema = schemaObject(p.schema);
  delete schema.description;
  out.schema = schema;
  annotateElement(out, p);
  if (p.lifecycle?.deprecated) out.deprecated = true;
  return out;
}

function exampleKey(ex: RpcExample, taken: Set<string>): string {
  let k = ex.name;
  for (let i = 2; taken.has(k); i++) k = `${ex.name} (${i})`;
  taken.add(k);
  return k;
}

function parametersFor(layout: RequestLayout, examples: { key: string; parts: ReturnType<typeof splitExample> }[]): Json[] {
  const out: Json[] = [];
  const add = (p: Property, where: 'path' | 'query' | 'header', name: string, part: 'path' | 'query' | 'headers'): void => {
    const param = parameter(p, where, name);
    const exs: Json = {};
    for (const e of examples) if (e.parts[part][p.name] !== undefined) exs[e.key] = { value: e.parts[part][p.name] };
    if (Object.keys(exs).length) param.examples = exs;
    out.push(param);
  };
  for (const p of layout.path) add(p, 'path', p.name, 'path');
  for (const p of layout.query) add(p, 'query', p.name, 'query');
  for (const h of layout.headers) add(h.property, 'header', h.header, 'headers');
  return out;
}

function requestBodyFor(rpc: Rpc, layout: RequestLayout, examples: { key: string; parts: ReturnType<typeof splitExample> }[]): Json | undefined {
  const body = layout.body;
  if (body.kind === 'none') return undefined;
  let schema: Json;
  let required: boolean;
  let description: string | undefined;
  if (body.kind === 'field') {
    schema = schemaObject(body.property.schema);
    required = body.property.required;
    description = trimmed(body.property.schema.description);
    delete schema.description;
  } else {
    const s = body.schema;
    schema = !s.properties.length && s.extends?.length === 1 && s.additionalProperties === undefined && !s.nullable
      ? { $ref: schemaRef(s.extends[0]) }
      : schemaObject({ ...s, description: undefined });
    required = body.properties.some((p) => p.required);
    description = trimmed(rpc.request.description);
  }
  const media: Json = { schema };
  const exs: Json = {};
  for (const e of examples) if (e.parts.body !== undefined) exs[e.key] = { value: e.parts.body };
  if (Object.keys(exs).length) media.examples = exs;
  const out: Json = {};
  if (description) out.description = description;
  out.required = required;
  out.content = { 'application/json': media };
  return out;
}

interface ErrorEntry { code: string; description: string; port?: Json }

function responsesFor(rpc: Rpc, binding: HttpBinding, model: EditionModel): Json {
  const responses: Json = {};
  const success: Json = { description: trimmed(rpc.response.description) ?? `The result of ${rpc.name}.` };
  if (rpc.response.type !== 'null' && binding.status !== 204) {
    const schema = schemaObject(rpc.response);
    delete schema.description;
    const media: Json = { schema };
    const exs: Json = {};
    const taken = new Set<string>();
    for (const ex of rpc.examples) {
      const key = exampleKey(ex, taken);
      if (ex.response !== undefined) exs[key] = { value: ex.response };
    }
    if (Object.keys(exs).length) media.examples = exs;
    success.content = { [binding.responseContentType]: media };
  }
  responses[String(binding.status)] = success;

  const byStatus = new Map<number, ErrorEntry[]>();
  for (const err of rpc.errors) {
    const status = binding.errors[err.code];
    if (status === undefined) continue;
    const entry: ErrorEntry = { code: err.code, description: err.description.trim() };
    const p = portJson(err.port);
    if (p) entry.port = p;
    byStatus.set(status, [...(byStatus.get(status) ?? []), entry]);
  }
  if (binding.rateLimited && !byStatus.has(429)) {
    byStatus.set(429, [{ code: 'M_LIMIT_EXCEEDED', description: 'The caller has sent too many requests in too short a time.' }]);
  }
  const hasSchema = (n: string): boolean => firstWith(model.schemas, 'name', n) !== undefined;
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const entries = byStatus.get(status)!;
    const schemaName = status === 429 && hasSchema('RateLimitedError') ? 'RateLimitedError' : 'Error';
    const examples: Json = {};
    for (const e of entries) examples[e.code] = { summary: e.code, value: { errcode: e.code, error: e.description } };
    responses[String(status)] = {
      description: entries.map((e) => `\`${e.code}\`: ${e.description}`).join('\n\n'),
      content: { 'application/json': { schema: { $ref: schemaRef(schemaName) }, examples } },
      'x-mxspec-errors': entries.map((e) => (e.port ? { errcode: e.code, description: e.description, 'x-mxspec-port': e.port } : { errcode: e.code, description: e.description })),
    };
  }
  return responses;
}

function operationFor(rpc: Rpc, binding: HttpBinding, model: EditionModel, tag: string): Json {
  const layout = requestLayout(rpc, binding, model);
  const taken = new Set<string>();
  const examples = rpc.examples.map((ex) => ({ key: exampleKey(ex, taken), parts: splitExample(layout, ex.request) }))
    .filter((_, i) => rpc.examples[i].request !== undefined);
  const op: Json = {
    operationId: rpc.name,
    tags: [tag],
    summary: rpc.summary.trim(),
  };
  const description = [trimmed(rpc.description), trimmed(binding.description)].filter(Boolean).join('\n\n');
  if (description) op.description = description;
  const params = parametersFor(layout, examples);
  if (params.length) op.parameters = params;
  const body = requestBodyFor(rpc, layout, examples);
  if (body) op.requestBody = body;
  op.responses = responsesFor(rpc, binding, model);
  if (binding.auth === 'none') op.security = [];
  if (rpc.lifecycle?.deprecated || binding.lifecycle?.deprecated) op.deprecated = true;
  const l = lifecycleJson(rpc.lifecycle);
  if (l) op['x-mxspec-lifecycle'] = l;
  const p = portJson(rpc.port);
  if (p) op['x-mxspec-port'] = p;
  const bl = lifecycleJson(binding.lifecycle);
  if (bl) op['x-mxspec-binding-lifecycle'] = bl;
  const bp = portJson(binding.port);
  if (bp) op['x-mxspec-binding-port'] = bp;
  if (rpc.roomVersionDependent) op['x-mxspec-room-version-dependent'] = true;
  if (binding.rateLimited) op['x-mxspec-rate-limited'] = true;
  return op;
}

function infoFor(model: EditionModel): Json {
  const ed = model.edition;
  const api = model.documents.find((d) => d.id === 'api');
  const lines = [
    `The server-server (federation) HTTP API of Matrix, ${ed.label} edition ${ed.version} (based on Matrix ${ed.baseline}, dated ${ed.date}).`,
  ];
  if (api?.abstract.trim()) lines.push('', api.abstract.trim());
  return {
    title: `Matrix Federation API (${ed.label} edition)`,
    version: ed.version,
    description: lines.join('\n'),
    license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
  };
}

/**
 * Component schema objects by the model element they come from (and
 * operations by RPC, below). Each depends on its element alone, and projection keeps the elements of
 * unchanged sources (src/editions/project.ts), so in `mxspec watch` an edit
 * builds the objects of the edited elements only, and the serialisers take
 * over the text of the others (isSharedOpenApiObject). Shared objects are
 * never changed after they are made (frozen in the tests).
 */
const components = objectMemo<'component', Json>();
const shared = new WeakSet<object>();

/** Marks an object as shared between documents; shared objects are never changed (frozen in the tests). */
function share(obj: Json): Json {
  if (FREEZE_SHARED) deepFreeze(obj);
  shared.add(obj);
  return obj;
}

function componentOf(element: object, make: () => Json): Json {
  return openApiSharing() ? components(element, 'component', () => share(make())) : make();
}

/** Whether the object is a component schema that later documents share (so its serialisation can be remembered). */
export function isSharedOpenApiObject(value: object): boolean {
  return shared.has(value);
}

/**
 * Operation objects by RPC, with what they were made from besides it: the
 * binding, the tag, whether a RateLimitedError schema exists (429
 * responses), and the named schemas the request's fields come from
 * (requestLayoutReads).
 */
const operations = new WeakMap<object, { binding: object; tag: string; rateLimitedError: boolean; requestSchemas: unknown[]; op: Json }>();

function operationOnce(rpc: Rpc, binding: HttpBinding, model: EditionModel, tag: string): Json {
  if (!openApiSharing()) return operationFor(rpc, binding, model, tag);
  const rateLimitedError = firstWith(model.schemas, 'name', 'RateLimitedError') !== undefined;
  const deps = requestLayoutReads(rpc, model);
  const known = operations.get(rpc);
  if (known && known.binding === binding && known.tag === tag && known.rateLimitedError === rateLimitedError
    && known.requestSchemas.length === deps.length && known.requestSchemas.every((d, i) => d === deps[i])) return known.op;
  const op = share(operationFor(rpc, binding, model, tag));
  operations.set(rpc, { binding, tag, rateLimitedError, requestSchemas: deps, op });
  return op;
}

export function buildOpenApiDocument(model: EditionModel): Json {
  const rpcs = new Map(model.rpcs.map((r) => [r.name, r]));
  const groupTitle = new Map(model.rpcGroups.map((g) => [g.id, g.title]));
  const usedGroups = new Set<string>();
  const paths: Record<string, Json> = {};
  const bindings = [...model.bindings].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
  for (const b of bindings) {
    const rpc = rpcs.get(b.rpc);
    if (!rpc) continue;
    usedGroups.add(rpc.group);
    const item = (paths[b.path] ??= {});
    item[b.method.toLowerCase()] = operationOnce(rpc, b, model, groupTitle.get(rpc.group) ?? rpc.group);
  }
  const tags = model.rpcGroups.filter((g) => usedGroups.has(g.id)).map((g) => {
    const t: Json = { name: g.title };
    const d = trimmed(g.description);
    if (d) t.description = d;
    t['x-mxspec-group'] = g.id;
    return t;
  });

  const schemas: Record<string, Json> = {};
  for (const s of model.schemas) {
    schemas[s.name] = componentOf(s, () => {
      const obj = schemaObject(s.schema);
      annotateElement(obj, s);
      return obj;
    });
  }
  if (!schemas.Error) {
    // The error responses need a body schema even in a spec that names none.
    schemas.Error = {
      type: 'object',
      description: 'The body of an error response.',
      properties: { errcode: { type: 'string', description: 'The error code.' }, error: { type: 'string', description: 'A message for humans.' } },
      required: ['errcode'],
    };
  }
  for (const b of model.contentBlocks) {
    schemas[blockComponentName(b.name)] = componentOf(b, () => {
      const obj = schemaObject(b.schema);
      if (!obj.description && b.description.trim()) obj.description = b.description.trim();
      if (b.examples?.length && !obj.examples) obj.examples = b.examples;
      obj['x-mxspec-content-block'] = b.name;
      annotateElement(obj, b);
      return obj;
    });
  }
  const ed = model.edition;
  const components: Json = {
    schemas,
    securitySchemes: {
      [SECURITY_SCHEME]: { type: 'apiKey', in: 'header', name: 'Authorization', description: X_MATRIX_DESCRIPTION },
    },
  };
  const doc: Json = {
    openapi: '3.1.0',
    info: infoFor(model),
    'x-mxspec-edition': { id: ed.id, label: ed.label, version: ed.version, baseline: ed.baseline, date: ed.date },
    servers: [{
      url: 'https://{serverName}',
      description: 'The destination homeserver, at the address found by server discovery.',
      variables: { serverName: { default: 'matrix.example.org', description: 'Host (and port) of the destination server.' } },
    }],
    security: [{ [SECURITY_SCHEME]: [] }],
    tags,
    paths,
    components,
  };
  return doc;
}
