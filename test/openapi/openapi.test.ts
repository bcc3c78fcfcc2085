/**
 * The OpenAPI generator against the shipped spec and a fixture that uses
 * every binding feature, checked by the tools its users run: Redocly's
 * linter (recommended rules) and openapi-typescript.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import openapiTS from 'openapi-typescript';
import { ROOT } from '../helpers/cli.js';
import { EDITION_IDS, type EditionId, type EditionModel } from '../../src/ir/types.js';
import { buildOpenApiDocument, openApiFiles } from '../../generators/openapi/index.js';
import { blockComponentName } from '../../generators/openapi/names.js';
import { editionModels, OPENAPI_FIXTURE, resolvePointer, SPEC, walkJson } from './helpers.js';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function operations(doc: Json): [string, string, Json][] {
  return Object.entries(doc.paths as Json).flatMap(([p, item]) =>
    METHODS.filter((m) => item[m]).map((m) => [p, m, item[m]] as [string, string, Json]));
}

async function lint(doc: Json, rules: Record<string, unknown> = {}): Promise<NormalizedProblem[]> {
  const config = await createConfig({ extends: ['recommended'], rules } as never);
  return lintFromString({ source: JSON.stringify(doc, null, 2), absoluteRef: path.join(ROOT, 'openapi.json'), config });
}

/** The rule ids the README's "OpenAPI lint warnings" section explains. */
function documentedWarnings(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## OpenAPI lint warnings');
  if (start < 0) return '';
  const next = readme.indexOf('\n## ', start + 5);
  return readme.slice(start, next < 0 ? undefined : next);
}

function structuralChecks(model: EditionModel, doc: Json): void {
  // One operation per binding, operationId = RPC name, at the binding's full path.
  const ops = operations(doc);
  expect(ops.map(([, , op]) => op.operationId).sort()).toEqual(model.bindings.map((b) => b.rpc).sort());
  for (const b of model.bindings) {
    const op = doc.paths[b.path]?.[b.method.toLowerCase()];
    expect(op?.operationId, `${b.method} ${b.path}`).toBe(b.rpc);
    expect(b.path.startsWith('/')).toBe(true);
    const rpc = model.rpcs.find((r) => r.name === b.rpc)!;
    const group = model.rpcGroups.find((g) => g.id === rpc.group)!;
    expect(op.tags).toEqual([group.title]);
    expect(op.summary).toBe(rpc.summary.trim());
    // Path parameters are exactly the template's fields.
    const pathParams = (op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
    expect(pathParams).toEqual(b.pathParams);
    expect((op.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => p.name)).toEqual(b.query);
    expect((op.parameters ?? []).filter((p: Json) => p.in === 'header').map((p: Json) => p.name)).toEqual(Object.values(b.headers));
    if (b.body === 'none') expect(op.requestBody).toBeUndefined();
    // Responses: the success status and one per error status, each error with the Error schema.
    expect(op.responses[String(b.status)]).toBeDefined();
    for (const err of rpc.errors) {
      const status = b.errors[err.code];
      if (status === undefined) continue;
      const res = op.responses[String(status)];
      expect(res, `${b.rpc} ${err.code}`).toBeDefined();
      expect(res.content['application/json'].schema.$ref).toBe(status === 429 ? '#/components/schemas/RateLimitedError' : '#/components/schemas/Error');
      expect(res.content['application/json'].examples[err.code].value.errcode).toBe(err.code);
    }
    // Authentication.
    if (b.auth === 'none') expect(op.security).toEqual([]);
    else expect(op.security).toBeUndefined();
    // Lifecycle extensions follow the RPC.
    if (rpc.lifecycle?.added) expect(op['x-mxspec-lifecycle'].added).toBe(String(rpc.lifecycle.added));
    if (rpc.lifecycle?.deprecated) expect(op.deprecated).toBe(true);
    if (rpc.port) expect(op['x-mxspec-port'].status).toBe(rpc.port.status);
  }
  expect(doc.security).toEqual([{ xMatrix: [] }]);
  expect(doc.components.securitySchemes.xMatrix).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
  expect(doc.info).toMatchObject({ version: model.edition.version });
  expect(doc['x-mxspec-edition']).toMatchObject({ id: model.edition.id, version: model.edition.version });

  // Every named schema and content block is a component; every $ref resolves.
  for (const s of model.schemas) expect(doc.components.schemas[s.name], s.name).toBeDefined();
  for (const b of model.contentBlocks) {
    const name = blockComponentName(b.name);
    expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
    expect(doc.components.schemas[name]['x-mxspec-content-block']).toBe(b.name);
  }
  for (const [ptr, v] of walkJson(doc)) {
    if (ptr.endsWith('/$ref')) expect(resolvePointer(doc, v as string), `${ptr} -> ${String(v)}`).toBeDefined();
  }
  // Shared schemas are referenced, never inlined again: no schema object outside
  // components/schemas equals a named one.
  const named = new Map(model.schemas.map((s) => [JSON.stringify(doc.components.schemas[s.name]), s.name]));
  for (const [ptr, v] of walkJson(doc.paths)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && ('type' in v || 'allOf' in v)) {
      const hit = named.get(JSON.stringify(v));
      expect(hit, `paths${ptr} inlines ${hit}`).toBeUndefined();
    }
  }
}

