/**
 * The drafts generator builds the mdast of plain-prose fragments itself
 * (generators/drafts/plain-fragment.ts) instead of running remark. Wherever
 * it answers, its tree must be exactly remark's (with GFM), positions
 * included: on generated texts full of Markdown's special characters, on
 * every description of the shipped spec and of an imported one, and on
 * every string of the matrix-spec corpus's YAML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { plainFragment } from '../../src/parse/plain-fragment.js';
import { editionModels, SPEC } from '../openapi/helpers.js';
import { CORPUS_V19, CORPUS_V19_PRESENT, importedV19Spec } from '../helpers/imported.js';
import { CORPUS } from '../helpers/cli.js';

const CORPUS_VERSIONS = ['v1.19', 'v1.11'].map((v) => path.join(CORPUS, v, 'data'));
const CORPUS_PRESENT = CORPUS_VERSIONS.every((d) => existsSync(d));

const remark = unified().use(remarkParse).use(remarkGfm);
const parse = (text: string): unknown => remark.parse(text).children;

const chars = [
  'a', 'B', 'é', 'z', ' ', ' ', '\n', '\n', '.', ',', ':', ';', '-', '+', '=', '1', '0', ')', '(', '"', "'", '’', '—', '/', '?', '%', '$', '{', '}',
  '*', '_', '`', '~', '[', ']', '<', '>', '&', '\\', '|', '#', '@', '!', '\t', '\u00a0', 'w', 'h', 't', 'p', 's', 'x', '😀',
];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...chars), maxLength: 40 }),
  fc.array(fc.constantFrom('Plain words here', 'The `room_id` of', '`m.room.member` events', 'x `a` `b` y', 'see `<x>`', '`` `` ``', '`a` ', 'in `@a:b.c` and `$e`', 'www.example.org', 'see https://x.y', 'a  ', '  b', '', 'c\td', '1. item', '- item', 'Title', '===', '---', 'mail a@b.c', 'The end.', 'x: y', 'A|B'), { maxLength: 5 }).map((ls) => ls.join('\n')),
  // Emphasis, links with no text and code holding `<`, with their near misses.
  fc.array(fc.constantFrom(
    'The *auth chain* of', '*Reverse order* is', 'a *b*', '(*x*) y', '*a*.', '*a*b', 'a*b*', '**s** t', '* item', '*a *', '* a*', '*a-b*', '*a b', 'x *a*, *b*;',
    'see [](rpc:getEvent).', 'with [](rpc:a)', '([](schema:X))', 'x[](rpc:a)', '[](rpc:a) x', 'see [](rpc: a)', 'see [](x)', 'see [a](rpc:a)', 'see []( rpc:a)', 'see [](rpc:a_b)',
    'key `<algorithm>:<id>` here', '(a JPEG) b', '(`x`) y', '(', '((a', '(*a*)', '`<a href="`">`', 'x `a<b` y', '`mxc://` URI', 'see `https://x/y`', 'a `<` b', 'text', '',
  ), { maxLength: 5 }).map((ls) => ls.join('\n')),
  // Strong text and links with text to web addresses, with their near misses.
  fc.array(fc.constantFrom(
    '**Required** if', '**Note:**', 'a **b c**.', '(**x**) y', '**a**b', 'a**b**', '** a**', '**a **', '**a*', '*a**', '***a***', '**a:**:', '**a-b** c', '**Note:** text',
    'A [standard error](https://spec.matrix.org/v1.19/client-server-api/#standard-error-response) here', '[Signing JSON](https://x.org/a#b).', '([PDU](https://x.org/p)) y',
    'the [`GET /x`](https://x.org/#get) call', '[`a`](http://x)', 'x[a](https://x.org)', '[a](https://x.org)b', '[ a](https://x.org)', '[a ](https://x.org)', '[a](https://x.org/a b)',
    '[a](https://x.org/a&amp;b)', '[a](https://x.org/%20)', '[a](https://x.org/(b))', '[a](https://x.org "t")', '[a](<https://x.org>)', '[www.x.org](https://x.org)', '[a](ftp://x)',
    '[^1](https://x.org)', '[a *b*](https://x.org)', '[a](https://x.org/é)', '[a](https://)', '[a]: https://x.org', '[a][b]', '[a](https://x.org?q=1+2)', '[a `b`](https://x.org)', '[`a` b](https://x.org)',
    'auth_events and', 'a_b_c', '_a_', 'a_', '_a', 'x `a`_b', 'a__b', 'a_ b', 'é_a', 'a_1 x', '[a_b](https://x.org)', '**a_b**', 'a_*b*', 'see a_b@c.d',
    '[rooms](/rooms/v12)', 'the [PDUs](/server-server-api/#pdus).', '[x](#anchor) y', '[x](#)', '[x](/)', '[x](//host/a)', '[x](/a b)', '[x](/a(b))', '[x](#a&amp;b)', '[x](/a "t")',
    '[`/x`](/client-server-api/#get_x)', 'see [x](/a)[y](#b)', '[x](a/b)', '[x](./a)', '[x](?q)',
    '[`a]`](https://x.org)', '[a\\]](https://x.org)', '[a](https://x.org)[b](https://y.org)', 'see [a](https://x.org) and [](rpc:a).',
    // Backslash escapes, `!`, and lines that start with a quote or a brace, with their near misses.
    "The user\\'s key", 'a \\* b', '\\*a\\*', 'a\\_b', '\\_a_', 'x_\\*', '\\*_a b_', '\\[a](https://x.org)', '\\`a`', '`a\\`b`', 'a \\\\ b', 'a \\\\*b*', 'a \\b', 'a\\',
    'mail a\\@b.c', 'see www\\.x.org', 'http\\://x', '\\# h', '\\- a', '\\> q', 'a \\&amp; b', '\\(*a*)', '\\!', 'Hello!', 'a ![i](x)', 'a !', '![](rpc:a)', 'x! [a](https://x.org)',
    '"email" is used.', "'a' b", '{{% boxes/note %}}', '{{% /boxes/note %}}', '{{% changed-in v="1.19" %}} The server', 'pattern: "^!"', '"', '{', '}', '"*a*"', '"[a](https://x.org)"',
    'text', '',
  ), { maxLength: 5 }).map((ls) => ls.join('\n')),
  // Bulleted lists, and emphasis, strong text and link text over several lines, with their near misses.
  fc.array(fc.constantFrom(
    '* item', '- item', '* `M_X` - a code', '- the *term* here', '  - indented', '   * three', '    - four', '* a\n  more', '- a\n  more', '  - a\n    more', '  - a\n   less',
    '  - a\n     over', '* a\nlazy', '*  two spaces', '* ', '*', '+ plus', '1. one', '2) two', '* [ ] task', '* [x] done', '* [a](https://x.org) b', '* * *', '- - -', '***', '---', '===',
    '* a\n\n* b', '* a\n- b', '- a\n  - nested', '* a\n  * nested', '* a\n    code', 'Para:', 'Para line', '  para', '* a\n  `b` c', '* a\n  [x](/a) b',
    '**The body\nhere describes it.**', '**a\nb**', '**a.**', '**a.**b', '**a\n b**', '**a \nb**', '**a\n- b**', '*one\ntwo*', '*a,\nb.*', '**e.g. x**', '**www.x.org**', '**a\n\nb**',
    '1 through 11', '12 rooms', '1.5 times', '1) a', '10. a', '1.', '3x', '2', 'a\n1 b', 'a\n1. b', 'a\n2. b', '* 1 a',
    // Ordered and nested lists, numbers in later lines, `#` in text, parentheses in strong text, anchors as targets.
    '1. a\n   1. b', '1. a\n   - b', '- a\n  1. b', '- a\n  - b\n    more', '1. a\n   2. b', '1. a\n    1. b', '2. a\n3. b', '1) a', 'x\n8448. y', 'x\n8448.', 'x\n1) y', '01. a',
    '* **Term (T)**: a', '**(a)**', '**a (b)**c', '*a (b)*.', '[](#a) b', '[](#) b', 'x [](#a-b.c)', 'a # b {#x}', 'a #', '#a', 'C# and F#',
    'see [Client /sync\nresponse](/a#b).', '[a\nb](https://x.org)', '[a\n b](https://x.org)', '[a \nb](https://x.org)', '[a\n]', '[`a\nb`](https://x.org)', 'a `b\nc` d',
    'text', '',
  ), { maxLength: 5 }).map((ls) => ls.join('\n')),
);

/** Every string in a value (descriptions, rule text, notes...). */
function strings(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

describe('plainFragment', () => {
  it('equals remark wherever it answers (generated texts)', () => {
    let answered = 0;
    let withCode = 0;
    let withEmphasis = 0;
    let withLink = 0;
    let withStrong = 0;
    let withWebLink = 0;
    let withRelativeLink = 0;
    let withEscape = 0;
    let withList = 0;
    let overLines = 0;
    fc.assert(
      fc.property(text, (t) => {
        const mine = plainFragment(t);
        if (mine === undefined) return;
        answered++;
        if (JSON.stringify(mine).includes('"inlineCode"')) withCode++;
        if (JSON.stringify(mine).includes('"emphasis"')) withEmphasis++;
        if (JSON.stringify(mine).includes('"link"')) withLink++;
        if (JSON.stringify(mine).includes('"strong"')) withStrong++;
        if (JSON.stringify(mine).includes('"url":"http')) withWebLink++;
        if (/"url":"[/#]/.test(JSON.stringify(mine))) withRelativeLink++;
        if (t.includes('\\')) withEscape++;
        const json = JSON.stringify(mine);
        if (json.includes('"type":"list"')) withList++;
        // Strong, emphasis or link text over two lines.
        if (/"type":"(?:strong|emphasis|link)","(?:title":null,"url":"[^"]*","children|children)":\[\{"type":"text","value":"[^"]*\\n/.test(json)) overLines++;
        expect(mine).toEqual(parse(t));
      }),
      { numRuns: Number(process.env.MXSPEC_PROPERTY_RUNS ?? 8000) },
    );
    expect(answered).toBeGreaterThan(50);
    expect(withCode).toBeGreaterThan(20);
    expect(withEmphasis).toBeGreaterThan(20);
    expect(withLink).toBeGreaterThan(20);
    expect(withStrong).toBeGreaterThan(20);
    expect(withWebLink).toBeGreaterThan(20);
    expect(withRelativeLink).toBeGreaterThan(20);
    expect(withEscape).toBeGreaterThan(20);
    expect(withList).toBeGreaterThan(20);
    expect(overLines).toBeGreaterThan(20);
  });

  /** Checks every string of the spec's ietf model against remark; returns how many it answered and of how many. */
  async function everyString(specDir: string): Promise<{ answered: number; total: number; webLinks: number }> {
    const models = await editionModels(specDir);
    // Documents hold whole parsed Markdown trees, not fragments: leave them out.
    const all = [...strings({ ...models.ietf, documents: [] }, new Set())].filter((s) => s.trim());
    let answered = 0;
    let webLinks = 0;
    for (const s of all) {
      const mine = plainFragment(s);
      if (mine === undefined) continue;
      answered++;
      if (JSON.stringify(mine).includes('"url":"http')) webLinks++;
      expect(mine, JSON.stringify(s)).toEqual(parse(s));
    }
    return { answered, total: all.length, webLinks };
  }

  it('equals remark wherever it answers (every string of the shipped spec), and answers for most prose', async () => {
    expect((await everyString(SPEC)).answered).toBeGreaterThan(100);
  });

  if (!CORPUS_V19_PRESENT) console.warn(`test/foundation/plain-fragment: skipping the imported-corpus strings, ${CORPUS_V19} is absent (read from ../shared/corpus/matrix-spec)`);
  it.skipIf(!CORPUS_V19_PRESENT)('equals remark wherever it answers (every string of the imported matrix-spec v1.19 API, which links to spec.matrix.org)', async () => {
    const { answered, webLinks } = await everyString(importedV19Spec('mxspec-plain-fragment-'));
    expect(answered).toBeGreaterThan(300);
    expect(webLinks).toBeGreaterThan(30);
  }, 60_000);

  if (!CORPUS_PRESENT) console.warn(`test/foundation/plain-fragment: skipping the corpus's YAML strings, ${CORPUS_VERSIONS.join(' or ')} is absent (read from ../shared/corpus/matrix-spec)`);
  it.skipIf(!CORPUS_PRESENT)('equals remark wherever it answers (every string of every YAML file of the corpus, v1.19 and v1.11: all APIs and event schemas)', () => {
    let answered = 0;
    let lists = 0;
    for (const data of CORPUS_VERSIONS) {
      for (const file of readdirSync(data, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml')).sort()) {
        for (const t of strings(parseYaml(readFileSync(path.join(data, file), 'utf8')), new Set())) {
          const mine = plainFragment(t);
          if (mine === undefined) continue;
          answered++;
          if (mine.some((n) => n.type === 'list')) lists++;
          expect(mine, `${path.relative(CORPUS, data)}/${file}: ${JSON.stringify(t)}`).toEqual(parse(t));
        }
      }
    }
    expect(answered).toBeGreaterThan(3000);
    expect(lists).toBeGreaterThan(20);
  }, 60_000);

  it('builds text and inline code itself', () => {
    for (const t of ['see `x`', '`room_id` is `m.room.create`.', 'The `a` and\n`b` fields\nof `c`', 'Use `@alice:example.org` or `*`.', 'A\n\n`x` y', '*a*', 'a `<b>` c', 'The *auth chain* of\n*x* and `<a>:<b>`', 'then [](rpc:sendJoinV2).\nNext', 'the `mxc://` URI', '**Required** if', '**Note:**\nSee [Signing JSON](https://spec.matrix.org/v1.19/appendices/#signing-json).', 'the [`GET /x`](https://x.org/#get) call', 'The auth_events and prev_events fields',
      "The user\\'s key", '"email" is used.', '{{% boxes/note %}}', '- a', '* a\n* b', 'Servers MAY:\n  - Include the\n    `x` pairs.\n  - Deny\n\nThen', '**The body\nhere describes it.**', 'see [Client /sync\nresponse](/a#b).',
      '1. a', '1. a\n2. b', '1) a\n2) b', '7. a\n8. b', 'x\n1. a', '1. **Step.** Then\n   `x` more', '10. a\n    b', '[](rpc:a) x', '[](rpc:a)', 'Title {#anchor .unnumbered}', 'a # b', 'a #', '- a\n  - b', '1. a\n   1. b\n   2. c\n2. d', 'a\n8448. b', '* **Persistent Data Unit (PDU)**: a', 'see [](#anchor).', 'x\n2. a', '1. a\n   2. b', '8448. a']) {
      expect(plainFragment(t), JSON.stringify(t)).toEqual(parse(t));
    }
  });

  it('leaves syntax to the parser', () => {
    for (const t of ['a*b*', '*a*b', '**a**b', '*a *', '[a](https://x.org/a&amp;b)', '[a](https://x.org "t")', '[x](//host/a)', '[x](a/b)', 'x[a](https://x.org)', '[^1](https://x.org)', '_a_', 'a _b', 'a__b', 'x `a`_b', 'x [](rpc:a b)', 'x[](rpc:a)', 'a_b_', 'see ``x``', 'see ` x`', 'see `x', '```js', 'a `x` _y_', '[a](b)', 'a <b>', 'a &amp; b', 'a\\', 'a | b', '# h', 'a@b.c', '![i](x)', 'www.x.org', 'http://x', ' a', 'a ', 'a\n  b', 'a\tb', '',
      '* a\n\n* b', '* a\nlazy', '+ a', '* [ ] t', '* a\n- b', '- a\n\n  b', '**a\n- b**', '*  a', '* a\n   b', 'a\\\nb',
      '1. a\n2) b', '1. a\n- b', '1. a\n  b', '1. a\n    b', '1.  a', '1234567890. a', '1. a\n  - b', '- a\n   - b', '- a\n\n  - b']) {
      expect(plainFragment(t), JSON.stringify(t)).toBeUndefined();
    }
  });
});

describe('parsed fragments', () => {
  it('are shared by every caller and frozen in the tests, so a renderer that changed one would fail', async () => {
    const { parseFragment } = await import('../../generators/drafts/markdown.js');
    expect(process.env.MXSPEC_FREEZE_MODELS).toBe('1');
    for (const text of ['Plain `code` text.', '1. a list\n2. parsed by remark']) {
      const nodes = parseFragment(text);
      expect(parseFragment(text)).toBe(nodes);
      const first = nodes[0] as { children: unknown[] };
      expect(Object.isFrozen(first)).toBe(true);
      expect(() => first.children.push({ type: 'text', value: 'x' })).toThrow(TypeError);
    }
  });
});
