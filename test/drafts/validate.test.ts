/**
 * Every generated draft, of the fixture spec and of the shipped spec, is
 * accepted by the IETF's tools: the RFC XML v3 RELAX NG grammar (xmllint)
 * and idnits in normal and submission modes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPEC, runCliInProcess, tempDir } from '../helpers/cli.js';
import { FIXTURE_SPEC, HAS_RFCXML, NO_RFCXML, idnits, renderSpec, unexpectedNits, validateRfcXml } from './helpers.js';
import type { DraftSet } from '../../generators/drafts/draft-set.js';

async function expectAccepted(set: DraftSet): Promise<void> {
  expect(set.drafts.length).toBeGreaterThan(0);
  for (const d of set.drafts) {
    if (HAS_RFCXML) {
      const v = await validateRfcXml(d.xml, d.fileName);
      expect(v.errors, `${d.fileName} against v3.rng`).toEqual([]);
      expect(v.valid).toBe(true);
      expect(v.rootIsRfc).toBe(true);
    }
    for (const mode of ['normal', 'submission'] as const) {
      const nits = await idnits(d.xml, d.fileName, mode);
      expect(nits.filter((n) => n.severity === 'error'), `${d.fileName}: idnits errors (${mode})`).toEqual([]);
      expect(unexpectedNits(nits), `${d.fileName}: idnits warnings without a listed reason (${mode})`).toEqual([]);
    }
  }
}

// Without ../shared the RELAX NG half is skipped (idnits still runs); say so loudly.
if (!HAS_RFCXML) console.warn(`SKIPPED: ${NO_RFCXML}`);

describe(`drafts pass ${HAS_RFCXML ? 'xmllint (RFC XML v3) and ' : ''}idnits`, () => {
  it('fixture spec: mxspec build writes one draft per docName, named <docName>-<NN>.xml', async () => {
    const out = path.join(tempDir('mxspec-drafts-out-'), 'out');
    const r = await runCliInProcess(['build', '--spec', FIXTURE_SPEC, '--out', out, '--edition', 'ietf']);
    expect(r.stderr).toContain('0 error(s)');
    expect(r.code).toBe(0);
    const files = readdirSync(path.join(out, 'ietf/drafts')).sort();
    expect(files).toEqual(['draft-example-mimi-fixture-api-03.xml', 'draft-example-mimi-fixture-rv-00.xml']);
    const xml = readFileSync(path.join(out, 'ietf/drafts', files[0]!), 'utf8');
    const root = /<rfc [^>]*>/.exec(xml)![0];
    expect((root.match(/ [\w:]+="/g) ?? []).length).toBeLessThanOrEqual(12);
    for (const a of ['version="3"', 'ipr="trust200902"', 'docName="draft-example-mimi-fixture-api-03"', 'category="std"', 'submissionType="IETF"', 'consensus="true"', 'xml:lang="en"', 'tocInclude="true"', 'sortRefs="true"', 'symRefs="true"']) expect(root).toContain(a);
    for (const prepOnly of ['prepTime', 'expiresDate', '<boilerplate', '<toc', ' pn=', 'xi:include']) expect(xml).not.toContain(prepOnly);
    expect(xml).toContain('<seriesInfo name="Internet-Draft" value="draft-example-mimi-fixture-api-03"/>');
    expect(xml).toContain('<note removeInRFC="true">');
    // Two top-level references sections (idnits3 rejects the nested wrapper).
    const rvXml = readFileSync(path.join(out, 'ietf/drafts', files[1]!), 'utf8');
    expect(rvXml.match(/<references>\s*<name>(Normative|Informative) References<\/name>\s*<reference /g)).toHaveLength(2);
    expect(rvXml).not.toMatch(/<references>\s*<name>[^<]*<\/name>\s*<references/);
    // Deterministic: a second build is byte-identical.
    const out2 = path.join(tempDir('mxspec-drafts-out-'), 'out');
    await runCliInProcess(['build', '--spec', FIXTURE_SPEC, '--out', out2, '--edition', 'ietf']);
    for (const f of files) expect(readFileSync(path.join(out2, 'ietf/drafts', f), 'utf8')).toBe(readFileSync(path.join(out, 'ietf/drafts', f), 'utf8'));
  });

  it('fixture spec drafts are accepted', async () => {
    const set = (await renderSpec(FIXTURE_SPEC))!;
    expect(set.diagnostics.items).toEqual([]);
    await expectAccepted(set);
  });

  it('fixture drafts carry the content the issue asks for', async () => {
    const set = (await renderSpec(FIXTURE_SPEC))!;
    const api = set.drafts.find((d) => d.docId === 'api')!.xml;
    const rv = set.drafts.find((d) => d.docId === 'rv')!.xml;
    // RFC 8174 boilerplate citing RFC 2119 and RFC 8174 separately.
    expect(api).toContain('are to be interpreted as described in BCP 14 <xref target="RFC2119"/> <xref target="RFC8174"/> when, and only when, they appear in all capitals, as shown here.');
    expect(api).toContain('A server <bcp14>MUST</bcp14> answer and <bcp14>SHOULD NOT</bcp14> wait.');
    // RPCs, bindings, schemas, events as sections with fields, plus JSON examples.
    for (const a of ['rpc-getThing', 'rpc-putThing', 'binding-getThing', 'schema-Thing', 'block-m.text', 'event-m.room.topic', 'edu-m.typing', 'error-M_NOT_FOUND']) expect(api).toMatch(new RegExp(`anchor="${a.replace(/\./g, '\\.')}"`));
    expect(api).toContain('<dt><tt>thingId</tt></dt>');
    expect(api).toContain('String (user ID), required. Who owns it.');
    expect(api).toContain('<sourcecode type="json">');
    // Cross-references: sections, items, other drafts (as I-D references with section numbers), RFC sections, URLs.
    expect(api).toContain('<xref target="RFC8259" section="4" sectionFormat="of"/>');
    expect(api).toMatch(/<xref target="I-D\.example-mimi-fixture-rv" section="\d+" sectionFormat="of"\/>/);
    expect(api).toContain('<eref target="https://example.org/fixture">the fixture site</eref>');
    expect(api).toContain('<seriesInfo name="Internet-Draft" value="draft-example-mimi-fixture-rv-00"/>');
    expect(rv).toContain('<seriesInfo name="Internet-Draft" value="draft-example-mimi-fixture-api-03"/>');
    // Authorisation rules are numbered lists whose anchors come from the rule ids.
    expect(rv).toMatch(/<ol>\s*<li anchor="rule-12-auth\.create">[\s\S]*<ol>\s*<li anchor="rule-12-auth\.create\.first">/);
    // Long JSON is folded per RFC 8792 and the draft says so, citing RFC 8792.
    expect(rv).toContain("NOTE: '\\' line wrapping per RFC 8792");
    expect(rv).toContain('folded as described in <xref target="RFC8792"/>');
    for (const d of set.drafts) {
      for (const block of d.xml.match(/<sourcecode[^>]*>[\s\S]*?<\/sourcecode>/g) ?? []) {
        for (const line of block.replace(/<[^>]+>/g, '').split('\n')) expect(line.length).toBeLessThanOrEqual(69);
      }
    }
  });

  it('shipped spec drafts are accepted', async () => {
    const set = await renderSpec(SPEC);
    if (!set) throw new Error('the shipped spec does not load; run mxspec check');
    expect(set.drafts.map((d) => d.fileName).length).toBe(4);
    expect(set.diagnostics.items.filter((d) => d.severity === 'error')).toEqual([]);
    await expectAccepted(set);
  });
});
