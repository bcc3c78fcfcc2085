/**
 * The importer against the real matrix-spec corpus (../shared/corpus/matrix-spec):
 * v1.19 server-server + event schemas imports without errors, `check` is
 * clean, the build's OpenAPI has the source's operations, parameters and
 * body/response shapes, every corpus example validates against the
 * generated JSON Schema and type-checks against the generated TypeScript,
 * and the diff of the v1.11 and v1.19 imports reports the releases' real
 * differences. Skips with a message when the corpus is absent.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, tempDir } from '../helpers/cli.js';
import { writeTree } from '../helpers/imported.js';
import { importMatrixSpec, type ImportResult } from '../../src/import/index.js';
import { compile, type CompileResult } from '../../src/build/pipeline.js';
import { EditionValidator } from '../../src/ir/validator.js';
import { diffModels } from '../../src/diff/diff.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { SourceFiles } from '../../src/import/source-files.js';
import { ExampleResolver } from '../../src/import/examples.js';
import { compareShapes, compareStats, DocSpace, FileSpace, sourceOperations, type SourceOperation } from './source-walk.js';

const V19 = path.join(CORPUS, 'v1.19');
const V11 = path.join(CORPUS, 'v1.11');
const present = existsSync(path.join(V19, 'data/api/server-server')) && existsSync(path.join(V11, 'data/api/server-server'));
if (!present) console.warn(`test/import: skipping the corpus tests, ${CORPUS} is absent (the matrix-spec corpus is read from ../shared/corpus/matrix-spec)`);

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

function apiFiles(version: string): string[] {
  return readdirSync(path.join(version, 'data/api/server-server')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `data/api/server-server/${f}`);
}

function firstJson(content: unknown): Raw | undefined {
  if (!isRaw(content)) return undefined;
  const m = content['application/json'];
  return isRaw(m) ? m : undefined;
}

function mediaExamples(media: Raw): unknown[] {
  const out: unknown[] = [];
  if (media.example !== undefined) out.push(media.example);
  if (isRaw(media.examples)) for (const e of Object.values(media.examples)) if (isRaw(e) && e.value !== undefined) out.push(e.value);
  return out;
}

/** The named schema the importer gives the client-side form of an API EDU (m.typing -> MTypingClientContent). */
function clientSchemaName(type: string): string {
  return type.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') + 'ClientContent';
}

