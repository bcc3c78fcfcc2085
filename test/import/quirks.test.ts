/**
 * The importer on a small folder in the matrix-spec layout, written here,
 * with the corpus's quirks on purpose: path keys that differ by a trailing
 * space, an undefined security scheme, `$` in file names, JSON in a .yaml
 * example, pointer refs across folders, allOf, nullable types,
 * patternProperties, lifecycle keys. Also broken input and the CLI.
 */
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess, snapshotTree, tempDir } from '../helpers/cli.js';
import { importMatrixSpec, type ImportResult } from '../../src/import/index.js';
import { compile, type CompileResult } from '../../src/build/pipeline.js';
import type { ObjectSchema, Property } from '../../src/ir/types.js';

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

const API = `openapi: 3.1.0
info: {title: Test API, version: 1.0.0}
servers:
  - url: "{protocol}://{hostname}{basePath}"
    variables:
      protocol: {default: https}
      hostname: {default: localhost}
      basePath: {default: /_matrix/test/v1}
paths:
  "/thing/{id}":
    get:
      operationId: getThing
      summary: Get a thing
      description: Returns the thing.
      security: [{signedRequest: []}]
      parameters:
        - {in: path, name: id, required: true, example: "abc", schema: {type: string}}
        - {in: query, name: limit, x-addedInMatrixVersion: "1.3", schema: {type: integer}}
      responses:
        "200":
          description: The thing.
          content:
            application/json:
              schema:
                $ref: definitions/thing.yaml
              examples:
                response:
                  value: {"$ref": "examples/thing.json", "name": "override"}
        "403":
          description: Not allowed.
          content:
            application/json:
              schema: {type: object, properties: {errcode: {type: string}}}
              examples:
                response: {value: {errcode: M_FORBIDDEN, error: no}}
  "/thing/{id} ":
    get:
      operationId: getThingAgain
      summary: The same route again
      responses:
        "200": {description: ok}
  "/other":
    post:
      operationId: postOther
      summary: Post
      security: [{undefinedScheme: []}]
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                who: {type: string, format: mx-user-id}
                maybe: {type: ["string", "null"]}
              required: [who]
            example: {who: "@a:example.org", maybe: null}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  ok: {type: boolean}
        "202":
          description: accepted later
components:
  securitySchemes:
    signedRequest:
      $ref: definitions/security.yaml#/signedRequest
`;

const THING = `type: object
title: Thing
description: A thing.
allOf:
  - $ref: ../../shared/defs.yaml#/Base
  - type: object
    properties:
      name: {type: string, description: The name., x-changedInMatrixVersion: {"1.4": renamed}}
      members:
        type: object
        description: By user.
        patternProperties:
          "^@":
            x-pattern-format: mx-user-id
            type: integer
    required: [name, id]
`;

const FILES: Record<string, string> = {
  'data/api/test/ops.yaml': API,
  'data/api/test/definitions/thing.yaml': THING,
  'data/api/test/definitions/security.yaml': 'signedRequest:\n  type: http\n  scheme: X-Matrix\n',
  'data/api/test/examples/thing.json': '{"id": "abc", "name": "n", "members": {"@a:example.org": 1}}',
  'data/api/shared/defs.yaml': 'Base:\n  type: object\n  description: The base.\n  properties:\n    id: {type: string, description: The id.}\n',
  'data/event-schemas/schema/core-event-schema/event.yaml': 'type: object\nproperties:\n  content: {type: object}\n  type: {type: string}\nrequired: [type, content]\n',
  'data/event-schemas/schema/core-event-schema/room_event.yaml': 'allOf:\n  - $ref: event.yaml\n  - type: object\n    properties:\n      event_id: {type: string}\n',
  'data/event-schemas/schema/core-event-schema/state_event.yaml': 'allOf:\n  - $ref: room_event.yaml\n  - type: object\n    properties:\n      state_key: {type: string}\n',
  'data/event-schemas/schema/m.room.test.yaml': 'allOf:\n  - $ref: core-event-schema/state_event.yaml\ndescription: A test state event.\nproperties:\n  state_key: {type: string, description: Empty., enum: [""]}\n  type: {type: string, enum: [m.room.test]}\n  content:\n    type: object\n    properties:\n      level: {type: integer, description: The level.}\n    required: [level]\n',
  'data/event-schemas/schema/m.room.message.yaml': 'allOf:\n  - $ref: core-event-schema/room_event.yaml\ndescription: A message.\nproperties:\n  type: {type: string, enum: [m.room.message]}\n  content:\n    type: object\n    properties:\n      msgtype: {type: string, description: The kind.}\n      body: {type: string, description: The text.}\n    required: [msgtype, body]\n',
  'data/event-schemas/schema/m.room.message$m.test.yaml': 'allOf:\n  - $ref: core-event-schema/room_event.yaml\ndescription: A test message.\nproperties:\n  content:\n    type: object\n    properties:\n      msgtype: {type: string, enum: [m.test]}\n      body: {type: string, description: The text.}\n      extra: {type: integer, description: More.}\n    required: [msgtype, body, extra]\n',
  'data/event-schemas/examples/core/state_event.json': '{"type": "x", "event_id": "$e", "state_key": "", "content": {"generic": true}}',
  // JSON text in a .yaml file, building on another example with $ref and overrides.
  'data/event-schemas/examples/m.room.test.yaml': '{\n  "$ref": "core/state_event.json",\n  "type": "m.room.test",\n  "content": {"level": 3}\n}\n',
  'data/event-schemas/examples/m.room.message$m.test.yaml': 'type: m.room.message\nevent_id: $m\ncontent: {msgtype: m.test, body: hi, extra: 1}\n',
};

