/**
 * Deliberately broken copies of a small valid spec: each must fail the build
 * with exactly one expected diagnostic (code, file, line, column), exit 1,
 * no stack trace, and leave a pre-existing out/ byte-for-byte untouched.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, snapshotTree, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');

function edit(dir: string, file: string, fn: (s: string) => string): void {
  const p = path.join(dir, 'spec', file);
  writeFileSync(p, fn(readFileSync(p, 'utf8')));
}
function replaceOnce(s: string, from: string, to: string): string {
  if (!s.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return s.replace(from, to);
}

interface Case {
  name: string;
  apply: (dir: string) => void;
  code: string;
  file: string;
  line: number;
  column: number;
  args?: string[];
}

const cases: Case[] = [
  { name: 'YAML syntax error', code: 'MX1002', file: 'rpcs/core.yaml', line: 11, column: 5,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, '    request:\n', '    request: [\n')) },
  { name: 'unknown key with did-you-mean', code: 'MX1101', file: 'rpcs/core.yaml', line: 7, column: 5,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, '    summary:', '    sumary:')) },
  { name: 'wrong type', code: 'MX1102', file: 'rpcs/core.yaml', line: 9, column: 27,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, '    request:\n', '    roomVersionDependent: yes\n    request:\n')) },
  { name: 'missing required key', code: 'MX1103', file: 'bindings/core.yaml', line: 3, column: 3,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => replaceOnce(s, '    method: GET\n', '')) },
  { name: 'value not allowed', code: 'MX1104', file: 'bindings/core.yaml', line: 4, column: 13,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => replaceOnce(s, 'method: GET', 'method: FETCH')) },
  { name: 'unknown edition name', code: 'MX3001', file: 'schemas/core.yaml', line: 3, column: 16,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '    type: object\n    description: The server', '    editions: [ieft]\n    type: object\n    description: The server')) },
  { name: 'dangling schema reference', code: 'MX2001', file: 'rpcs/core.yaml', line: 12, column: 7,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, 'ref: VersionResponse', 'ref: VersionRespons')) },
  { name: 'duplicate RPC id', code: 'MX2002', file: 'rpcs/more.yaml', line: 3, column: 3,
    apply: (d) => writeFileSync(path.join(d, 'spec/rpcs/more.yaml'), 'group: {id: more, title: More, document: api}\nrpcs:\n  getVersion:\n    summary: Again.\n    request: {properties: {}}\n    response: {type: object}\n') },
  { name: 'duplicate section anchor', code: 'MX2003', file: 'documents/api.md', line: 29, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '# Security Considerations', '# Calls\n\nMore calls.\n\n# Security Considerations')) },
  { name: 'cross-edition reference', code: 'MX3002', file: 'rpcs/core.yaml', line: 12, column: 7,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '  VersionResponse:\n', '  VersionResponse:\n    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n')) },
  { name: 'RPC without binding', code: 'MX3003', file: 'rpcs/core.yaml', line: 18, column: 3,
    apply: (d) => appendFileSync(path.join(d, 'spec/rpcs/core.yaml'), '  ping:\n    summary: Ping.\n    description: Checks liveness.\n    request: {properties: {}}\n    response: {type: object, description: Empty.}\n    examples: [{name: a, request: {}, response: {}}]\n') },
  { name: 'example does not validate', code: 'MX4001', file: 'rpcs/core.yaml', line: 17, column: 35,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, 'name: Example,', 'name: 5,')) },
  { name: 'BCP 14 keyword without boilerplate', code: 'MX5001', file: 'documents/api.md', line: 18, column: 10,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '::bcp14-boilerplate\n', '')) },
  { name: 'raw HTML', code: 'MX1201', file: 'documents/api.md', line: 13, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'This document describes', '<div>x</div>\n\nThis document describes')) },
  { name: 'unknown directive', code: 'MX1202', file: 'documents/api.md', line: 23, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '::rpcs{group="core"}', '::rpcz{group="core"}')) },
  { name: 'unclosed edition block', code: 'MX1202', file: 'documents/api.md', line: 25, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'Only in the IETF edition.\n:::\n', 'Only in the IETF edition.\n')) },
  { name: 'YAML custom tag', code: 'MX1009', file: 'schemas/core.yaml', line: 4, column: 18,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, 'description: The server', 'description: !!js/function "function(){}" #')) },
  { name: 'byte-order mark', code: 'MX1003', file: 'bindings/core.yaml', line: 1, column: 1,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => '\uFEFF' + s) },
  { name: 'empty file', code: 'MX1010', file: 'schemas/empty.yaml', line: 1, column: 1,
    apply: (d) => writeFileSync(path.join(d, 'spec/schemas/empty.yaml'), '\n\n') },
  { name: 'binary file', code: 'MX1004', file: 'schemas/blob.yaml', line: 1, column: 1,
    apply: (d) => writeFileSync(path.join(d, 'spec/schemas/blob.yaml'), Buffer.from([0x73, 0x00, 0xff, 0xfe, 0x01])) },
  { name: 'schema defined only by itself', code: 'MX2004', file: 'schemas/loop.yaml', line: 2, column: 3,
    apply: (d) => writeFileSync(path.join(d, 'spec/schemas/loop.yaml'), 'schemas:\n  A: {ref: B, description: A.}\n  B: {ref: A, description: B.}\n') },
  { name: 'path parameter is not a field', code: 'MX6001', file: 'bindings/core.yaml', line: 5, column: 11,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => replaceOnce(s, '/version', '/version/{serverName}')) },
  { name: 'invalid JSON code block', code: 'MX1205', file: 'documents/api.md', line: 13, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'This document describes', '```json\n{"a": }\n```\n\nThis document describes')) },
  { name: 'unknown link scheme', code: 'MX1207', file: 'documents/api.md', line: 13, column: 35,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '[](rpc:getVersion)', '[](rcp:getVersion)')) },
  { name: 'accepted port record without MSC', code: 'MX3005', file: 'schemas/core.yaml', line: 4, column: 11,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '  VersionResponse:\n', '  VersionResponse:\n    added: v1.0\n    port: {status: accepted}\n')) },
  { name: 'duplicate YAML key', code: 'MX1011', file: 'bindings/core.yaml', line: 7, column: 5,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => s + '    auth: x-matrix\n') },
  { name: 'two YAML keys that are one text (1 and "1")', code: 'MX1011', file: 'schemas/twice.yaml', line: 3, column: 3,
    apply: (d) => writeFileSync(path.join(d, 'spec/schemas/twice.yaml'), 'schemas:\n  "1": {type: string, description: A.}\n  1: {type: string, description: B.}\n') },
  { name: 'YAML alias bomb', code: 'MX1006', file: 'schemas/bomb.yaml', line: 6, column: 8,
    apply: (d) => writeFileSync(path.join(d, 'spec/schemas/bomb.yaml'), [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]',
      'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]',
      'schemas: *h', ''].join('\n')) },
  { name: 'missing front matter', code: 'MX1204', file: 'documents/api.md', line: 1, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => s.replace(/^---[\s\S]*?---\n/, '')) },
  { name: 'invalid heading attribute', code: 'MX1206', file: 'documents/api.md', line: 11, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '# Introduction', '# Introduction {#intro .fancy}')) },
  { name: 'symbolic link leaving the spec folder', code: 'MX1008', file: 'schemas/outside.yaml', line: 1, column: 1,
    apply: (d) => {
      writeFileSync(path.join(d, 'secret.yaml'), 'schemas: {}\n');
      symlinkSync(path.join(d, 'secret.yaml'), path.join(d, 'spec/schemas/outside.yaml'));
    } },
  { name: 'unknown key in a variant', code: 'MX1101', file: 'schemas/core.yaml', line: 4, column: 23,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '  VersionResponse:\n', '  VersionResponse:\n    port: {origin: ietf, status: pending}\n    variants: {ietf: {descripton: x}}\n')) },
  { name: 'divergence without port record (warning as error)', code: 'MX3004', file: 'schemas/core.yaml', line: 2, column: 3, args: ['--warn-as-error'],
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '  VersionResponse:\n', '  VersionResponse:\n    variants: {ietf: {description: Stricter.}}\n')) },
];

describe('broken spec copies', () => {
  it('the fixture itself is valid', () => {
    const r = runCli(['check', '--spec', FIXTURE]);
    expect(r.stderr).toContain('0 error(s), 0 warning(s)');
    expect(r.code).toBe(0);
  });

  it('has at least 20 cases with distinct expectations', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  for (const c of cases) {
    it(`${c.name} -> ${c.code} at ${c.file}:${c.line}:${c.column}`, () => {
      const dir = tempDir('mxspec-broken-');
      try {
        cpSync(FIXTURE, path.join(dir, 'spec'), { recursive: true });
        mkdirSync(path.join(dir, 'out/ietf'), { recursive: true });
        writeFileSync(path.join(dir, 'out/ietf/marker.txt'), 'previous build\n');
        const before = snapshotTree(path.join(dir, 'out'));
        c.apply(dir);
        const r = runCli(['build', '--spec', 'spec', '--out', 'out', ...(c.args ?? [])], { cwd: dir });
        expect(r.code, r.stderr).toBe(1);
        const severity = c.code === 'MX3004' ? 'warning' : 'error';
        const expected = `spec/${c.file}:${c.line}:${c.column} - ${severity} ${c.code}: `;
        expect(r.stderr, r.stderr).toContain(expected);
        expect(r.stderr).not.toMatch(/\n\s+at .+\(.*\.js:\d+:\d+\)/);
        expect(r.stderr).not.toContain('MX9999');
        expect(snapshotTree(path.join(dir, 'out'))).toEqual(before);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
