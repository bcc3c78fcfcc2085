/**
 * Each draft check fails on a small broken copy of the fixture spec, with
 * its code and the location of the cause; the intact fixture is clean.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildDiagnostics, copyFixture, edit, FIXTURE_SPEC } from './helpers.js';
import { checkAnchors, checkCodeWidth, checkXrefs, placedElements } from '../../generators/drafts/checks.js';
import { newContext } from '../../generators/drafts/context.js';
import { el } from '../../generators/drafts/xml.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { docNameProblems } from '../../generators/drafts/docname.js';

interface Case {
  name: string;
  code: string;
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  message: RegExp;
  apply: (spec: string) => void;
}

const cases: Case[] = [
  { name: 'docName longer than 50 characters', code: 'MX7001', severity: 'error', file: 'editions.yaml', line: 10, message: /limit is 50/,
    apply: (s) => edit(s, 'editions.yaml', (t) => t.replace('draft-example-mimi-fixture-api,', 'draft-example-mimi-fixture-api-with-a-name-far-too-long-for-datatracker,')) },
  { name: 'anchor with a reserved prefix', code: 'MX7002', severity: 'error', file: 'documents/api.md', line: 37, message: /"section-things" starts with "section-"/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('# Things {#things}', '# Things {#section-things}')) },
  { name: 'anchor used twice (heading and generated item)', code: 'MX7002', severity: 'error', file: 'documents/api.md', message: /"rpc-getThing" is used twice/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('# Errors {#errors}', '# Errors {#rpc-getThing}')) },
  { name: 'numbered section after an unnumbered one', code: 'MX7004', severity: 'error', file: 'documents/api.md', message: /"Security Considerations" is numbered but follows the unnumbered section "Errors"/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('# Errors {#errors}', '# Errors {#errors .unnumbered}')) },
  { name: 'Security Considerations not titled exactly', code: 'MX5003', severity: 'error', file: 'documents/api.md', line: 1, message: /exactly "Security Considerations"/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('# Security Considerations', '# Security considerations')) },
  { name: 'BCP 14 keyword only in IR text, no boilerplate', code: 'MX5001', severity: 'error', file: 'rpcs/things.yaml', message: /"MUST" is a BCP 14 keyword rendered into the draft/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('::bcp14-boilerplate\n', '').replace('A server MUST answer and SHOULD NOT wait. Tables:', 'Tables:')) },
  { name: 'listed reference never cited', code: 'MX7005', severity: 'warning', file: 'documents/api.md', line: 1, message: /RFC8259 is listed .* but never cited/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('JSON is\n[](ref:RFC8259#section-4).', 'JSON is used.')) },
  { name: 'cited reference not listed', code: 'MX7006', severity: 'error', file: 'documents/api.md', line: 33, message: /RFC8792 is cited .* but not listed/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('| `b` | **second** |', '| `b` | **second** |\n\nFolding follows [](ref:RFC8792).')) },
  { name: 'obsolete reference', code: 'MX7007', severity: 'warning', file: 'documents/api.md', line: 1, message: /RFC6125 is obsoleted by RFC9525/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('normative: [RFC2119,', 'normative: [RFC6125, RFC2119,').replace('# Things {#things}', '# Things {#things}\n\nNames follow [](ref:RFC6125).')) },
  { name: 'normative downref', code: 'MX7008', severity: 'warning', file: 'documents/api.md', line: 1, message: /normative reference RFC8032 \(informational\) is a downref/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('normative: [RFC2119,', 'normative: [RFC8032, RFC2119,').replace('# Things {#things}', '# Things {#things}\n\nSignatures use [](ref:RFC8032).')) },
  { name: 'code line too wide to fold', code: 'MX7009', severity: 'error', file: 'documents/rv.md', line: 56, message: /wider than 69 columns and cannot be folded/,
    apply: (s) => edit(s, 'documents/rv.md', (t) => t.replace('# Example {#example .appendix}\n', `# Example {#example .appendix}\n\n\`\`\`text\n${'x'.repeat(80)}\nend \\\n\`\`\`\n`)) },
  { name: 'non-ASCII character in a section name (no <u> there)', code: 'MX7010', severity: 'error', file: 'documents/api.md', line: 37, message: /U\+00E9 \("\u00e9"\) in <name>/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('# Things {#things}', '# Caf\u00e9 Things {#things}')) },
  { name: 'non-ASCII character in a non-JSON code block', code: 'MX7010', severity: 'error', file: 'documents/api.md', line: 39, message: /U\+00E9 \("\u00e9"\) in <sourcecode>/,
    apply: (s) => edit(s, 'documents/api.md', (t) => t.replace('# Things {#things}\n', '# Things {#things}\n\n```text\ncaf\u00e9\n```\n')) },
  { name: 'author without email', code: 'MX7011', severity: 'error', file: 'editions.yaml', line: 22, message: /author "editor" \(Spec Editor\) has no email/,
    apply: (s) => edit(s, 'editions.yaml', (t) => t.replace(', email: editor@example.org}', '}')) },
  { name: 'folded code without RFC 8792 reference', code: 'MX7012', severity: 'warning', file: 'documents/rv.md', line: 56, message: /folded per RFC 8792; list RFC8792/,
    apply: (s) => edit(s, 'documents/rv.md', (t) => t.replace('informative: [RFC8792]', 'informative: []')) },
];

function summary(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column} ${d.code} ${d.message}`).join('\n');
}

describe('draft checks', () => {
  it('the intact fixture has no diagnostics', async () => {
    expect(summary(await buildDiagnostics(FIXTURE_SPEC))).toBe('');
  });

  for (const c of cases) {
    it(`${c.code}: ${c.name}`, async () => {
      const spec = copyFixture();
      c.apply(spec);
      const ds = await buildDiagnostics(spec);
      const hit = ds.find((d) => d.code === c.code && c.message.test(d.message));
      expect(hit, `expected ${c.code} among:\n${summary(ds)}`).toBeDefined();
      expect(hit!.severity).toBe(c.severity);
      expect(hit!.loc?.file).toBe(c.file);
      if (c.line !== undefined) expect(hit!.loc?.line).toBe(c.line);
      // Reported once, though the check phase and the generator share the rendering.
      expect(ds.filter((d) => d.code === hit!.code && d.message === hit!.message && d.loc?.line === hit!.loc?.line)).toHaveLength(1);
    });
  }

  it('MX7001: docName rules (prefix, case, revision suffix, length)', () => {
    expect(docNameProblems('draft-ralston-mimi-matrix-api')).toEqual([]);
    expect(docNameProblems('ralston-mimi-matrix')).toContainEqual(expect.stringContaining('draft-'));
    expect(docNameProblems('draft-Ralston-mimi')).toContainEqual(expect.stringContaining('lower-case'));
    expect(docNameProblems('draft-ralston-mimi-00')).toContainEqual(expect.stringContaining('revision'));
    expect(docNameProblems(`draft-${'a'.repeat(45)}`)).toContainEqual(expect.stringContaining('limit is 50'));
  });

  it('placedElements: every element in document order, with its own or its nearest ancestor\'s location, and whether it is in a <u>', () => {
    const at = (line: number) => ({ file: 'documents/api.md', line, column: 1 });
    const tree = el('rfc', {}, [el('middle', {}, [
      el('section', {}, [el('t', {}, ['a ', el('u', {}, [el('em', {}, ['é'])]), ' b']), el('t', {}, ['c'], at(9))], at(5)),
      el('section', {}, [el('name', {}, ['N'])]),
    ])]);
    const placed = placedElements(tree, at(1));
    expect(placed.elements.map((e) => e.name)).toEqual(['rfc', 'middle', 'section', 't', 'u', 'em', 't', 'section', 'name']);
    expect(placed.locs.map((l) => l.line)).toEqual([1, 1, 5, 5, 5, 5, 9, 1, 1]);
    expect(placed.inU).toEqual([false, false, false, false, true, true, false, false, false]);
  });

  it('MX7003: an xref whose target is not an anchor of the draft', () => {
    const report = new DiagnosticBag();
    const doc = { id: 'api', file: 'documents/api.md', loc: { file: 'documents/api.md', line: 1, column: 1 } } as never;
    const ctx = newContext({} as never, doc, new Map(), new Map(), report);
    const x = el('xref', { target: 'nowhere' });
    ctx.xrefs.push({ element: x, loc: { file: 'documents/api.md', line: 7, column: 3 } });
    const tree = el('rfc', {}, [el('middle', {}, [el('section', { anchor: 'intro' }, [el('name', {}, ['Intro']), el('t', {}, [x, el('xref', { target: 'intro' })])])])]);
    checkXrefs(ctx, placedElements(tree, doc.loc), new Set(['intro']));
    expect(report.items.map((d) => [d.code, d.loc?.line, d.message])).toEqual([['MX7003', 7, 'cross-reference to "nowhere", which is not an anchor of this draft']]);
  });

  it('MX7009 and MX7002 on a built tree: each code line wider than the limit by number, and anchors xml2rfc reserves in any case', () => {
    const report = new DiagnosticBag();
    const doc = { id: 'api', file: 'documents/api.md', loc: { file: 'documents/api.md', line: 1, column: 1 } } as never;
    const ctx = newContext({} as never, doc, new Map(), new Map(), report);
    const at = (line: number) => ({ file: 'documents/api.md', line, column: 1 });
    const tree = el('rfc', {}, [el('middle', {}, [el('section', { anchor: 'Section-1' }, [
      el('sourcecode', {}, [`short\n${'x'.repeat(69)}\nok\n${'y'.repeat(80)}\n${'z'.repeat(70)}`], at(5)),
      el('artwork', {}, ['', `${'w'.repeat(75)}\n`], at(9)),
      el('sourcecode', {}, ['', ''], at(12)),
      el('t', { anchor: 'Figure-2' }, ['not code, however long: ' + 'v'.repeat(100)]),
    ])])]);
    const elements = placedElements(tree, at(1));
    checkCodeWidth(ctx, elements);
    checkAnchors(ctx, elements);
    expect(report.items.map((d) => [d.code, d.loc?.line, d.message.split(';')[0]])).toEqual([
      ['MX7009', 5, 'code line 4, 5 is wider than 69 columns (80)'],
      ['MX7009', 9, 'code line 1 is wider than 69 columns (75)'],
      ['MX7002', 1, 'anchor "Section-1" starts with "section-", which xml2rfc reserves for the anchors it generates'],
      ['MX7002', 1, 'anchor "Figure-2" starts with "figure-", which xml2rfc reserves for the anchors it generates'],
    ]);
  });

  it('mxspec check reports the draft checks too', async () => {
    const spec = copyFixture();
    edit(spec, 'documents/api.md', (t) => t.replace('JSON is\n[](ref:RFC8259#section-4).', 'JSON is used.'));
    const { runCliInProcess } = await import('../helpers/cli.js');
    const r = await runCliInProcess(['check', '--spec', spec]);
    expect(r.stderr).toMatch(/documents\/api\.md:1:1 - warning MX7005: RFC8259 is listed/);
    const list = await runCliInProcess(['check', '--list-checks']);
    expect(list.stdout).toMatch(/drafts-references\s+MX7005,MX7006,MX7007,MX7008/);
  });
});