describe('import of a folder in the matrix-spec layout, with quirks', () => {
  let root: string;
  let result: ImportResult;
  let built: CompileResult;

  beforeAll(async () => {
    root = tempDir('mxspec-import-quirks-');
    write(root, FILES);
    result = importMatrixSpec(root, { version: 'v1.4', date: '2025-01-02' });
    const spec = path.join(tempDir('mxspec-import-quirks-out-'), 'spec');
    for (const f of result.files) write(spec, { [f.path]: f.content });
    built = await compile(spec, { checkOnly: true });
  });

  const codes = (): string[] => result.diagnostics.map((d) => d.code);

  it('reports each quirk with its own diagnostic and no error', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dup = result.diagnostics.find((d) => d.code === 'MX1304');
    expect(dup?.message).toContain('GET /_matrix/test/v1/thing/{id}');
    expect(dup?.message).toContain('whitespace');
    expect(dup?.loc?.file).toBe('data/api/test/ops.yaml');
    expect(result.diagnostics.find((d) => d.code === 'MX1305')?.message).toContain('undefinedScheme');
    expect(result.diagnostics.find((d) => d.code === 'MX1308')?.message).toContain('m.room.test.yaml');
    expect(codes()).toContain('MX1306'); // 200 + 202: one success response kept
  });

  it('writes a spec that mxspec check accepts', () => {
    expect(built.diagnostics.items.filter((d) => d.severity === 'error').map((d) => `${d.loc?.file}:${d.loc?.line} ${d.message}`)).toEqual([]);
  });

  it('maps operations to RPCs and bindings with the base path folded in', () => {
    const p = built.program!;
    expect(p.rpcs.map((r) => r.name).sort()).toEqual(['getThing', 'postOther']);
    const b = p.bindings.find((x) => x.rpc === 'getThing')!;
    expect([b.method, b.path, b.query, b.auth]).toEqual(['GET', '/_matrix/test/v1/thing/{id}', ['limit'], 'x-matrix']);
    expect(b.errors).toEqual({ M_FORBIDDEN: 403 });
    const rpc = p.rpcs.find((r) => r.name === 'getThing')!;
    expect(rpc.request.properties.find((x) => x.name === 'limit')?.lifecycle?.added).toBe('v1.3');
    expect(rpc.errors.map((e) => e.code)).toEqual(['M_FORBIDDEN']);
    // The response example built on examples/thing.json with a sibling override.
    expect(rpc.examples[0]?.response).toEqual({ id: 'abc', name: 'override', members: { '@a:example.org': 1 } });
    const post = p.rpcs.find((r) => r.name === 'postOther')!;
    const who = post.request.properties.find((x) => x.name === 'who')!;
    expect([who.required, who.schema.type, (who.schema as { format?: string }).format]).toEqual([true, 'string', 'user-id']);
    const maybe = post.request.properties.find((x) => x.name === 'maybe')!;
    expect([maybe.schema.type, maybe.schema.nullable]).toEqual(['string', true]);
  });

  it('turns allOf of a pointer ref across folders plus an object into extends + own properties', () => {
    const p = built.program!;
    const thing = p.schemas.find((s) => s.name === 'Thing')!;
    const obj = thing.schema as ObjectSchema & { loc: unknown };
    expect(obj.type).toBe('object');
    expect(obj.extends).toHaveLength(1);
    const base = p.schemas.find((s) => s.name === obj.extends![0])!;
    expect((base.schema as ObjectSchema).properties.map((x) => x.name)).toEqual(['id']);
    const props = new Map<string, Property>(obj.properties.map((x) => [x.name, x]));
    // "id" is required here but declared in the parent: redeclared as required.
    expect(props.get('id')?.required).toBe(true);
    expect(props.get('name')?.lifecycle?.changed).toEqual([{ in: 'v1.4', note: 'renamed' }]);
    const members = props.get('members')!.schema;
    expect(members.type).toBe('map');
    expect((members as { keys?: unknown }).keys).toEqual({ pattern: '^@', format: 'user-id' });
  });

  it('imports event schemas: state events, msgtypes from $ file names, examples with overrides', () => {
    const p = built.program!;
    const test = p.eventTypes.find((e) => e.name === 'm.room.test')!;
    expect(test.kind).toBe('state');
    expect(test.stateKey?.format).toBe('empty');
    expect(test.examples).toEqual([{ type: 'm.room.test', event_id: '$e', state_key: '', content: { level: 3 } }]);
    const msg = p.eventTypes.find((e) => e.name === 'm.room.message')!;
    expect(msg.kind).toBe('message');
    expect(msg.msgtypes?.map((m) => m.name)).toEqual(['m.test']);
    expect(msg.examples).toHaveLength(1);
  });

  it('records the release in editions.yaml for both editions', () => {
    const eds = built.program!.editions;
    expect([eds['matrix-org'].version, eds['matrix-org'].baseline, eds['matrix-org'].date]).toEqual(['v1.4', 'v1.4', '2025-01-02']);
    expect(eds.ietf.baseline).toBe('v1.4');
  });
});

