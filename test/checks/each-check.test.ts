/**
 * Each check of the registry (src/checks/registry.ts) on its own: for every
 * diagnostic code a model check declares, an edit of the minimal fixture
 * that makes that check, run alone, report that code at the place a reader
 * would fix; and the unedited fixture, on which no check reports anything.
 * The Internet-Draft checks (drafts-references, drafts-structure) render
 * the drafts; each of their codes has its own case in
 * test/drafts/checks.test.ts.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, projectAll } from '../../src/checks/registry.js';
import { resolveReferences } from '../../src/checks/resolve-references.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { loadProgram } from '../../src/program/load-program.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');
const DRAFT_CHECKS = new Set(['drafts-references', 'drafts-structure']);

type Edit = (dir: string) => void;

/** Replaces `from` (which must occur) by `to` in one file of the copy. */
const replace = (file: string, from: string, to: string): Edit => (dir) => {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} of the fixture has no ${JSON.stringify(from)}`);
  writeFileSync(p, text.replace(from, to));
};
const write = (file: string, text: string): Edit => (dir) => writeFileSync(path.join(dir, file), text);

interface Case {
  check: string;
  code: string;
  what: string;
  edits: Edit[];
  at: string;
  message: RegExp;
}

const SECOND_RPC = `  getOther:
    summary: Another call.
    description: Another call.
    request:
      properties:
        since: {type: string, required: true, description: A token.}
    response: {type: object, description: Nothing.}
    errors: []
    examples:
      - {name: typical, request: {since: a}, response: {}}