for (const [label, specDir] of [['shipped spec', SPEC], ['fixture spec', OPENAPI_FIXTURE]] as const) {
  describe(`OpenAPI of the ${label}`, () => {
    for (const edition of EDITION_IDS) {
      describe(edition, () => {
        let model: EditionModel;
        let doc: Json;
        const setup = async (): Promise<void> => {
          model ??= (await editionModels(specDir))[edition as EditionId];
          doc ??= buildOpenApiDocument(model);
        };

        it('has one operation per binding with parameters, bodies, responses, security and extensions', async () => {
          await setup();
          structuralChecks(model, doc);
        });

        it('serialises deterministically, the YAML equal to the JSON', async () => {
          await setup();
          const files = openApiFiles(model);
          const again = openApiFiles(model);
          expect(files.map((f) => f.path)).toEqual([`${edition}/openapi.json`, `${edition}/openapi.yaml`]);
          expect(again).toEqual(files);
          const json = JSON.parse(files[0].content);
          expect(parse(files[1].content)).toEqual(json);
          expect(json).toEqual(JSON.parse(JSON.stringify(doc)));
          expect(files[1].content).not.toMatch(/^\s*[&*]\w+/m); // no YAML anchors or aliases
        });

        it('passes Redocly lint (recommended) with 0 errors; every warning is explained in the README', async () => {
          await setup();
          const problems = await lint(doc);
          const errors = problems.filter((p) => p.severity === 'error');
          expect(errors.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
          if (label === 'shipped spec') {
            const section = documentedWarnings();
            for (const rule of new Set(problems.map((p) => p.ruleId))) expect(section, `README explains ${rule}`).toContain(`\`${rule}\``);
          }
        });

        it('has examples that conform to their schemas (Redocly, open objects admitted)', async () => {
          await setup();
          const rule = { severity: 'error', allowAdditionalProperties: true };
          const problems = await lint(doc, { 'no-invalid-media-type-examples': rule, 'no-invalid-parameter-examples': rule, 'no-invalid-schema-examples': rule });
          expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
        });

        it('converts with openapi-typescript without errors or warnings', async () => {
          await setup();
          const said: string[] = [];
          const saved = { warn: console.warn, error: console.error };
          console.warn = (...a: unknown[]) => void said.push(a.join(' '));
          console.error = (...a: unknown[]) => void said.push(a.join(' '));
          try {
            const nodes = await openapiTS(structuredClone(doc) as never, { silent: false });
            expect(nodes.length).toBeGreaterThan(0);
          } finally {
            Object.assign(console, saved);
          }
          expect(said).toEqual([]);
        });
      });
    }
  });
}

describe('OpenAPI of the fixture spec: binding placement and edition metadata', () => {
  it('splits requests and examples by the binding and carries port records and lifecycle', async () => {
    const models = await editionModels(OPENAPI_FIXTURE);
    const ietf = buildOpenApiDocument(models.ietf);
    const org = buildOpenApiDocument(models['matrix-org']);
    const put = ietf.paths['/_matrix/federation/v1/widgets/{widgetId}'].put as Json;
    // Header parameter under its HTTP name, query and path parameters, examples split.
    expect(put.parameters.map((p: Json) => [p.in, p.name, p.required])).toEqual([
      ['path', 'widgetId', true], ['query', 'dryRun', false], ['header', 'Idempotency-Key', true],
    ]);
    expect(put.parameters[2].examples.store.value).toBe('k-1');
    // body: <field> sends that field as the whole body.
    expect(put.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/WidgetBox');
    expect(put.requestBody.content['application/json'].examples.store.value).toEqual({ widget: { secret: 's3cr3t', owner: '@alice:example.org', size: 3 } });
    // 429 uses the rate-limit error body; the IETF-only error has its own status and port record.
    expect(put.responses['429'].content['application/json'].schema.$ref).toBe('#/components/schemas/RateLimitedError');
    expect(put.responses['413']['x-mxspec-errors'][0]['x-mxspec-port']).toMatchObject({ origin: 'ietf', status: 'pending' });
    expect((org.paths['/_matrix/federation/v1/widgets/{widgetId}'].put as Json).responses['413']).toBeUndefined();
    expect(put['x-mxspec-lifecycle']).toEqual({ added: 'v1.11', changed: [{ in: 'v1.12', note: 'Added dry runs.' }] });
    expect((org.paths['/_matrix/federation/v1/widgets/{widgetId}'].put as Json)['x-mxspec-binding-port']).toMatchObject({ origin: 'ietf', status: 'pending' });
    // body: fields with extends keeps the named base as a reference.
    const note = ietf.paths['/_matrix/federation/v1/notes/{roomId}'].post as Json;
    const body = note.requestBody.content['application/json'].schema;
    expect(body.allOf[0]).toEqual({ $ref: '#/components/schemas/Error' });
    expect(Object.keys(body.allOf[1].properties)).toEqual(['body', 'mood']);
    expect(body.allOf[1].properties.mood['x-enumDescriptions']).toEqual({ happy: 'Pleased.', sad: 'Not pleased.' });
    expect(note.requestBody.content['application/json'].examples.note.value).toEqual({ errcode: 'M_NOTE', body: 'Hi', mood: 'happy' });
    expect(note.deprecated).toBe(true);
    expect(note['x-mxspec-lifecycle'].deprecated).toEqual({ in: 'v1.13', note: 'Use putWidget.', replacement: 'putWidget' });
    // auth: none.
    expect((ietf.paths['/_matrix/federation/v1/version'].get as Json).security).toEqual([]);
    // Edition-only operation and property, with port records.
    expect(ietf.paths['/_matrix/federation/v1/things']).toBeDefined();
    expect(org.paths['/_matrix/federation/v1/things']).toBeUndefined();
    const widget = (ietf.components as Json).schemas.Widget;
    expect(widget.properties.tag['x-mxspec-port']).toMatchObject({ origin: 'ietf', status: 'pending' });
    expect((org.components as Json).schemas.Widget.properties.tag).toBeUndefined();
    expect(widget.properties.legacy_name).toMatchObject({ deprecated: true, 'x-mxspec-lifecycle': { deprecated: { in: 'v1.10' } } });
    expect(widget.properties.id.readOnly).toBe(true);
    expect(widget.properties.secret.writeOnly).toBe(true);
    expect((ietf.components as Json).schemas['Block.m.text']).toBeDefined();
    expect(ietf.info).toMatchObject({ title: 'Matrix Federation API (IETF edition)', version: '1' });
    expect(org.info).toMatchObject({ title: 'Matrix Federation API (Matrix.org edition)', version: 'v1.19' });
  });
});
