/**
 * Inputs that look dangerous but are legal must build, and come out intact
 * and escaped: markup-special characters and `]]>` in every kind of text
 * field, non-ASCII text, CRLF line endings, and legal recursive schemas.
 * The checks are generic over out/ (see test/reliability/outputs.ts): the
 * generators are written concurrently, so whatever exists is inspected.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotTree } from '../helpers/cli.js';
import { edit, put, replaceOnce, runCliAsync, scratch, STACK_FRAME, toCrlf } from './harness.js';
import { jsonStrings, listFiles, xmlProblems, xmlText, typeScriptProblems } from '../reliability/outputs.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(): string {
  const d = scratch('mxspec-positive-');
  dirs.push(d);
  return d;
}

/** Markup that must never come out live, plus the XML CDATA terminator and a comment terminator. */
const PAYLOAD = `<script>alert("mx-sentinel")</script> & ]]> */ \${x} <!--c--> 'q'`;
/** The same text written as Markdown (a bare <script> there is raw HTML, which is refused by design). */
const MD_PAYLOAD = PAYLOAD.replace(/</g, '\\<');
/** YAML single-quoted scalar. */
const yq = (s: string): string => `'${s.replace(/'/g, "''")}'`;

async function build(dir: string): Promise<void> {
  const r = await runCliAsync(['build', '--spec', 'spec', '--out', 'out'], { cwd: dir });
  expect(r.stderr, r.stderr).not.toMatch(STACK_FRAME);
  expect(r.code, r.stderr).toBe(0);
}