`;

const CASES: Case[] = [
  { check: 'duplicate-ids', code: 'MX2002', what: 'a schema defined in two files', edits: [write('schemas/extra.yaml', 'schemas:\n  Envelope: {type: object, description: Again.}\n')], at: 'schemas/extra.yaml:2:3', message: /Envelope/ },
  { check: 'duplicate-anchors', code: 'MX2003', what: 'two headings with one title', edits: [replace('documents/api.md', '# Security Considerations', '# Calls\n\nMore.\n\n# Security Considerations')], at: 'documents/api.md:29:1', message: /anchor "calls"/ },
  { check: 'references-resolve', code: 'MX2001', what: 'a reference to a schema that does not exist', edits: [replace('rpcs/core.yaml', 'ref: VersionResponse', 'ref: VersionRespons')], at: 'rpcs/core.yaml:12:7', message: /unknown schema "VersionRespons".*did you mean "VersionResponse"/ },
  { check: 'references-resolve', code: 'MX3002', what: 'a reference to a schema of the other edition only', edits: [replace('schemas/core.yaml', '  VersionResponse:\n', '  VersionResponse:\n    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n')], at: 'rpcs/core.yaml:12:7', message: /does not exist in edition ietf/ },
  { check: 'schema-cycles', code: 'MX2004', what: 'two schemas that are each other', edits: [write('schemas/extra.yaml', 'schemas:\n  A: {ref: B}\n  B: {ref: A}\n')], at: 'schemas/extra.yaml:2:3', message: /A -> B -> A/ },
  { check: 'edition-metadata', code: 'MX3006', what: 'a room version mapped to one that is not defined', edits: [replace('editions.yaml', 'roomVersions: {I.1: "12"}', 'roomVersions: {I.1: "13"}')], at: 'editions.yaml:8:20', message: /maps room version "I\.1" to "13", which is not defined in spec\/room-versions\/; map it to one of "12"/ },
  { check: 'port-records', code: 'MX3004', what: 'an element limited to one edition without a port record', edits: [replace('schemas/core.yaml', '  Envelope:\n', '  Extra:\n    editions: [matrix-org]\n    type: object\n    description: Only here.\n  Envelope:\n')], at: 'schemas/core.yaml:12:3', message: /schema "Extra" differs between editions but has no port record/ },
  { check: 'port-records', code: 'MX3005', what: 'an accepted port record without its MSC', edits: [replace('schemas/core.yaml', '  Envelope:\n', '  Extra:\n    editions: [matrix-org]\n    port: {origin: matrix-org, status: accepted}\n    type: object\n    description: Only here.\n  Envelope:\n')], at: 'schemas/core.yaml:14:11', message: /needs the MSC number/ },
  { check: 'rpc-has-binding', code: 'MX3003', what: 'an RPC without a binding', edits: [(d) => writeFileSync(path.join(d, 'rpcs/core.yaml'), readFileSync(path.join(d, 'rpcs/core.yaml'), 'utf8') + SECOND_RPC)], at: 'rpcs/core.yaml:18:3', message: /RPC "getOther" has no HTTP binding in edition ietf/ },
  { check: 'binding-consistency', code: 'MX6001', what: 'a path parameter that is no request field', edits: [replace('bindings/core.yaml', '/_matrix/federation/v1/version', '/_matrix/federation/v1/version/{serverName}')], at: 'bindings/core.yaml:5:11', message: /puts "serverName" in the path/ },
  { check: 'binding-consistency', code: 'MX6002', what: 'a query field that is no request field', edits: [replace('bindings/core.yaml', '    auth: none\n', '    auth: none\n    query: [limit]\n')], at: 'bindings/core.yaml:7:13', message: /puts "limit" in the query/ },
  { check: 'binding-consistency', code: 'MX6002', what: 'a query field that is no request field, in a variant', edits: [replace('bindings/core.yaml', '    auth: none\n', '    auth: none\n    variants:\n      matrix-org: {query: [limit]}\n')], at: 'bindings/core.yaml:8:28', message: /puts "limit" in the query/ },
  { check: 'binding-consistency', code: 'MX6003', what: 'a status for an error the RPC does not have', edits: [replace('bindings/core.yaml', '    auth: none\n', '    auth: none\n    errors: {M_NOT_FOUND: 404}\n')], at: 'bindings/core.yaml:7:14', message: /maps M_NOT_FOUND, which is not an error of the RPC/ },
  { check: 'binding-consistency', code: 'MX6004', what: 'an RPC error without a status', edits: [replace('rpcs/core.yaml', '    errors: []\n', '    errors:\n      - {code: M_FORBIDDEN, description: Not allowed.}\n')], at: 'bindings/core.yaml:3:3', message: /error M_FORBIDDEN of "getVersion" has no HTTP status/ },
  { check: 'binding-consistency', code: 'MX6005', what: 'two bindings on one route', edits: [(d) => writeFileSync(path.join(d, 'rpcs/core.yaml'), readFileSync(path.join(d, 'rpcs/core.yaml'), 'utf8') + SECOND_RPC), (d) => writeFileSync(path.join(d, 'bindings/core.yaml'), readFileSync(path.join(d, 'bindings/core.yaml'), 'utf8') + '  getOther:\n    method: GET\n    path: /_matrix/federation/v1/version\n    query: [since]\n    auth: none\n')], at: 'bindings/core.yaml:7:3', message: /is also the route of "getVersion"/ },
  { check: 'binding-consistency', code: 'MX6007', what: 'a field placed twice', edits: [(d) => writeFileSync(path.join(d, 'rpcs/core.yaml'), readFileSync(path.join(d, 'rpcs/core.yaml'), 'utf8') + SECOND_RPC), (d) => writeFileSync(path.join(d, 'bindings/core.yaml'), readFileSync(path.join(d, 'bindings/core.yaml'), 'utf8') + '  getOther:\n    method: GET\n    path: /_matrix/federation/v1/other\n    query: [since]\n    headers: {since: X-Since}\n    auth: none\n')], at: 'bindings/core.yaml:11:15', message: /places "since" in both query and headers/ },
  { check: 'examples-validate', code: 'MX4001', what: 'an example that does not fit its schema', edits: [replace('rpcs/core.yaml', 'name: Example,', 'name: 5,')], at: 'rpcs/core.yaml:17:35', message: /response example "typical" of getVersion does not validate in edition ietf: server\.name must be string/ },
  { check: 'completeness', code: 'MX4002', what: 'an RPC without a complete example', edits: [replace('rpcs/core.yaml', '        request: {}\n', '')], at: 'rpcs/core.yaml:6:3', message: /RPC "getVersion" has no example with both request and response/ },
  { check: 'completeness', code: 'MX4003', what: 'a property without a description', edits: [replace('schemas/core.yaml', 'name: {type: string, description: Implementation name.}', 'name: {type: string}')], at: 'schemas/core.yaml:10:11', message: /property "name" of schema VersionResponse has no description/ },
  { check: 'bcp14-boilerplate', code: 'MX5001', what: 'a keyword without the boilerplate', edits: [replace('documents/api.md', '::bcp14-boilerplate\n', '')], at: 'documents/api.md:18:10', message: /"MUST" is a BCP 14 keyword, but documents\/api\.md has no ::bcp14-boilerplate/ },
  { check: 'bcp14-boilerplate', code: 'MX5002', what: 'the boilerplate without a keyword', edits: [replace('documents/api.md', 'A server MUST answer.', 'A server answers.')], at: 'documents/api.md:17:1', message: /has the BCP 14 boilerplate but uses no keyword.*remove ::bcp14-boilerplate/ },
  { check: 'required-sections', code: 'MX5003', what: 'a draft without IANA Considerations', edits: [replace('documents/api.md', '# IANA Considerations', '# Registries')], at: 'documents/api.md:1:1', message: /has no top-level "IANA Considerations" section; add one \(RFC 8126/ },
];

/** What `check` alone reports on a copy of the fixture with `edits` applied. */
async function reportOf(check: string, edits: Edit[]): Promise<DiagnosticBag> {
  const dir = path.join(tempDir('mxspec-each-check-'), 'spec');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const edit of edits) edit(dir);
  const { program, diagnostics } = await loadProgram(dir);
  expect(diagnostics.items.map((d) => `${d.code} ${d.message}`), 'the edited fixture must load cleanly').toEqual([]);
  const models = projectAll(program!);
  const report = new DiagnosticBag();
  CHECKS.find((c) => c.id === check)!.run({ program: program!, models, references: resolveReferences(program!, models), report, generates: true });
  return report;
}

describe('each check on its own', () => {
  it('on the unedited fixture, no check reports anything', async () => {
    for (const c of CHECKS) expect((await reportOf(c.id, [])).items, c.id).toEqual([]);
  });

  it('every code a model check declares has a case here, under that check', () => {
    const declared = CHECKS.filter((c) => !DRAFT_CHECKS.has(c.id)).flatMap((c) => c.codes.map((code) => `${c.id} ${code}`));
    expect(new Set(CASES.map((c) => `${c.check} ${c.code}`))).toEqual(new Set(declared));
  });

  for (const c of CASES) {
    it(`${c.check}: ${c.what} -> ${c.code}`, async () => {
      const report = await reportOf(c.check, c.edits);
      const found = report.items.map((d) => ({ code: d.code, at: d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.column}` : '', message: d.message }));
      expect(found).toContainEqual({ code: c.code, at: c.at, message: expect.stringMatching(c.message) });
    });
  }
});
