/**
 * XML-special text anywhere in spec/ (Markdown prose, headings, code,
 * YAML descriptions, examples, front matter, author data) comes out as
 * text, never as markup: the draft stays schema-valid and the text reads
 * back unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, HAS_RFCXML, NO_RFCXML, renderSpec, validateRfcXml } from './helpers.js';
import { el, escapeAttr, escapeText, toXmlDocument } from '../../generators/drafts/xml.js';
import { unfoldLines } from '../../generators/drafts/json-layout.js';

const NASTY = `a < b && c > d ]]> "quoted" 'single' <script>x</script> &amp;`;

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#10;/g, '\n').replace(/&#9;/g, '\t').replace(/&amp;/g, '&');
}

describe('escaping', () => {
  it('text and attribute values round-trip through the serializer (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii' }).filter((s) => !/[\0-\x08\x0B\x0C\x0E-\x1F]/.test(s)), (s) => {
      const xml = toXmlDocument(el('rfc', { docName: s }, [el('middle', {}, [el('t', {}, [s])])]));
      const attr = /docName="([^"]*)"/.exec(xml)![1]!;
      expect(decode(attr)).toBe(s);
      const text = /<t>([\s\S]*)<\/t>/.exec(xml)?.[1] ?? '';
      expect(decode(text)).toBe(s);
      expect(escapeText(s)).not.toMatch(/[<>]|]]>/);
      expect(escapeAttr(s)).not.toMatch(/["<>\n]/);
    }));
  });

  it(`spec text with <, &, ]]> and quotes stays text in the draft${HAS_RFCXML ? '' : ` (${NO_RFCXML})`}`, async () => {
    const spec = copyFixture();
    edit(spec, 'documents/api.md', (t) => t
      .replace('title: Fixture Federation API', `title: 'Fixture API: ${NASTY.replace(/'/g, "''")}'`)
      .replace('abbrev: Fixture API', `abbrev: 'A & B "C"'`)
      .replace('# Things {#things}', `# Things & 1 < 2 {#things}\n\nProse: ${NASTY.replace(/<script>x<\/script>/, '`<script>x</script>`')} and \`${NASTY}\`.\n\n\`\`\`text\n${NASTY}\n\`\`\``));
    edit(spec, 'rpcs/things.yaml', (t) => t.replace('description: Calls that read and write things.', `description: ${JSON.stringify(`Group ${NASTY}`)}`)
      .replace('request: {thingId: abc, limit: 5}', `request: {thingId: ${JSON.stringify(NASTY)}, limit: 5}`));
    edit(spec, 'editions.yaml', (t) => t.replace('organization: Example,', `organization: ${JSON.stringify(`Example & <Co> "Ltd" ]]>`)},`));
    const set = (await renderSpec(spec))!;
    const api = set.drafts.find((d) => d.docId === 'api')!.xml;
    expect(api).not.toContain('<script>');
    expect(api).not.toContain(']]>');
    expect(api).toContain('<name>Things &amp; 1 &lt; 2</name>');
    expect(api).toContain('abbrev="A &amp; B &quot;C&quot;"');
    expect(api).toContain('<organization>Example &amp; &lt;Co&gt; "Ltd" ]]&gt;</organization>');
    // Each piece of text reads back exactly.
    const title = /<title abbrev="[^"]*">([^<]*)<\/title>/.exec(api)![1]!;
    expect(decode(title)).toBe(`Fixture API: ${NASTY}`);
    const code = /<sourcecode>\n([\s\S]*?)\n<\/sourcecode>/.exec(api)![1]!;
    expect(decode(code)).toBe(NASTY);
    const tt = [...api.matchAll(/<tt>([^<]*)<\/tt>/g)].map((m) => decode(m[1]!));
    expect(tt).toContain(NASTY);
    expect(tt).toContain('<script>x</script>');
    // Descriptions are Markdown: raw HTML in them is shown as text, "&amp;" is the entity for "&".
    expect(api).toContain(`<t>Group a &lt; b &amp;&amp; c &gt; d ]]&gt; "quoted" 'single' &lt;script&gt;x&lt;/script&gt; &amp;</t>`);
    const example = /<sourcecode type="json">\n([^<]*"thingId"[^<]*)\n<\/sourcecode>/.exec(api)![1]!;
    // The long string is folded per RFC 8792; unfolding gives back the exact JSON.
    expect(JSON.parse(unfoldLines(decode(example))).thingId).toBe(NASTY);
    if (HAS_RFCXML) {
      const v = await validateRfcXml(api, 'draft-example-mimi-fixture-api-03.xml');
      expect(v.errors).toEqual([]);
      expect(v.valid).toBe(true);
    }
  });
});