describe.concurrent('legal but tricky input builds and comes out escaped', () => {
  it('markup-special characters and ]]> in every kind of text field', async () => {
    const d = fresh();
    edit(d, 'rpcs/core.yaml', (s) => replaceOnce(replaceOnce(replaceOnce(s,
      'summary: Ask a server for its implementation name and version.', `summary: ${yq('Summary ' + PAYLOAD)}`),
    'description: Returns the software name and version of the server.', `description: ${yq('Description ' + PAYLOAD)}`),
    'errors: []', `errors:\n      - {code: M_FORBIDDEN, description: ${yq('Error ' + PAYLOAD)}}`));
    edit(d, 'bindings/core.yaml', (s) => s + '    errors: {M_FORBIDDEN: 403}\n');
    edit(d, 'schemas/core.yaml', (s) => replaceOnce(replaceOnce(s,
      "description: The server's implementation details.", `description: ${yq('Schema ' + PAYLOAD)}`),
    'description: Implementation version.}', `description: ${yq('Property ' + PAYLOAD)}, enum: [{value: "1.0", description: ${yq('Enum ' + PAYLOAD)}}], examples: [${yq('Example ' + PAYLOAD)}]}`));
    // A Matrix.org variant, so the edition diff has the payload on one side to show.
    edit(d, 'schemas/core.yaml', (s) => replaceOnce(s, '  Envelope:\n', `  Envelope:\n    port: {origin: matrix-org, status: pending, note: ${yq('Note ' + PAYLOAD)}}\n    variants: {matrix-org: {description: ${yq('Variant ' + PAYLOAD)}}}\n`));
    edit(d, 'events/core.yaml', (s) => replaceOnce(s, 'description: The room topic.', `description: ${yq('Event ' + PAYLOAD)}`));
    edit(d, 'room-versions/12.yaml', (s) => replaceOnce(s, 'text: The first event is the create event.', `text: ${yq('Rule ' + MD_PAYLOAD)}`));
    edit(d, 'editions.yaml', (s) => replaceOnce(s, 'organization: Example', `organization: ${yq('Org ' + PAYLOAD)}`));
    edit(d, 'references.yaml', (s) => replaceOnce(s, 'title: Key words for use in RFCs to Indicate Requirement Levels', `title: ${yq('Reference ' + PAYLOAD)}`));
    edit(d, 'documents/api.md', (s) => replaceOnce(replaceOnce(replaceOnce(s,
      'abbrev: Minimal API', `abbrev: Minimal API\nkeywords: [${yq('kw ' + PAYLOAD)}]`).replace('keywords: [matrix]\n', ''),
    'A small document used to test the toolchain.', `Abstract ${PAYLOAD}`),
    'None beyond those of the transport.', [
      `Paragraph ${MD_PAYLOAD} and \`code ${PAYLOAD}\` and [link ${MD_PAYLOAD}](#introduction).`,
      '',
      '| Column | Cell |',
      '| --- | --- |',
      `| a | ${MD_PAYLOAD.replace(/\|/g, '\\|')} |`,
      '',
      '```text',
      `Code block ${PAYLOAD}`,
      '```',
      '',
      '```json',
      JSON.stringify({ note: `JSON ${PAYLOAD}` }),
      '```',
    ].join('\n')));
    await build(d);

    const out = path.join(d, 'out');
    const files = listFiles(out);
    let carriers = 0;
    for (const f of files) {
      const text = readFileSync(path.join(out, f), 'utf8');
      if (!text.includes('mx-sentinel')) continue;
      carriers++;
      if (/\.(xml|html?|svg)$/.test(f)) {
        // In markup, never live: no element, no comment made from spec text.
        expect(text, f).not.toContain('<script>alert("mx-sentinel")');
        expect(text, f).not.toContain('<!--c-->');
        if (f.endsWith('.xml')) expect(await xmlProblems(f, text), f).toEqual([]);
        // Escaped, not dropped or mangled: the reader sees the original characters.
        expect(xmlText(text), f).toContain(`<script>alert("mx-sentinel")</script> & ]]> */`);
      } else if (f.endsWith('.json')) {
        expect(jsonStrings(JSON.parse(text)).some((s) => s.includes(PAYLOAD)), f).toBe(true);
      }
    }
    // The diff report is HTML for browsers: spec text in it is text, never markup or script.
    const reports = files.filter((f) => /^diff\/.*\.html?$/.test(f));
    if (reports.length) {
      const withPayload = reports.filter((f) => readFileSync(path.join(out, f), 'utf8').includes('mx-sentinel'));
      expect(withPayload, `diff reports: ${reports.join(', ')}`).not.toEqual([]);
      for (const f of withPayload) {
        const html = readFileSync(path.join(out, f), 'utf8');
        // No element, attribute or URL built from spec text.
        expect(html, f).not.toMatch(/<script[^>]*>[^<]*mx-sentinel/);
        expect(html, f).not.toMatch(/\son\w+\s*=\s*["'][^"']*mx-sentinel/);
        expect(html, f).not.toMatch(/(?:href|src)\s*=\s*["']javascript:/i);
        expect(xmlText(html), f).toContain('<script>alert("mx-sentinel")</script>');
      }
    }
    const tsFiles = files.filter((f) => f.endsWith('.ts')).map((f) => path.join(out, f));
    expect(typeScriptProblems(tsFiles)).toEqual([]);
    // When there are outputs, the payload must have reached at least one (not silently dropped everywhere).
    if (files.length) expect(carriers, `outputs: ${files.join(', ')}`).toBeGreaterThan(0);
  });

  // The ietf edition refuses non-ASCII outside <u> (MX7010, a bad-input case); Matrix.org text may use it.
  it('non-ASCII prose builds where the edition allows it (Matrix.org) and outputs stay UTF-8', async () => {
    const d = fresh();
    const NON_ASCII = 'naïve café 日本語 🎉 Ωmega';
    edit(d, 'documents/api.md', (s) => s + `\n:::edition{only="matrix-org" origin="matrix-org" status="by-design" note="Unicode test."}\n${NON_ASCII}\n:::\n`);
    await build(d);
    const out = path.join(d, 'out');
    for (const f of listFiles(out)) {
      const buf = readFileSync(path.join(out, f));
      // Every output decodes as strict UTF-8 (no mojibake or lone surrogates).
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf), f).not.toThrow();
      const text = buf.toString('utf8');
      if (f.endsWith('.xml') && text.includes('caf')) expect(xmlText(text), f).toMatch(/café|caf\\u00e9/);
    }
  });

  it('CRLF line endings build to byte-identical output', async () => {
    const lf = fresh();
    const crlf = fresh();
    for (const rel of listFiles(path.join(crlf, 'spec'))) edit(crlf, rel, toCrlf);
    expect(readFileSync(path.join(crlf, 'spec/documents/api.md'), 'utf8')).toContain('\r\n');
    await build(lf);
    await build(crlf);
    expect(snapshotTree(path.join(crlf, 'out'))).toEqual(snapshotTree(path.join(lf, 'out')));
  });

  it('legal recursive schema types build (through a property, an array, a map and a union member)', async () => {
    const d = fresh();
    put(d, 'schemas/tree.yaml', [
      'schemas:',
      '  Node:',
      '    type: object',
      '    description: A tree node.',
      '    properties:',
      '      parent: {ref: Node, description: The parent node.}',
      '      children: {type: array, items: {ref: Node}, description: Child nodes.}',
      '      byName: {type: map, values: {ref: Node}, description: Children by name.}',
      '      either: {type: union, oneOf: [{ref: Leaf}, {ref: Node}], description: A leaf or a node.}',
      '  Leaf:',
      '    type: object',
      '    description: A leaf that points back.',
      '    properties:',
      '      owner: {ref: Node, description: The owning node.}',
      '',
    ].join('\n'));
    await build(d);
  });
});