describe('import of broken input', () => {
  it('reports a folder that is not in the layout', () => {
    const r = importMatrixSpec(tempDir('mxspec-import-empty-'));
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['MX1301']);
  });

  it('reports unreadable YAML and unresolved $refs with locations, and still writes what it could', () => {
    const root = tempDir('mxspec-import-broken-');
    write(root, {
      'data/api/x/good.yaml': 'openapi: 3.1.0\ninfo: {title: X, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: getA\n      summary: A\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: "missing.yaml"}\n',
      'data/api/x/bad.yaml': 'paths: [unclosed\n',
    });
    const r = importMatrixSpec(root);
    const byCode = new Map(r.diagnostics.map((d) => [d.code, d]));
    expect(byCode.get('MX1002')?.loc?.file).toBe('data/api/x/bad.yaml');
    expect(byCode.get('MX1302')?.message).toContain('missing.yaml');
    expect(r.files.some((f) => f.path === 'rpcs/good.yaml')).toBe(true);
  });

  it('names an unknown --api folder', () => {
    const root = tempDir('mxspec-import-api-');
    write(root, { 'data/api/x/a.yaml': 'openapi: 3.1.0\npaths: {}\n' });
    const r = importMatrixSpec(root, { api: 'server-server' });
    expect(r.diagnostics[0]?.message).toContain('available: x');
  });
});

