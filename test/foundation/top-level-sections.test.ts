/**
 * src/parse/top-level-sections.ts cuts long Markdown at top-level headings
 * and src/parse/gfm.ts parses the pieces apart. The cuts must never change
 * the tree: held to remark-gfm parsing the whole text, for the shipped
 * documents cut as finely as possible, for a scaled-up spec, and for random
 * documents made of the lines that could fool the scan (fences, container
 * directives, lists, quotes, definitions, HTML, front matter).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { unified, type PluggableList } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import { describe, expect, it } from 'vitest';
import { gfmParser, MarkdownPieceMemo, type GfmParserOptions } from '../../src/parse/gfm.js';
import { plainDocument } from '../../src/parse/plain-document.js';
import { MIN_PIECE_CHARS, sectionCuts } from '../../src/parse/top-level-sections.js';
import { scaleSpec } from '../../scripts/bench/scale-spec.js';
import { SPEC } from '../helpers/cli.js';

const PLUGINS: PluggableList = [[remarkFrontmatter, ['yaml']], remarkDirective];
const whole = unified().use(remarkParse).use(remarkGfm).use(PLUGINS);
const finest = gfmParser(PLUGINS, { minPieceChars: 1 });
const lineOf = (text: string, at: number): string => text.slice(at, text.indexOf('\n', at) < 0 ? undefined : text.indexOf('\n', at));

const documents = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));

describe('sectionCuts: where a text may be cut', () => {
  const body = (n: number): string => `${'word '.repeat(n)}\n`;

  it('cuts at top-level ATX headings only, never at the first line', () => {
    const text = `# One\n\n${body(3)}\n## Two\n\n${body(3)}\n#NotAHeading\n   # indented\n# Three\n`;
    const cuts = sectionCuts(text, 1);
    expect(cuts.map((c) => lineOf(text, c))).toEqual(['## Two', '# Three']);
  });

  it('joins pieces shorter than the minimum to the next, and a short last piece to the one before', () => {
    const text = `# A\n${body(10)}# B\n${body(1)}# C\n${body(10)}# D\n`;
    const cuts = sectionCuts(text, 40);
    expect(cuts.map((c) => lineOf(text, c))).toEqual(['# B']);
    expect(sectionCuts('# A\nshort\n# B\n', 4096)).toEqual([]);
  });

  it('does not cut inside fenced code, backtick or tilde, closed only by a fence as long', () => {
    const text = '# A\n\n````md\n# in code\n```\n# still in code\n````\n# B\n~~~\n# tilde code\n~~~\n# C\n';
    expect(sectionCuts(text, 1).map((c) => lineOf(text, c))).toEqual(['# B', '# C']);
    // A backtick line whose info string holds a backtick opens no fence.
    const notFence = '# A\n\n``` a ` b\n# B\n';
    expect(sectionCuts(notFence, 1).map((c) => lineOf(notFence, c))).toEqual(['# B']);
  });

  it('does not cut inside container directives, nested ones included', () => {
    const text = '# A\n\n::::outer\n:::inner\n# in inner\n:::\n# in outer\n::::\n# B\n';
    expect(sectionCuts(text, 1).map((c) => lineOf(text, c))).toEqual(['# B']);
  });

  it('does not cut front matter, whose YAML may hold comments that look like headings', () => {
    const text = '---\ntitle: x\n# a comment\n---\n\n# A\n\ntext\n\n# B\n';
    expect(sectionCuts(text, 1).map((c) => lineOf(text, c))).toEqual(['# A', '# B']);
    expect(sectionCuts('---\ntitle: x\n# a comment\n', 1)).toEqual([]);
    // Read without the front-matter syntax, `<pre>` opens an HTML block that runs past the closing `---`.
    expect(sectionCuts('---\n<pre>\n---\n# A\n# B\n', 1)).toEqual([]);
  });

  it.each([
    ['a link reference definition', '[a]: https://example.org'],
    ['a footnote definition', '[^1]: a note'],
    ['a definition label running past its line', '[a long\nlabel]: /x'],
    ['a definition in a block quote', '> [a]: /x'],
    ['an HTML block', '<div>\n\n# in html?\n\n</div>'],
    ['an indented fence (perhaps in a list item)', '- item\n\n  ```\n# x\n```'],
    ['a container directive in a list item', '- :::box\n  text\n  :::'],
    ['a container closed by a shorter fence', '::::outer\n:::\n# x\n::::'],
    // The `:::` ends the container and the code in it; the next fence opens code that holds the `# B` below.
    ['a container closed inside fenced code', ':::box\n```\n:::\n```\n:::'],
  ])('leaves a text with %s whole', (_what, snippet) => {
    const text = `# A\n\ntext\n\n${snippet}\n\n# B\n\ntext\n\n# C\n`;
    expect(sectionCuts(text, 1)).toEqual([]);
  });

  it('leaves CRLF text whole', () => {
    expect(sectionCuts('# A\r\n\r\ntext\r\n# B\r\n', 1)).toEqual([]);
  });
});

describe('parsing in pieces gives the tree of parsing whole', () => {
  it('every shipped document, cut at every top-level heading and at the default size', () => {
    const docs = documents(path.join(SPEC, 'documents'));
    expect(docs.length).toBeGreaterThan(3);
    const atDefault = gfmParser(PLUGINS);
    let cut = 0;
    for (const text of docs) {
      cut += sectionCuts(text, 1).length;
      const tree = whole.parse(text);
      expect(finest.parse(text)).toEqual(tree);
      expect(atDefault.parse(text)).toEqual(tree);
    }
    // The check means something only if the shipped documents are cut.
    expect(cut).toBeGreaterThan(20);
    expect(docs.some((t) => sectionCuts(t).length > 0)).toBe(true);
  });

  it('the documents of a spec scaled 3× (long texts, many pieces)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mxspec-sections-'));
    scaleSpec(SPEC, dir, 3);
    for (const text of documents(path.join(dir, 'documents'))) {
      expect(text.length).toBeGreaterThan(2 * MIN_PIECE_CHARS);
      expect(sectionCuts(text).length).toBeGreaterThan(1);
      expect(gfmParser(PLUGINS).parse(text)).toEqual(whole.parse(text));
    }
  });

  // Lines chosen to fool a line scanner: each is harmless alone, some change what the lines after them mean.
  const LINES = [
    '# Heading', '## Sub {#anchor}', '#NoSpace', '   # indented heading', '#', '###### six',
    'Some text with *emphasis* and `code`.', 'https://example.org and a@b.co', '', '', '',
    '```', '```json', '````', '~~~', '~~~~', '  ```', '``` a ` b', '    indented code', '\t# tab code',
    ':::edition{only="ietf"}', '::::outer', ':::', '::::', '  :::', '::leaf{a="b"}', '- :::box',
    '- item', '  continued', '1. first', '10. tenth', '- # heading in a list', '- [ ] task', '* * *',
    '> quote', '> # quoted heading', '> ```', 'lazy line',
    '[a]: https://example.org', '[^1]: note', 'see [a] and [^1]', '[wrapped', 'label]: /x',
    '<div>', '</div>', '<!-- comment', '-->', '<pre>', '</pre>',
    '| a | b |', '| --- | --- |', '| 1 | 2 |', '---', '===', 'title: x', 'text\\', 'a\\',
  ];

  // Documents are parsed with front matter and directives; descriptions (drafts, the importer) with GFM alone, where
  // `:::` and `---` blocks are plain text that the scan still treats as containers and front matter.
  it.each([
    ['with front matter and directives (documents)', PLUGINS, undefined],
    ['with front matter and directives, pieces built without micromark where they can be (as documents are read)', PLUGINS, plainDocument],
    ['with GFM alone (descriptions)', [], undefined],
  ] as [string, PluggableList, GfmParserOptions['plainPiece']][])('random documents of tricky lines, cut as finely as possible, %s', (_what, plugins, plainPiece) => {
    const ours = gfmParser(plugins, { minPieceChars: 1, plainPiece });
    const theirs = unified().use(remarkParse).use(remarkGfm).use(plugins);
    const line = fc.constantFrom(...LINES);
    const doc = fc.record({
      // Front matter of tricky lines too: without the front-matter syntax they are Markdown.
      frontMatter: fc.option(fc.array(fc.oneof(line, fc.constant('title: x'), fc.constant('# comment')), { maxLength: 4 })),
      lines: fc.array(line, { minLength: 1, maxLength: 40 }),
      finalNewline: fc.boolean(),
    });
    fc.assert(
      fc.property(doc, ({ frontMatter, lines, finalNewline }) => {
        const text = `${frontMatter ? `---\n${[...frontMatter, ''].join('\n')}---\n` : ''}${lines.join('\n')}${finalNewline ? '\n' : ''}`;
        expect(ours.parse(text)).toEqual(theirs.parse(text));
      }),
      { numRuns: Number(process.env.MXSPEC_PROPERTY_RUNS ?? 2000) },
    );
  });
});

describe('MarkdownPieceMemo: pieces of earlier parses (mxspec watch)', () => {
  const docs = documents(path.join(SPEC, 'documents'));
  const parser = gfmParser(PLUGINS);
  const pieceCount = (text: string): number => sectionCuts(text).length + 1;

  it('an edited document parses to the tree of a fresh parse, and only its changed pieces are parsed', () => {
    for (const text of docs) {
      const memo = new MarkdownPieceMemo();
      expect(parser.parse(text, memo)).toEqual(whole.parse(text));
      expect(memo.size).toBe(pieceCount(text));
      // One edit inside the first paragraph of the last piece: one new piece, the others taken from the memo.
      const last = sectionCuts(text).pop() ?? 0;
      const at = text.indexOf('\n\n', last) + 2;
      const edited = `${text.slice(0, at)}Inserted words. ${text.slice(at)}`;
      expect(parser.parse(edited, memo)).toEqual(whole.parse(edited));
      expect(memo.size).toBe(pieceCount(text) + 1);
    }
  });

  it('random edits anywhere, the memo kept across them', () => {
    const text = docs.reduce((a, b) => (a.length > b.length ? a : b));
    const memo = new MarkdownPieceMemo();
    parser.parse(text, memo);
    const insertion = fc.constantFrom('word ', '\n', '\n# Heading\n', '\n```\n', ':::', '\n:::edition{only="ietf"}\n', '[a]: /x\n', '`', '*');
    fc.assert(
      fc.property(fc.nat({ max: text.length }), insertion, (at, what) => {
        const edited = text.slice(0, at) + what + text.slice(at);
        expect(parser.parse(edited, memo)).toEqual(whole.parse(edited));
      }),
      { numRuns: Number(process.env.MXSPEC_PROPERTY_RUNS ?? 150) },
    );
  });

  it('hands out copies: a caller changing its tree does not change the next parse', () => {
    const text = docs[0]!;
    const memo = new MarkdownPieceMemo();
    const first = parser.parse(text, memo);
    first.children.length = 0;
    const again = parser.parse(text, memo);
    (again.children[0] as { type: string }).type = 'changed';
    expect(parser.parse(text, memo)).toEqual(whole.parse(text));
  });

  it('lets the least recently used pieces go past its limit', () => {
    const memo = new MarkdownPieceMemo(20);
    parser.parse('# a\n\nfirst\n', memo);
    parser.parse('# b\n\nsecond\n', memo);
    expect(memo.size).toBe(1);
    expect(memo.take('# b\n\nsecond\n')).toEqual(whole.parse('# b\n\nsecond\n'));
    expect(memo.take('# a\n\nfirst\n')).toBeUndefined();
    // A piece longer than the limit is not kept at all.
    parser.parse('# c\n\na much longer text\n', memo);
    expect(memo.take('# c\n\na much longer text\n')).toBeUndefined();
  });
});
