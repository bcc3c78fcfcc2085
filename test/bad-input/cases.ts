/**
 * The bad-input corpus as data. Every case starts from a scratch copy of
 * test/fixtures/minimal-spec (see harness.ts), breaks it in one way and
 * names the diagnostic the build must print first for that spot: code,
 * file, line, column. These complement test/foundation/broken-specs.test.ts
 * (which has one case per diagnostic family) and do not repeat its inputs.
 *
 * `file` is the path as printed (relative to the case folder, where the CLI
 * runs). Output-side failures have no source position: for them line and
 * column are 0 and `file` is the --out path the message names; usage errors
 * are located at "mxspec" (the command line).
 */
import { chmodSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { edit, put, replaceOnce, specPath, toCrlf } from './harness.js';

export interface BadInputCase {
  name: string;
  /** The category, for docs/reliability.md. */
  category: string;
  apply: (dir: string) => void;
  code: string;
  file: string;
  line: number;
  column: number;
  /** Further text the diagnostic must contain (e.g. the did-you-mean). */
  message?: RegExp;
  /** 1 (default) for bad input, 2 for usage errors. */
  exit?: 1 | 2;
  /** Arguments after `mxspec`; default: build --spec spec --out out. */
  args?: string[];
  /** Folder (relative to the case folder) that must be byte-identical before and after; default out. */
  guarded?: string;
  /** Node flags and environment for the child (e.g. the full-disk preload). */
  node?: (dir: string) => { nodeArgs?: string[]; env?: Record<string, string> };
  /** Returns a reason to skip when the case's precondition does not hold here. */
  skipIf?: () => string | undefined;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Nested flow sequences: `schemas: [[[ … ]]]`. */
const flowNest = (n: number): string => `schemas: ${'['.repeat(n)}${']'.repeat(n)}\n`;

export const CASES: BadInputCase[] = [
  // ------------------------------------------------------------ YAML syntax
  { name: 'unclosed flow mapping', category: 'YAML syntax', code: 'MX1002', file: 'spec/schemas/core.yaml', line: 11, column: 11,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, 'description: Implementation name.}', 'description: Implementation name.')) },
  { name: 'tab used for indentation', category: 'YAML syntax', code: 'MX1002', file: 'spec/bindings/core.yaml', line: 5, column: 1,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => replaceOnce(s, '    path:', '\tpath:')) },
  { name: 'unterminated quoted string', category: 'YAML syntax', code: 'MX1002', file: 'spec/editions.yaml', line: 5, column: 16,
    apply: (d) => edit(d, 'editions.yaml', (s) => replaceOnce(s, 'version: "1"', 'version: "1')) },
  { name: 'YAML error inside Markdown front matter', category: 'YAML syntax', code: 'MX1002', file: 'spec/documents/api.md', line: 6, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'keywords: [matrix]', 'keywords: [matrix')) },
  { name: 'two YAML documents in one file', category: 'YAML syntax', code: 'MX1002', file: 'spec/schemas/two.yaml', line: 2, column: 1, message: /one YAML document/,
    apply: (d) => put(d, 'schemas/two.yaml', 'schemas: {}\n---\nschemas: {}\n') },

  // ------------------------------------------------------------ wrong types
  { name: 'summary is a list', category: 'wrong type', code: 'MX1102', file: 'spec/rpcs/core.yaml', line: 7, column: 14,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, 'summary: Ask a server for its implementation name and version.', 'summary: [Ask, a, server]')) },
  { name: 'HTTP status is a string', category: 'wrong type', code: 'MX1102', file: 'spec/bindings/core.yaml', line: 7, column: 13,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => s + '    status: "200"\n') },
  { name: 'top level is a sequence', category: 'wrong type', code: 'MX1102', file: 'spec/schemas/list.yaml', line: 1, column: 1,
    apply: (d) => put(d, 'schemas/list.yaml', '- a\n- b\n') },
  { name: 'front matter title is a mapping', category: 'wrong type', code: 'MX1102', file: 'spec/documents/api.md', line: 2, column: 8,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'title: Minimal Federation API', 'title: {a: 1}')) },
  { name: 'comment-only YAML file', category: 'wrong type', code: 'MX1102', file: 'spec/schemas/comment.yaml', line: 1, column: 1,
    apply: (d) => put(d, 'schemas/comment.yaml', '# nothing here yet\n') },

  // ------------------------------------------------------------ unknown keys (did-you-mean)
  { name: 'misspelt binding key', category: 'unknown key', code: 'MX1101', file: 'spec/bindings/core.yaml', line: 5, column: 5, message: /did you mean "path"/,
    apply: (d) => edit(d, 'bindings/core.yaml', (s) => replaceOnce(s, '    path:', '    paht:')) },
  { name: 'misspelt property key', category: 'unknown key', code: 'MX1101', file: 'spec/schemas/core.yaml', line: 16, column: 28, message: /did you mean "required"/,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, 'type: {type: string, required: true', 'type: {type: string, requird: true')) },
  { name: 'misspelt edition key', category: 'unknown key', code: 'MX1101', file: 'spec/editions.yaml', line: 4, column: 5, message: /did you mean "label"/,
    apply: (d) => edit(d, 'editions.yaml', (s) => replaceOnce(s, '    label: IETF', '    lable: IETF')) },
  { name: 'misspelt front-matter key', category: 'unknown key', code: 'MX1101', file: 'spec/documents/api.md', line: 3, column: 1, message: /did you mean "abbrev"/,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'abbrev: Minimal API', 'abrev: Minimal API')) },
  { name: 'YAML merge key is not a feature', category: 'unknown key', code: 'MX1101', file: 'spec/schemas/merge.yaml', line: 4, column: 5,
    apply: (d) => put(d, 'schemas/merge.yaml', 'schemas:\n  A:\n    description: x\n    <<: {type: string}\n') },

  // ------------------------------------------------------------ dangling and cyclic references
  { name: 'link to an unknown schema', category: 'dangling reference', code: 'MX2001', file: 'spec/documents/api.md', line: 13, column: 35,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '[](rpc:getVersion)', '[](schema:Missing)')) },
  // Located at the object schema: the IR keeps no position for an `extends` item.
  { name: 'extends an unknown schema', category: 'dangling reference', code: 'MX2001', file: 'spec/schemas/core.yaml', line: 13, column: 5,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '    description: A minimal event envelope.\n', '    description: A minimal event envelope.\n    extends: [Base]\n')) },
  // Located at the room-version element: the IR keeps no position for `envelope`.
  { name: 'room version envelope is unknown', category: 'dangling reference', code: 'MX2001', file: 'spec/room-versions/12.yaml', line: 1, column: 1, message: /did you mean "Envelope"/,
    apply: (d) => edit(d, 'room-versions/12.yaml', (s) => replaceOnce(s, 'envelope: Envelope', 'envelope: Envelop')) },
  { name: 'cycle through extends', category: 'cyclic reference', code: 'MX2004', file: 'spec/schemas/cycle.yaml', line: 2, column: 3,
    apply: (d) => put(d, 'schemas/cycle.yaml', 'schemas:\n  A: {type: object, extends: [B], description: A.}\n  B: {type: object, extends: [A], description: B.}\n') },
  { name: 'union made only of itself', category: 'cyclic reference', code: 'MX2004', file: 'spec/schemas/cycle.yaml', line: 2, column: 3,
    apply: (d) => put(d, 'schemas/cycle.yaml', 'schemas:\n  Self: {type: union, description: S., oneOf: [{ref: Self}, {ref: Self}]}\n') },

  // ------------------------------------------------------------ duplicate ids
  // Files load in sorted order, so copy.yaml is first and core.yaml's definition is the duplicate.
  { name: 'schema defined in two files', category: 'duplicate id', code: 'MX2002', file: 'spec/schemas/core.yaml', line: 12, column: 3,
    apply: (d) => put(d, 'schemas/copy.yaml', 'schemas:\n  Envelope: {type: object, description: Again.}\n') },
  { name: 'event type defined twice', category: 'duplicate id', code: 'MX2002', file: 'spec/events/more.yaml', line: 2, column: 3,
    apply: (d) => put(d, 'events/more.yaml', 'eventTypes:\n  m.room.topic:\n    kind: state\n    description: Again.\n    stateKey: {format: empty}\n    content: {type: object, properties: {}}\n') },
  { name: 'rule id repeated in a room version', category: 'duplicate id', code: 'MX2002', file: 'spec/room-versions/12.yaml', line: 10, column: 7,
    apply: (d) => edit(d, 'room-versions/12.yaml', (s) => s + '    - id: auth.create\n      text: Said twice.\n') },

  // ------------------------------------------------------------ unknown editions, cross-edition references
  { name: 'unknown edition on an RPC', category: 'unknown edition', code: 'MX3001', file: 'spec/rpcs/core.yaml', line: 7, column: 16,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, '    summary:', '    editions: [matrix]\n    summary:')) },
  { name: 'unknown edition in variants', category: 'unknown edition', code: 'MX3001', file: 'spec/schemas/core.yaml', line: 4, column: 16,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '  VersionResponse:\n', '  VersionResponse:\n    port: {origin: ietf, status: pending}\n    variants: {itef: {description: x}}\n')) },
  { name: 'unknown edition in an :::edition block', category: 'unknown edition', code: 'MX3001', file: 'spec/documents/api.md', line: 25, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'only="ietf" origin', 'only="iet" origin')) },
  // Edition ids are fixed keys of editions.yaml, so the schema reports the stray key.
  { name: 'a third edition in editions.yaml', category: 'unknown edition', code: 'MX1101', file: 'spec/editions.yaml', line: 19, column: 3, message: /unknown key "draft"/,
    apply: (d) => edit(d, 'editions.yaml', (s) => replaceOnce(s, 'authors:\n', '  draft: {label: Draft, version: "0", baseline: v1.0, date: 2026-01-01}\nauthors:\n')) },
  { name: 'matrix-org-only RPC linked from shared prose', category: 'cross-edition reference', code: 'MX3002', file: 'spec/documents/api.md', line: 13, column: 35,
    apply: (d) => {
      edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, '    summary:', '    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n    summary:'));
      edit(d, 'bindings/core.yaml', (s) => replaceOnce(s, '    method: GET', '    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n    method: GET'));
    } },
  { name: 'shared property refers to an ietf-only schema', category: 'cross-edition reference', code: 'MX3002', file: 'spec/schemas/core.yaml', line: 18, column: 14,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => s + '      extra: {ref: IetfOnly, description: Extra.}\n  IetfOnly:\n    editions: [ietf]\n    port: {origin: ietf, status: pending}\n    type: string\n    description: Only there.\n') },

  // ------------------------------------------------------------ Markdown directives and raw HTML
  { name: 'unknown container directive', category: 'Markdown directive', code: 'MX1202', file: 'spec/documents/api.md', line: 31, column: 1, message: /only :::edition exists/,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'None beyond those of the transport.', ':::note\nNone beyond those of the transport.\n:::')) },
  { name: 'unclosed :::edition at the end of the file', category: 'Markdown directive', code: 'MX1202', file: 'spec/documents/api.md', line: 37, column: 1, message: /never closed/,
    apply: (d) => edit(d, 'documents/api.md', (s) => s + '\n:::edition{only="matrix-org" origin="matrix-org" status="pending"}\nTrailing text.\n') },
  { name: 'leaf directive missing its attribute', category: 'Markdown directive', code: 'MX1203', file: 'spec/documents/api.md', line: 23, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '::rpcs{group="core"}', '::rpcs')) },
  { name: 'inline raw HTML', category: 'raw HTML', code: 'MX1201', file: 'spec/documents/api.md', line: 31, column: 6,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'None beyond those', 'None <b>beyond</b> those')) },
  { name: 'script element', category: 'raw HTML', code: 'MX1201', file: 'spec/documents/api.md', line: 31, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'None beyond those of the transport.', '<script>alert(1)</script>\n\nNone beyond those of the transport.')) },
  { name: 'HTML comment', category: 'raw HTML', code: 'MX1201', file: 'spec/documents/api.md', line: 37, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => s + '\n<!-- hidden note -->\n') },

  // ------------------------------------------------------------ encodings: BOM, CRLF, non-ASCII, empty, binary
  { name: 'byte-order mark on a Markdown document', category: 'byte-order mark', code: 'MX1003', file: 'spec/documents/api.md', line: 1, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => '\uFEFF' + s) },
  { name: 'UTF-16 file (with its BOM)', category: 'byte-order mark', code: 'MX1004', file: 'spec/schemas/utf16.yaml', line: 1, column: 1,
    apply: (d) => put(d, 'schemas/utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('schemas: {}\n', 'utf16le')])) },
  { name: 'CRLF file: unknown key keeps its line and column', category: 'CRLF line endings', code: 'MX1101', file: 'spec/rpcs/core.yaml', line: 8, column: 5, message: /did you mean "description"/,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => toCrlf(replaceOnce(s, '    description: Returns', '    descripton: Returns'))) },
  { name: 'CRLF file: YAML syntax error position', category: 'CRLF line endings', code: 'MX1002', file: 'spec/schemas/core.yaml', line: 11, column: 11,
    apply: (d) => edit(d, 'schemas/core.yaml', (s) => toCrlf(replaceOnce(s, 'description: Implementation name.}', 'description: Implementation name.'))) },
  { name: 'CRLF document: raw HTML position', category: 'CRLF line endings', code: 'MX1201', file: 'spec/documents/api.md', line: 31, column: 6,
    apply: (d) => edit(d, 'documents/api.md', (s) => toCrlf(replaceOnce(s, 'None beyond those', 'None <i>beyond</i> those'))) },
  { name: 'Latin-1 bytes (not UTF-8)', category: 'non-ASCII', code: 'MX1004', file: 'spec/schemas/latin1.yaml', line: 1, column: 1,
    apply: (d) => put(d, 'schemas/latin1.yaml', Buffer.from('schemas:\n  A: {type: string, description: caf\xe9}\n', 'latin1')) },
  // Prose non-ASCII is wrapped in <u> (RFC 7997); a section title cannot be, so it is an error.
  { name: 'non-ASCII in an Internet-Draft section title', category: 'non-ASCII', code: 'MX7010', file: 'spec/documents/api.md', line: 21, column: 1,
    skipIf: () => (draftsRegistered() ? undefined : 'the drafts generator is not registered'),
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '# Calls', '# Calls — core')) },
  { name: 'empty Markdown document (0 bytes)', category: 'empty file', code: 'MX1010', file: 'spec/documents/empty.md', line: 1, column: 1,
    apply: (d) => put(d, 'documents/empty.md', '') },
  { name: 'whitespace-only editions.yaml', category: 'empty file', code: 'MX1010', file: 'spec/editions.yaml', line: 1, column: 1,
    apply: (d) => put(d, 'editions.yaml', '  \n\t\n') },
  { name: 'PNG bytes named .md', category: 'binary file', code: 'MX1004', file: 'spec/documents/image.md', line: 1, column: 1,
    apply: (d) => put(d, 'documents/image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])) },

  // ------------------------------------------------------------ size, alias bombs, nesting
  { name: '20 MB YAML file', category: 'large file', code: 'MX1005', file: 'spec/schemas/huge.yaml', line: 1, column: 1,
    apply: (d) => put(d, 'schemas/huge.yaml', 'schemas:\n' + '  # padding line of a very large file\n'.repeat(Math.ceil((20 * 1024 * 1024) / 38))) },
  { name: '20 MB Markdown document', category: 'large file', code: 'MX1005', file: 'spec/documents/huge.md', line: 1, column: 1,
    apply: (d) => put(d, 'documents/huge.md', '---\ntitle: Huge\n---\n\n# Huge\n\n' + 'All work and no play. '.repeat(Math.ceil((20 * 1024 * 1024) / 22))) },
  // Reported at the outermost alias being expanded when the budget ran out (x5's first *a4).
  { name: 'alias bomb in front matter', category: 'alias bomb', code: 'MX1006', file: 'spec/documents/api.md', line: 14, column: 10,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, 'normative: [RFC2119, RFC8174]\n', 'normative: [RFC2119, RFC8174]\n' + [
      'x0: &a0 [l, l, l, l, l, l, l, l, l, l]',
      'x1: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]',
      'x2: &a2 [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]',
      'x3: &a3 [*a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2, *a2]',
      'x4: &a4 [*a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3, *a3]',
      'x5: &a5 [*a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4, *a4]',
      'x6: &a6 [*a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5, *a5]',
      'x7: [*a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6, *a6]', ''].join('\n'))) },
  { name: 'YAML flow nesting 300 deep', category: 'deep nesting', code: 'MX1007', file: 'spec/schemas/deep.yaml', line: 1, column: 74,
    apply: (d) => put(d, 'schemas/deep.yaml', flowNest(300)) },
  { name: 'YAML flow nesting 5000 deep (parser stack)', category: 'deep nesting', code: 'MX1007', file: 'spec/schemas/deep.yaml', line: 1, column: 74,
    apply: (d) => put(d, 'schemas/deep.yaml', flowNest(5000)) },
  { name: 'YAML block nesting 100 deep', category: 'deep nesting', code: 'MX1007', file: 'spec/schemas/deep.yaml', line: 66, column: 131,
    apply: (d) => put(d, 'schemas/deep.yaml', 'schemas:\n' + Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:\n`).join('') + `${'  '.repeat(101)}x\n`) },
  { name: 'Markdown blockquotes 100 deep', category: 'deep nesting', code: 'MX1007', file: 'spec/documents/api.md', line: 36, column: 65,
    apply: (d) => edit(d, 'documents/api.md', (s) => s + '>'.repeat(100) + ' deep\n') },
  // Deep enough to exhaust the parser's stack with Node's default stack size; where the
  // parser copes, the depth check reports the same position.
  { name: 'Markdown blockquotes 10000 deep (parser stack)', category: 'deep nesting', code: 'MX1007', file: 'spec/documents/api.md', line: 36, column: 65,
    apply: (d) => edit(d, 'documents/api.md', (s) => s + '>'.repeat(10000) + ' deep\n') },
  { name: 'Markdown lists 60 deep', category: 'deep nesting', code: 'MX1007', file: 'spec/documents/api.md', line: 68, column: 65,
    apply: (d) => edit(d, 'documents/api.md', (s) => s + '\n' + Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- item ${i}\n`).join('')) },

  // ------------------------------------------------------------ paths and links leaving spec/
  { name: '::schemas file="../../../etc/passwd"', category: 'path leaving spec/', code: 'MX2001', file: 'spec/documents/api.md', line: 23, column: 1,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '::rpcs{group="core"}', '::schemas{file="../../../etc/passwd"}')) },
  { name: 'ref: ../../etc/passwd', category: 'path leaving spec/', code: 'MX2001', file: 'spec/rpcs/core.yaml', line: 12, column: 7,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, 'ref: VersionResponse', 'ref: ../../etc/passwd')) },
  { name: 'file:// link', category: 'path leaving spec/', code: 'MX1207', file: 'spec/documents/api.md', line: 13, column: 35,
    apply: (d) => edit(d, 'documents/api.md', (s) => replaceOnce(s, '[](rpc:getVersion)', '[passwd](file:///etc/passwd)')) },
  { name: 'source folder is a symlink to outside', category: 'symbolic link outside', code: 'MX1008', file: 'spec/events', line: 1, column: 1,
    apply: (d) => {
      renameSync(specPath(d, 'events'), path.join(d, 'events-elsewhere'));
      symlinkSync(path.join(d, 'events-elsewhere'), specPath(d, 'events'));
    } },
  { name: 'symlink to /etc/passwd', category: 'symbolic link outside', code: 'MX1008', file: 'spec/references.yaml', line: 1, column: 1,
    apply: (d) => {
      rmSync(specPath(d, 'references.yaml'));
      symlinkSync('/etc/passwd', specPath(d, 'references.yaml'));
    } },
  { name: 'relative symlink climbing out through ..', category: 'symbolic link outside', code: 'MX1008', file: 'spec/schemas/up.yaml', line: 1, column: 1,
    apply: (d) => {
      writeFileSync(path.join(d, 'up.yaml'), 'schemas: {}\n');
      symlinkSync('../../up.yaml', specPath(d, 'schemas/up.yaml'));
    } },

  // ------------------------------------------------------------ unreadable files
  // chmod 000 stops nobody when the tests run as root (CI does): there, a FIFO
  // and dangling or looping symbolic links stand in for "cannot be read".
  { name: 'chmod 000 file', category: 'unreadable file', code: 'MX1001', file: 'spec/schemas/core.yaml', line: 1, column: 1,
    skipIf: () => (isRoot ? 'running as root: permission bits do not stop reads (the FIFO and link cases cover it)' : undefined),
    apply: (d) => chmodSync(specPath(d, 'schemas/core.yaml'), 0o000) },
  { name: 'FIFO named like a source file', category: 'unreadable file', code: 'MX1001', file: 'spec/schemas/pipe.yaml', line: 1, column: 1, message: /not a regular file/,
    apply: (d) => execFileSync('mkfifo', [specPath(d, 'schemas/pipe.yaml')]) },
  { name: 'dangling symbolic link', category: 'unreadable file', code: 'MX1001', file: 'spec/schemas/gone.yaml', line: 1, column: 1,
    apply: (d) => symlinkSync('does-not-exist.yaml', specPath(d, 'schemas/gone.yaml')) },
  { name: 'symbolic link loop', category: 'unreadable file', code: 'MX1001', file: 'spec/rpcs/loop.yaml', line: 1, column: 1,
    apply: (d) => symlinkSync('loop.yaml', specPath(d, 'rpcs/loop.yaml')) },

  // ------------------------------------------------------------ output cannot be written
  { name: '--out under a regular file', category: 'out/ cannot be written', code: 'MX9001', file: 'blocker/out', line: 0, column: 0,
    args: ['build', '--spec', 'spec', '--out', 'blocker/out'], guarded: '.',
    apply: (d) => writeFileSync(path.join(d, 'blocker'), 'a file, not a folder\n') },
  { name: '--out names an existing file (kept, not replaced)', category: 'out/ cannot be written', code: 'MX9001', file: 'notes.txt', line: 0, column: 0,
    args: ['build', '--spec', 'spec', '--out', 'notes.txt'], guarded: '.',
    apply: (d) => writeFileSync(path.join(d, 'notes.txt'), 'my notes\n') },

  // ENOSPC injected by a test-only preload (test/reliability/full-disk.mjs); a
  // real tmpfs variant runs in test/reliability/output-safety.test.ts when mount is allowed.
  { name: 'full disk while writing out/', category: 'full disk', code: 'MX9001', file: 'out', line: 0, column: 0, message: /the disk is full/,
    node: (d) => ({ nodeArgs: ['--import', path.join(ROOT, 'test/reliability/full-disk.mjs')], env: { MXSPEC_TEST_FULL_DISK_UNDER: d } }),
    apply: () => {} },

  // ------------------------------------------------------------ security
  { name: '!!js/function with a side effect', category: 'YAML custom tag', code: 'MX1009', file: 'spec/schemas/tag.yaml', line: 2, column: 20,
    apply: (d) => put(d, 'schemas/tag.yaml', `schemas:\n  A: {description: !!js/function "function () { require('fs').writeFileSync('${path.join(d, 'PWNED')}', 'x') }", type: string}\n`) },
  { name: '!!python/object/apply with a side effect', category: 'YAML custom tag', code: 'MX1009', file: 'spec/schemas/tag.yaml', line: 3, column: 18,
    apply: (d) => put(d, 'schemas/tag.yaml', `schemas:\n  A:\n    description: !!python/object/apply:os.system ["touch ${path.join(d, 'PWNED')}"]\n    type: string\n`) },
  { name: '__proto__ key (prototype pollution)', category: 'YAML custom tag', code: 'MX1105', file: 'spec/rpcs/core.yaml', line: 7, column: 5,
    apply: (d) => edit(d, 'rpcs/core.yaml', (s) => replaceOnce(s, '    summary:', '    __proto__: {polluted: true}\n    summary:')) },

  // ------------------------------------------------------------ usage errors (exit 2)
  { name: 'unknown option', category: 'usage error', code: 'MX9003', file: 'mxspec', line: 0, column: 0, exit: 2,
    args: ['build', '--spec', 'spec', '--out', 'out', '--frobnicate'], apply: () => {} },
  { name: 'unknown --format', category: 'usage error', code: 'MX9003', file: 'mxspec', line: 0, column: 0, exit: 2,
    args: ['check', '--spec', 'spec', '--format', 'xml'], apply: () => {} },
];

/** Whether a drafts generator is registered (looked up at run time: it is written concurrently). */
function draftsRegistered(): boolean {
  try {
    const idx = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../generators/index.ts'), 'utf8');
    return /draftsGenerator/.test(idx);
  } catch {
    return false;
  }
}