describe('mxspec import (CLI)', () => {
  it('writes the spec folder, refuses a non-empty one, and rejects bad usage', async () => {
    const root = tempDir('mxspec-import-cli-');
    write(root, FILES);
    const out = path.join(tempDir('mxspec-import-cli-out-'), 'spec');
    const ok = await runCliInProcess(['import', 'matrix-spec', root, '--out', out, '--date', '2025-01-02']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('mxspec import: wrote');
    expect(existsSync(path.join(out, 'editions.yaml'))).toBe(true);
    expect(readdirSync(path.join(out, 'rpcs'))).toEqual(['ops.yaml']);
    const check = await runCliInProcess(['check', '--spec', out]);
    expect(check.code).toBe(0);

    const again = await runCliInProcess(['import', 'matrix-spec', root, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/error MX9001: the output folder is not empty/);

    const wrongSource = await runCliInProcess(['import', 'openapi', root, '--out', path.join(out, 'x')]);
    expect(wrongSource.code).toBe(2);
    expect(wrongSource.stderr).toMatch(/error MX9003: unknown import source "openapi"/);
    const noOut = await runCliInProcess(['import', 'matrix-spec', root]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--build builds the imported spec in the same process, as a separate mxspec build would', async () => {
    const root = tempDir('mxspec-import-build-');
    write(root, FILES);
    const base = tempDir('mxspec-import-build-out-');
    const [spec, out] = [path.join(base, 'spec'), path.join(base, 'out')];
    // A real process: the launcher starts the types worker before the import runs.
    const both = runCli(['import', 'matrix-spec', root, '--out', spec, '--date', '2025-01-02', '--build', out, '--stats']);
    expect(both.code).toBe(0);
    expect(both.stderr).toContain('mxspec import: wrote');
    expect(both.stderr).toMatch(/mxspec build: wrote \d+ files to /);
    const phases = [...both.stderr.matchAll(/^ {2}(\S[^\n]*?)\s+[\d.]+ ms$/gm)].map((m) => m[1]);
    expect(phases.slice(0, 3)).toEqual(['import', 'import:write', 'load']);
    expect(phases.at(-1)).toBe('total');
    expect(existsSync(path.join(spec, 'editions.yaml'))).toBe(true);

    // The build took every YAML file the import wrote as written, without reading it back ...
    const yamlWritten = [...snapshotTree(spec).keys()].filter((k) => k.endsWith('.yaml')).length;
    expect(yamlWritten).toBeGreaterThan(3);
    expect(both.stderr).toContain(`; ${yamlWritten} YAML files taken as written, not read back`);

    const separate = path.join(base, 'out-separate');
    const build = await runCliInProcess(['build', '--spec', spec, '--out', separate]);
    expect(build.code).toBe(0);
    // ... and reported what a separate build reports, at the same places.
    const specLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith(spec));
    expect(specLines(build.stderr).length).toBeGreaterThan(0);
    expect(specLines(both.stderr)).toEqual(specLines(build.stderr));
    const [a, b] = [snapshotTree(out), snapshotTree(separate)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()]).toContain('ietf/openapi.json');
    expect([...a.keys()]).toContain('matrix-org/types/paths.d.ts');
    for (const [k, v] of a) expect(v, k).toBe(b.get(k));

    // --format json: one document with the import's diagnostics (named under the checkout) and the build's (under the spec).
    const [spec2, out2] = [path.join(base, 'spec2'), path.join(base, 'out2')];
    const json = await runCliInProcess(['import', 'matrix-spec', root, '--out', spec2, '--date', '2025-01-02', '--build', out2, '--format', 'json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { summary: { warnings: number }; diagnostics: { severity: string; loc?: { file: string } }[] };
    const warningsUnder = (dir: string): number =>
      report.diagnostics.filter((d) => d.severity === 'warning' && d.loc?.file.startsWith(path.resolve(dir).split(path.sep).join('/') + '/')).length;
    const [fromImport, fromBuild] = [warningsUnder(root), warningsUnder(spec2)];
    expect(fromImport).toBeGreaterThan(0);
    expect(fromBuild).toBeGreaterThan(0);
    expect(report.summary.warnings).toBe(fromImport + fromBuild);
  });

  it('--build builds nothing when the import reports errors, and refuses an output folder that mixes with the spec', async () => {
    const root = tempDir('mxspec-import-build-broken-');
    write(root, { ...FILES, 'data/api/test/bad.yaml': 'paths: [unclosed\n' });
    const base = tempDir('mxspec-import-build-broken-out-');
    const [spec, out] = [path.join(base, 'spec'), path.join(base, 'out')];
    const broken = await runCliInProcess(['import', 'matrix-spec', root, '--out', spec, '--build', out]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/error MX1002/);
    expect(broken.stderr).toMatch(/mxspec import: wrote \d+ files to .*; not built\n/);
    expect(existsSync(out)).toBe(false);

    for (const [specDir, outDir] of [[spec + '2', spec + '2'], [spec + '3', path.join(spec + '3', 'out')], [path.join(base, 'o4', 'spec'), path.join(base, 'o4')]]) {
      const r = await runCliInProcess(['import', 'matrix-spec', root, '--out', specDir!, '--build', outDir!]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error MX9003: --build ${JSON.stringify(outDir)} and --out ${JSON.stringify(specDir)} must be separate folders`);
      expect(existsSync(specDir!)).toBe(false);
    }
  });
});