describe.skipIf(!present)('import matrix-spec v1.19 (server-server + event schemas)', () => {
  let imported: ImportResult;
  let specDir: string;
  let built: CompileResult;
  let openapi: Raw;
  let sourceOps: SourceOperation[];
  const files = new FileSpace(V19);

  beforeAll(async () => {
    imported = importMatrixSpec(V19, { api: 'server-server', date: '2026-07-08' });
    specDir = path.join(tempDir('mxspec-import-'), 'spec');
    writeTree(specDir, imported.files);
    built = await compile(specDir, { editions: ['matrix-org'] });
    const file = built.files.find((f) => f.path === 'matrix-org/openapi.json');
    openapi = file ? (JSON.parse(String(file.content)) as Raw) : {};
    sourceOps = sourceOperations(files, apiFiles(V19));
  });

  it('imports without errors and reports the corpus quirks as diagnostics', () => {
    const errors = imported.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
    // getEventByTimestamp names an "accessToken" scheme that events.yaml never defines.
    const undefinedScheme = imported.diagnostics.find((d) => d.code === 'MX1305');
    expect(undefinedScheme?.loc?.file).toBe('data/api/server-server/events.yaml');
    expect(undefinedScheme?.message).toContain('accessToken');
    // JSON in .yaml example files is read, and said so.
    expect(imported.diagnostics.some((d) => d.code === 'MX1308')).toBe(true);
    expect(imported.files.map((f) => f.path)).toEqual(expect.arrayContaining(['editions.yaml', 'references.yaml', 'documents/server-server.md', 'events/events.yaml', 'rpcs/joins-v2.yaml', 'bindings/joins-v2.yaml']));
  });

  it('is byte-for-byte deterministic', () => {
    const again = importMatrixSpec(V19, { api: 'server-server', date: '2026-07-08' });
    expect(again.files).toEqual(imported.files);
  });

  it('passes mxspec check and build with zero errors', () => {
    const errors = built.diagnostics.items.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
    expect(Object.keys(openapi)).toContain('paths');
  });

  it('has the same operation set (method + full path) as the source, one RPC per operationId', () => {
    const source = sourceOps.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    const generated: string[] = [];
    for (const [p, item] of Object.entries(openapi.paths as Raw)) {
      for (const m of Object.keys(item as Raw)) if (['get', 'put', 'post', 'delete', 'patch'].includes(m)) generated.push(`${m.toUpperCase()} ${p}`);
    }
    expect(generated.sort()).toEqual(source);
    expect(source.length).toBeGreaterThan(30);
    const ids = sourceOps.map((o) => o.op.operationId).sort();
    expect(built.models!['matrix-org'].rpcs.map((r) => r.name).sort()).toEqual(ids);
  });

  it('has the same parameters, request and response shapes (names, types, required flags)', () => {
    const gen = new DocSpace(openapi);
    const problems: string[] = [];
    for (const o of sourceOps) {
      const where = `${o.method.toUpperCase()} ${o.path}`;
      const g = (openapi.paths as Raw)[o.path] as Raw;
      const gop = g[o.method] as Raw;
      // Parameters: name, location, required, type.
      const srcParams = new Map<string, { in: string; required: boolean; schema: unknown; doc: string }>();
      for (const list of [o.pathItem.parameters, o.op.parameters]) {
        for (const p of Array.isArray(list) ? list : []) {
          const r = isRaw(p) && typeof p.$ref === 'string' ? files.deref(p.$ref, o.file) : { schema: p, doc: o.file };
          const pr = r.schema as Raw;
          srcParams.set(String(pr.name), { in: String(pr.in), required: pr.in === 'path' || pr.required === true, schema: pr.schema, doc: r.doc });
        }
      }
      const genParams = new Map<string, Raw>();
      for (const p of (gop.parameters as Raw[] | undefined) ?? []) genParams.set(String(p.name), p);
      expect([...genParams.keys()].sort(), `${where} parameters`).toEqual([...srcParams.keys()].sort());
      for (const [name, sp] of srcParams) {
        const gp = genParams.get(name)!;
        if (gp.in !== sp.in) problems.push(`${where} parameter ${name}: in ${sp.in} in the source, ${String(gp.in)} generated`);
        if (Boolean(gp.required) !== sp.required) problems.push(`${where} parameter ${name}: required ${sp.required} in the source, ${String(gp.required)} generated`);
        compareShapes({ space: files, at: { schema: sp.schema, doc: sp.doc } }, { space: gen, at: { schema: gp.schema, doc: '' } }, `${where} parameter ${name}`, 3, problems);
      }
      // Request body.
      const body = isRaw(o.op.requestBody) ? o.op.requestBody : undefined;
      const sMedia = firstJson(body?.content);
      const gMedia = firstJson((gop.requestBody as Raw | undefined)?.content);
      if (sMedia) {
        expect(gMedia, `${where} request body`).toBeDefined();
        compareShapes({ space: files, at: { schema: sMedia.schema, doc: o.file } }, { space: gen, at: { schema: gMedia!.schema, doc: '' } }, `${where} request`, 4, problems);
      }
      // The success response (the first 2xx).
      const statuses = Object.keys(o.op.responses as Raw).filter((s) => /^2/.test(s)).sort();
      const status = statuses[0]!;
      const sResp = (o.op.responses as Raw)[status] as Raw;
      const gResp = (gop.responses as Raw)[status] as Raw | undefined;
      expect(gResp, `${where} response ${status}`).toBeDefined();
      const sm = firstJson(sResp.content);
      const gm = firstJson(gResp!.content);
      if (sm) compareShapes({ space: files, at: { schema: sm.schema, doc: o.file } }, { space: gen, at: { schema: gm?.schema, doc: '' } }, `${where} response ${status}`, 4, problems);
    }
    expect(problems).toEqual([]);
    // The walk really went through the bodies: hundreds of property pairs were compared.
    expect(compareStats.properties).toBeGreaterThan(200);
  });

  it('validates every operation example of the corpus against the generated OpenAPI schemas', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
    ajv.addSchema({ ...openapi, $id: 'mxspec:openapi' });
    const resolver = new ExampleResolver(new SourceFiles(V19, new DiagnosticBag()), new DiagnosticBag());
    const pointer = (...segs: string[]): string => segs.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    const failures: string[] = [];
    let count = 0;
    for (const o of sourceOps) {
      const base = ['paths', o.path, o.method];
      const check = (value: unknown, schemaPtr: string, what: string): void => {
        count++;
        const validate = ajv.getSchema(`mxspec:openapi#/${schemaPtr}`) ?? ajv.compile({ $ref: `mxspec:openapi#/${schemaPtr}` });
        if (!validate(value)) failures.push(`${o.method.toUpperCase()} ${o.path} ${what}: ${ajv.errorsText(validate.errors)}`);
      };
      const body = isRaw(o.op.requestBody) ? firstJson(o.op.requestBody.content) : undefined;
      for (const ex of body ? mediaExamples(body) : []) check(resolver.resolve(ex, o.file), pointer(...base, 'requestBody', 'content', 'application/json', 'schema'), 'request example');
      for (const status of Object.keys(o.op.responses as Raw).filter((s) => /^2/.test(s)).sort().slice(0, 1)) {
        const media = firstJson(((o.op.responses as Raw)[status] as Raw).content);
        for (const ex of media ? mediaExamples(media) : []) check(resolver.resolve(ex, o.file), pointer(...base, 'responses', status, 'content', 'application/json', 'schema'), `response ${status} example`);
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(20);
  });

  /** EDUs the API defines itself (data/api/server-server/definitions/event-schemas): their client-side forms are not imported. */
  function apiEdus(): Set<string> {
    return new Set(readdirSync(path.join(V19, 'data/api/server-server/definitions/event-schemas')).map((f) => f.replace(/\.yaml$/, '')));
  }

  function eventExamples(): { type: string; file: string; value: Raw }[] {
    const dir = path.join(V19, 'data/event-schemas/examples');
    const resolver = new ExampleResolver(new SourceFiles(V19, new DiagnosticBag()), new DiagnosticBag());
    const sf = new SourceFiles(V19, new DiagnosticBag());
    return readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f) && /^m\./.test(f))
      .sort()
      .map((f) => {
        const rel = `data/event-schemas/examples/${f}`;
        const value = resolver.resolve(sf.load(rel)!.value, rel) as Raw;
        return { type: String(value.type), file: f, value };
      });
  }

  it('validates every event example of the corpus against the generated JSON Schema', () => {
    const model = built.models!['matrix-org'];
    const v = new EditionValidator(model);
    const failures: string[] = [];
    const skipped: string[] = [];
    let count = 0;
    for (const ex of eventExamples()) {
      const et = model.eventTypes.find((e) => e.name === ex.type);
      const edu = model.eduTypes.find((e) => e.name === ex.type);
      if (apiEdus().has(ex.type)) {
        // The client-side form of an EDU the API also defines: its own named content schema.
        const client = model.schemas.find((s) => s.name === `${clientSchemaName(ex.type)}`);
        expect(client, `${ex.type} client form imported as a named schema`).toBeDefined();
        count++;
        const err = v.validate(client!.schema, ex.value.content);
        if (err) failures.push(`${ex.file} (client form): ${err.instancePath} ${err.message}`);
        continue;
      }
      if (!et && !edu) {
        skipped.push(ex.file);
        continue;
      }
      count++;
      const err = v.validate(et ? et.content : edu!.content, ex.value.content);
      if (err) failures.push(`${ex.file}: ${err.instancePath} ${err.message}`);
      const mt = et?.msgtypes?.find((m) => m.name === (ex.value.content as Raw | undefined)?.msgtype);
      if (mt) {
        const e2 = v.validate(mt.schema, ex.value.content);
        if (e2) failures.push(`${ex.file} (${mt.name}): ${e2.instancePath} ${e2.message}`);
      }
    }
    expect(failures).toEqual([]);
    // Every event example is validated: none is skipped.
    expect(skipped).toEqual([]);
    expect(count).toBeGreaterThan(50);
  });

  it('type-checks every corpus example against the generated TypeScript types', () => {
    const index = built.files.find((f) => f.path === 'matrix-org/types/index.d.ts');
    expect(index, 'types generator output').toBeDefined();
    const dir = tempDir('mxspec-import-types-');
    for (const f of built.files.filter((x) => x.path.startsWith('matrix-org/types/'))) writeFileSync(path.join(dir, path.basename(f.path)), String(f.content));
    const resolver = new ExampleResolver(new SourceFiles(V19, new DiagnosticBag()), new DiagnosticBag());
    const lines = ["import type { FederationApi, EventContentMap, EduContentMap } from './index.js';"];
    let n = 0;
    const model = built.models!['matrix-org'];
    for (const o of sourceOps) {
      const name = String(o.op.operationId);
      const statuses = Object.keys(o.op.responses as Raw).filter((s) => /^2/.test(s)).sort();
      const media = firstJson(((o.op.responses as Raw)[statuses[0]!] as Raw).content);
      for (const ex of media ? mediaExamples(media) : []) lines.push(`export const x${n++}: FederationApi['${name}']['response'] = ${JSON.stringify(resolver.resolve(ex, o.file))};`);
    }
    for (const ex of eventExamples()) {
      if (apiEdus().has(ex.type)) {
        lines[0] += `\nimport type { ${clientSchemaName(ex.type)} } from './index.js';`;
        lines.push(`export const x${n++}: ${clientSchemaName(ex.type)} = ${JSON.stringify(ex.value.content)};`);
        continue;
      }
      if (model.eventTypes.some((e) => e.name === ex.type)) lines.push(`export const x${n++}: EventContentMap['${ex.type}'] = ${JSON.stringify(ex.value.content)};`);
      else if (model.eduTypes.some((e) => e.name === ex.type)) lines.push(`export const x${n++}: EduContentMap['${ex.type}'] = ${JSON.stringify(ex.value.content)};`);
    }
    const examplesFile = path.join(dir, 'examples.ts');
    writeFileSync(examplesFile, lines.join('\n') + '\n');
    const program = ts.createProgram([examplesFile], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [] });
    const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === examplesFile);
    const text = diags.map((d) => `${d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 300)}`);
    expect(text).toEqual([]);
    expect(n).toBeGreaterThan(80);
  });

  it('generates TypeScript declarations that compile on their own', () => {
    const dir = tempDir('mxspec-import-decl-');
    for (const f of built.files.filter((x) => x.path.startsWith('matrix-org/types/'))) writeFileSync(path.join(dir, path.basename(f.path)), String(f.content));
    const file = path.join(dir, 'index.d.ts');
    const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: false, types: [] });
    const diags = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 200));
    expect(diags).toEqual([]);
  });
});

