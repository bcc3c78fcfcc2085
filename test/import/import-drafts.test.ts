/**
 * Imported sources build back into Internet-Drafts: the import of v1.19
 * server-server (with event schemas) compiles in-process to
 * out/ietf/drafts/<docName>-00.xml for the API document and for the events
 * document, each valid against the RFC XML v3 grammar with idnits finding no
 * error. Site-relative links in the descriptions become absolute links into
 * the release, unresolvable anchor-only links become their text, and the
 * corpus's non-ASCII example strings are escaped. The link rewriting and the
 * draft names are also tested on small inputs that need no corpus.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, tempDir } from '../helpers/cli.js';
import { HAS_RFCXML, idnits, NO_RFCXML, unexpectedNits, validateRfcXml } from '../drafts/helpers.js';
import { importMatrixSpec, type ImportResult } from '../../src/import/index.js';
import { rewriteLinks, rewriteLinksInTree } from '../../src/import/links.js';
import { gfmParser } from '../../src/parse/gfm.js';
import { plainFragment } from '../../src/parse/plain-fragment.js';
import { parseLocatedYaml } from '../../src/load/yaml-located.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { readdirSync, readFileSync } from 'node:fs';
import { derivedDraftName, draftNameProblem, MAX_DRAFT_NAME } from '../../src/import/draft-names.js';
import { compile, type CompileResult } from '../../src/build/pipeline.js';
import { unfoldLines } from '../../generators/drafts/json-layout.js';

const V19 = path.join(CORPUS, 'v1.19');
const present = existsSync(path.join(V19, 'data/api/server-server'));
if (!present) console.warn(`test/import/import-drafts: skipping the corpus draft tests, ${V19} is absent (the matrix-spec corpus is read from ../shared/corpus/matrix-spec)`);
if (present && !HAS_RFCXML) console.warn(`test/import/import-drafts: SKIPPED the RELAX NG half: ${NO_RFCXML}`);

function writeTree(dir: string, files: { path: string; content: string }[]): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.content);
  }
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('links in imported descriptions', () => {
  const opts = { version: 'v1.19', anchors: new Set(['introduction']) };

  it('makes site-relative links absolute and leaves everything else byte for byte', () => {
    const text = 'See the [room version\nspecification](/rooms) and [PDUs](/server-server-api/#pdus "PDUs").\n\n* [x](https://example.org/a) and `[y](/not-a-link)`\n';
    expect(rewriteLinks(text, opts)).toBe('See the [room version\nspecification](https://spec.matrix.org/v1.19/rooms) and [PDUs](https://spec.matrix.org/v1.19/server-server-api/#pdus "PDUs").\n\n* [x](https://example.org/a) and `[y](/not-a-link)`\n');
  });

  it('link text equal to the path is not rewritten, only the destination', () => {
    expect(rewriteLinks('[/rooms](/rooms)', opts)).toBe('[/rooms](https://spec.matrix.org/v1.19/rooms)');
  });

  it('rewrites reference definitions too', () => {
    expect(rewriteLinks('See [rooms][r].\n\n[r]: /rooms/v12\n', opts)).toBe('See [rooms][r].\n\n[r]: https://spec.matrix.org/v1.19/rooms/v12\n');
  });

  it('keeps anchor-only links that resolve and turns the others into their text', () => {
    expect(rewriteLinks('Read [the intro](#introduction) and [the *other* part](#elsewhere).', opts))
      .toBe('Read [the intro](#introduction) and the *other* part.');
    expect(rewriteLinks('See [](#elsewhere).', opts)).toBe('See elsewhere.');
  });

  it('destinations written with spaces, angle brackets, an escape or an entity are still found', () => {
    expect(rewriteLinks('[a]( /rooms)', opts)).toBe('[a]( https://spec.matrix.org/v1.19/rooms)');
    expect(rewriteLinks('[a](</rooms>)', opts)).toBe('[a](<https://spec.matrix.org/v1.19/rooms>)');
    expect(rewriteLinks('[a](#elsewhere)', opts)).toBe('a');
    expect(rewriteLinks('[a](&#35;elsewhere)', opts)).toBe('a');
    expect(rewriteLinks('[r]:  </rooms>\n\n[a][r]', opts)).toBe('[r]:  <https://spec.matrix.org/v1.19/rooms>\n\n[a][r]');
  });

  it.skipIf(!present)('every description of the corpus is rewritten as when the parser reads it (prose is mostly read without it)', () => {
    const parser = gfmParser();
    const texts = new Set<string>();
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string' && (key === 'description' || key === 'summary')) texts.add(v);
      else if (Array.isArray(v)) for (const x of v) walk(x);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    const visitDir = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, e.name);
        if (e.isDirectory()) visitDir(file);
        else if (/\.ya?ml$/.test(e.name)) walk(parseLocatedYaml(file, readFileSync(file, 'utf8'), new DiagnosticBag())?.value);
      }
    };
    visitDir(path.join(V19, 'data/api'));
    let rewritten = 0;
    let rewrittenPlain = 0;
    for (const t of texts) {
      const expected = rewriteLinksInTree(t, parser.parse(t).children, opts);
      expect(rewriteLinks(t, opts), JSON.stringify(t)).toBe(expected);
      if (expected === t) continue;
      rewritten++;
      if (plainFragment(t)) rewrittenPlain++;
    }
    expect(texts.size).toBeGreaterThan(400);
    expect(rewritten).toBeGreaterThan(60);
    expect(rewrittenPlain, 'texts whose links were rewritten without the parser').toBeGreaterThan(rewritten / 2);
  }, 60_000);

  it('text without links comes back unchanged', () => {
    expect(rewriteLinks('No links: a [bracket] and (parens) and /rooms.', opts)).toBe('No links: a [bracket] and (parens) and /rooms.');
  });
});

describe('imported draft names', () => {
  it('are derived within the Datatracker limits', () => {
    expect(derivedDraftName('server-server')).toBe('draft-mxspec-matrix-server-server-imported');
    const long = derivedDraftName('a-very-long-application-service-api-name');
    expect(long.length).toBeLessThanOrEqual(MAX_DRAFT_NAME);
    expect(draftNameProblem(long)).toBeUndefined();
    expect(draftNameProblem('draft-Foo-bar')).toMatch(/lower-case/);
    expect(draftNameProblem('draft-foo-bar-03')).toMatch(/revision/);
  });
});

describe.skipIf(!present)('imported v1.19 server-server builds into Internet-Drafts', () => {
  let imported: ImportResult;
  let built: CompileResult;
  const drafts = new Map<string, string>();

  beforeAll(async () => {
    imported = importMatrixSpec(V19, { api: 'server-server', date: '2026-07-08' });
    const specDir = path.join(tempDir('mxspec-import-drafts-'), 'spec');
    writeTree(specDir, imported.files);
    built = await compile(specDir, { editions: ['ietf'] });
    for (const f of built.files) if (f.path.startsWith('ietf/drafts/')) drafts.set(f.path, String(f.content));
  });

  it('builds without errors, one draft per imported document, named from the docName', () => {
    const errors = built.diagnostics.sorted().filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.loc?.file}:${d.loc?.line} ${d.code} ${d.message}`)).toEqual([]);
    expect([...drafts.keys()].sort()).toEqual([
      'ietf/drafts/draft-mxspec-matrix-events-imported-00.xml',
      'ietf/drafts/draft-mxspec-matrix-server-server-imported-00.xml',
    ]);
    const editions = imported.files.find((f) => f.path === 'editions.yaml')!.content;
    expect(editions).toMatch(/server-server:\n\s+docName: draft-mxspec-matrix-server-server-imported\n\s+revision: 0/);
  });

  it('the API draft has the sections a draft needs and cites what it lists', () => {
    const xml = drafts.get('ietf/drafts/draft-mxspec-matrix-server-server-imported-00.xml')!;
    const top = [...xml.matchAll(/^ {4}<section anchor="([^"]+)">\n {6}<name>([^<]*)<\/name>/gm)].map((m) => m[2]);
    expect(top[0]).toBe('Introduction');
    expect(top[1]).toBe('Conventions and Definitions');
    expect(top.slice(-2)).toEqual(['Security Considerations', 'IANA Considerations']);
    expect(top).toContain('Matrix Federation Transaction API');
    expect(xml).toContain('<bcp14>MUST</bcp14>');
    for (const ref of ['RFC2119', 'RFC8174', 'RFC8259', 'RFC9110', 'RFC8792', 'I-D.mxspec-matrix-events-imported']) {
      expect(xml).toContain(`<reference anchor="${ref}"`);
      expect(xml).toContain(`target="${ref}"`);
    }
    // Types defined in the events draft are cited there, with their section.
    expect(xml).toMatch(/<xref target="I-D\.mxspec-matrix-events-imported" section="[\d.]+" sectionFormat="of"\/>/);
  });

  it('site-relative links became <eref>s into the release; no link to a missing anchor is left', () => {
    const xml = drafts.get('ietf/drafts/draft-mxspec-matrix-server-server-imported-00.xml')!;
    expect(xml).toContain('<eref target="https://spec.matrix.org/v1.19/rooms">');
    expect(xml).toContain('<eref target="https://spec.matrix.org/v1.19/server-server-api/#transactions">');
    expect(xml).not.toMatch(/<eref target="\//);
    expect(xml).not.toContain('target="determining-if-a-policy-server-is-enabled-in-a-room"');
    expect(xml).toContain('the room has enabled a Policy Server');
    const rpcs = imported.files.filter((f) => f.path.startsWith('rpcs/') || f.path.startsWith('bindings/')).map((f) => f.content).join('\n');
    expect(rpcs).not.toMatch(/\]\(\/[a-z]/);
  });

  it('the corpus emoji examples are escaped: the events draft is ASCII and reads back the source values', () => {
    const xml = drafts.get('ietf/drafts/draft-mxspec-matrix-events-imported-00.xml')!;
    expect(xml).toMatch(/^[\x00-\x7F]*$/);
    const reaction = [...xml.matchAll(/<sourcecode type="json">\n([\s\S]*?)\n<\/sourcecode>/g)]
      .map((m) => JSON.parse(unfoldLines(decode(m[1]!))) as { type?: string; content?: { 'm.relates_to'?: { key?: string } } })
      .find((v) => v.type === 'm.reaction');
    expect(reaction?.content?.['m.relates_to']?.key).toBe('\u{1F44D}');
  });

  it(`each draft ${HAS_RFCXML ? 'validates against v3.rng (root <rfc>) and ' : ''}has no idnits errors`, async () => {
    for (const [file, xml] of drafts) {
      const name = path.basename(file);
      if (HAS_RFCXML) {
        const v = await validateRfcXml(xml, name);
        expect(v.errors, `${name} against v3.rng`).toEqual([]);
        expect(v.valid).toBe(true);
        expect(v.rootIsRfc).toBe(true);
      }
      const nits = await idnits(xml, name, 'submission');
      expect(nits.filter((n) => n.severity === 'error'), `${name}: idnits errors`).toEqual([]);
      expect(unexpectedNits(nits), `${name}: idnits warnings without a listed reason`).toEqual([]);
    }
  });

  it('--doc-name names the API draft, and the events draft after it', () => {
    const r = importMatrixSpec(V19, { api: 'server-server', date: '2026-07-08', events: false, docName: 'draft-example-matrix-s2s' });
    const editions = r.files.find((f) => f.path === 'editions.yaml')!.content;
    expect(editions).toContain('docName: draft-example-matrix-s2s\n');
    expect(editions).toContain('docName: draft-example-matrix-s2s-events\n');
    const bad = importMatrixSpec(V19, { api: 'server-server', events: false, docName: 'draft-Example-00' });
    expect(bad.diagnostics.filter((d) => d.code === 'MX1301').map((d) => d.message)).toEqual([expect.stringMatching(/--doc-name "draft-Example-00" must start with "draft-"/)]);
  });
});
