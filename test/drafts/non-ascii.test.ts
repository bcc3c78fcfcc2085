/**
 * Non-ASCII text in drafts (RFC 7997): prose runs are marked with <u>
 * where the grammar allows it, JSON examples carry \uXXXX escapes that
 * denote the same value, and the drafts stay valid RFC XML that idnits
 * accepts. What cannot be marked is reported by MX7010 (checks.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDiagnostics, copyFixture, edit, HAS_RFCXML, idnits, NO_RFCXML, renderSpec, unexpectedNits, validateRfcXml } from './helpers.js';
import { escapeJsonNonAscii, markNonAscii } from '../../generators/drafts/non-ascii.js';
import { layoutJson, unfoldLines, foldLines } from '../../generators/drafts/json-layout.js';
import { el, toXmlDocument } from '../../generators/drafts/xml.js';

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('non-ASCII in drafts', () => {
  it('marks runs in prose with <u>, splitting <em>/<tt> around them, and leaves <name> alone', () => {
    const tree = el('section', {}, [
      el('name', {}, ['Caf\u00e9']),
      el('t', {}, ['A caf\u00e9 and ', el('em', {}, ['na\u00efve ', el('tt', {}, ['x\u2192y'])]), ' \u65e5\u672c \u8a9e.']),
      el('ul', {}, [el('li', {}, ['\u{1F44D}'])]),
    ]);
    markNonAscii(tree);
    const xml = toXmlDocument(tree);
    const u = (s: string): string => `<u>${s}</u>`;
    expect(xml).toContain(`<t>A caf${u('\u00e9')} and <em>na</em>${u('\u00ef')}<em>ve <tt>x</tt></em>${u('\u2192')}<em><tt>y</tt></em> ${u('\u65e5\u672c \u8a9e')}.</t>`);
    expect(xml).toContain(`<li>${u('\u{1F44D}')}</li>`);
    expect(xml).toContain('<name>Caf\u00e9</name>');
  });

  it('finds non-ASCII text nested in phrase elements only, and leaves ASCII paragraphs as they were', () => {
    const ascii = ['Plain ', el('em', {}, ['text'])];
    const nested = el('t', {}, ['plain ', el('strong', {}, [el('tt', {}, ['caf\u00e9'])])]);
    const tree = el('section', {}, [el('t', {}, ascii), nested, el('t', {}, [el('xref', { target: 'x' }, ['\u00e9'])])]);
    markNonAscii(tree);
    const xml = toXmlDocument(tree);
    expect(xml).toContain('<t>plain <strong><tt>caf</tt></strong><u>\u00e9</u></t>');
    // An <xref> cannot be split: its text stays for MX7010 to report.
    expect(xml).toContain('<t><xref target="x">\u00e9</xref></t>');
    expect((tree.children[0] as ReturnType<typeof el>).children).toBe(ascii);
  });

  it('JSON layout writes non-ASCII as \\uXXXX and reads back the same value (property)', () => {
    const json = fc.jsonValue().filter((v) => JSON.stringify(v) !== undefined);
    fc.assert(fc.property(fc.oneof(json, fc.dictionary(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', maxLength: 90 }))), (v) => {
      const text = layoutJson(v);
      expect(text).toMatch(/^[\x00-\x7F]*$/);
      expect(JSON.parse(unfoldLines(foldLines(text).text))).toEqual(JSON.parse(JSON.stringify(v)));
      const escaped = escapeJsonNonAscii(JSON.stringify(v, null, 2))!;
      expect(escaped).toMatch(/^[\x00-\x7F]*$/);
      expect(JSON.parse(escaped)).toEqual(JSON.parse(JSON.stringify(v)));
    }));
    expect(escapeJsonNonAscii('{"a": \u00e9}')).toBeUndefined();
  });

  it(`a fixture with non-ASCII prose, descriptions and examples builds clean${HAS_RFCXML ? ', validates' : ` (${NO_RFCXML})`} and passes idnits`, async () => {
    const spec = copyFixture();
    edit(spec, 'documents/api.md', (t) => t.replace('A server MUST answer and SHOULD NOT wait. Tables:', 'A server MUST answer and SHOULD NOT wait in the caf\u00e9 \u2014 *na\u00efve* `\u2192`. Tables:')
      .replace('| `a` | first |', '| `a` | first \u2713 |')
      .replace('1. one', '1. one \u65e5\u672c\u8a9e')
      .replace('# Things {#things}\n', '# Things {#things}\n\n```json\n{"emoji": "\u{1F44D}", "name": "Z\u00fcrich"}\n```\n'));
    edit(spec, 'rpcs/things.yaml', (t) => t.replace('The destination MUST return the thing named by `thingId`.', 'The destination MUST return the thing named by `thingId` \u2014 e.g. \u201ccaf\u00e9\u201d.')
      .replace('request: {thingId: abc, limit: 5}', 'request: {thingId: "r\u00e9sum\u00e9 \u{1F680}", limit: 5}'));
    const ds = await buildDiagnostics(spec);
    expect(ds.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
    const set = (await renderSpec(spec))!;
    const api = set.drafts.find((d) => d.docId === 'api')!;
    const u = (s: string): string => `<u>${s}</u>`;
    // One run holds the spaces between non-ASCII characters; inline code made only of non-ASCII becomes the <u> itself.
    expect(api.xml).toContain(`caf${u('\u00e9 \u2014')} <em>na</em>${u('\u00ef')}<em>ve</em> ${u('\u2192')}. Tables:`);
    expect(api.xml).toContain(`first ${u('\u2713')}`);
    expect(api.xml).toContain(`e.g. ${u('\u201c')}caf${u('\u00e9\u201d')}.`);
    expect(api.xml).toContain(`<li>one ${u('\u65e5\u672c\u8a9e')}</li>`);
    // Outside <u>, the draft is ASCII; every example reads back as the source's value.
    expect(api.xml.replace(/<u>[^<]*<\/u>/g, '')).toMatch(/^[\x00-\x7F]*$/);
    const codes = [...api.xml.matchAll(/<sourcecode type="json">\n([\s\S]*?)\n<\/sourcecode>/g)].map((m) => JSON.parse(unfoldLines(decode(m[1]!))) as Record<string, unknown>);
    expect(codes).toContainEqual({ emoji: '\u{1F44D}', name: 'Z\u00fcrich' });
    expect(codes).toContainEqual({ thingId: 'r\u00e9sum\u00e9 \u{1F680}', limit: 5 });
    expect(api.xml).toContain('"\\ud83d\\udc4d"');
    if (HAS_RFCXML) {
      const v = await validateRfcXml(api.xml, api.fileName);
      expect(v.errors).toEqual([]);
      expect(v.valid && v.rootIsRfc).toBe(true);
    }
    const nits = await idnits(api.xml, api.fileName, 'submission');
    expect(nits.filter((n) => n.severity === 'error')).toEqual([]);
    expect(unexpectedNits(nits)).toEqual([]);
  });
});