describe.skipIf(!present)('import matrix-spec v1.11 and v1.19, then diff', () => {
  it('reports the operations, event types and PDU formats that changed between the releases', async () => {
    const models = [];
    const ops: Set<string>[] = [];
    for (const dir of [V11, V19]) {
      const r = importMatrixSpec(dir, { api: 'server-server', date: '2026-07-08' });
      const spec = path.join(tempDir('mxspec-import-diff-'), 'spec');
      writeTree(spec, r.files);
      const c = await compile(spec, { checkOnly: true });
      expect(c.diagnostics.items.filter((d) => d.severity === 'error').map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`)).toEqual([]);
      models.push(c.models!['matrix-org']);
      const fs = new FileSpace(dir);
      ops.push(new Set(sourceOperations(fs, apiFiles(dir)).map((o) => String(o.op.operationId))));
    }
    const [from, to] = models as [NonNullable<CompileResult['models']>['matrix-org'], NonNullable<CompileResult['models']>['matrix-org']];
    const result = diffModels(from, to);
    const byRule = (rule: string): string[] => result.changes.filter((c) => c.rule === rule).map((c) => c.path.split('/').slice(1).join('/')).sort();

    // Facts from the two trees, computed independently of the importer.
    const added = [...ops[1]!].filter((o) => !ops[0]!.has(o)).sort();
    const removed = [...ops[0]!].filter((o) => !ops[1]!.has(o)).sort();
    expect(added.length + removed.length).toBeGreaterThan(0);
    expect(byRule('rpc-added')).toEqual(added);
    expect(byRule('rpc-removed')).toEqual(removed);
    expect(result.changes.filter((c) => c.rule === 'rpc-removed').every((c) => c.severity === 'breaking')).toBe(true);

    const eventNames = (dir: string): Set<string> => new Set(readdirSync(path.join(dir, 'data/event-schemas/schema')).filter((f) => /^m\..*\.yaml$/.test(f) && !f.includes('$')).map((f) => f.replace(/\.yaml$/, '')));
    const e11 = eventNames(V11);
    const e19 = eventNames(V19);
    const newEvents = [...e19].filter((e) => !e11.has(e)).sort();
    expect(newEvents.length).toBeGreaterThan(0);
    expect([...byRule('event-type-added'), ...byRule('edu-type-added')].sort()).toEqual(newEvents);

    // New room versions' event formats: the PDU definitions added in v1.19 (files, not importer names).
    const pdus = (dir: string): Set<string> => new Set(readdirSync(path.join(dir, 'data/api/server-server/definitions')).filter((f) => /^pdu_v\d+\.yaml$/.test(f)));
    const newPdus = [...pdus(V19)].filter((p) => !pdus(V11).has(p));
    expect(newPdus.length).toBeGreaterThan(0);
    const addedSchemas = byRule('schema-added');
    for (const p of newPdus) expect(addedSchemas, p).toContain(p.replace(/\.yaml$/, '').replace(/^pdu_v/, 'PduV'));
  });
});
