/**
 * src/parse/plain-document.ts builds the tree of a document piece written
 * only in the shapes the spec's documents use, instead of running micromark.
 * Wherever it answers, its tree must be remark's (GFM, front matter and
 * directives), positions included: on the shipped documents, on scaled
 * ones, and on generated documents of those shapes and their near misses.
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
import { gfmParser } from '../../src/parse/gfm.js';
import { plainDocument } from '../../src/parse/plain-document.js';
import { sectionCuts } from '../../src/parse/top-level-sections.js';
import { scaleSpec } from '../../scripts/bench/scale-spec.js';
import { SPEC } from '../helpers/cli.js';

const PLUGINS: PluggableList = [[remarkFrontmatter, ['yaml']], remarkDirective];
const remark = unified().use(remarkParse).use(remarkGfm).use(PLUGINS);
const RUNS = Number(process.env.MXSPEC_PROPERTY_RUNS ?? 4000);

const documents = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));

/** The pieces a document is parsed in (src/parse/top-level-sections.ts). */
function pieces(text: string): string[] {
  const cuts = [0, ...sectionCuts(text), text.length];
  return cuts.slice(1).map((to, k) => text.slice(cuts[k], to));
}

describe('plainDocument', () => {
  it('builds every piece of the shipped documents, each equal to remark', () => {
    const docs = documents(path.join(SPEC, 'documents'));
    let built = 0;
    let all = 0;
    for (const text of docs) {
      for (const piece of pieces(text)) {
        all += piece.length;
        const mine = plainDocument(piece);
        if (!mine) continue;
        built += piece.length;
        expect(mine).toStrictEqual(remark.parse(piece));
      }
      // Put together as the documents' parser does.
      expect(gfmParser(PLUGINS, { plainPiece: plainDocument }).parse(text)).toStrictEqual(remark.parse(text));
    }
    // What makes it worth having: the documents are written in these shapes (all of them when this was written).
    expect(built / all).toBeGreaterThan(0.9);
  });

  it('equals remark on the documents of a spec scaled 3×', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mxspec-plain-document-'));
    scaleSpec(SPEC, dir, 3);
    let built = 0;
    for (const text of documents(path.join(dir, 'documents'))) {
      for (const piece of pieces(text)) if (plainDocument(piece)) built++;
      expect(gfmParser(PLUGINS, { plainPiece: plainDocument }).parse(text)).toStrictEqual(remark.parse(text));
    }
    expect(built).toBeGreaterThan(20);
  });

  // Blocks of every shape it reads, and near misses of each, joined by one, two or no empty lines.
  /** Mostly what it reads, now and then a near miss. */
  const mostly = <T>(plain: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: plain, weight: 8 }, { arbitrary: nearMiss, weight: 1 });
  const inline = mostly(
    fc.constantFrom('Plain words here.', 'The `room_id` of [](rpc:getEvent).', 'A **strong** and *emph* text.', 'see [](#anchor) and [](doc:api#x)', 'see [x](https://x.org/a)', 'MUST NOT',
      'a: b', 'port 8448:', 'C# and {braces}', '**Term (T)**: a', '`a:b`'),
    fc.constantFrom('key:value here', 'a:1', 'a | b', 'text\\', 'https://x.org', 'a@b.c', '<b>', 'x _y_ z'),
  );
  const paragraph = fc.array(inline, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
  const listItem = fc.tuple(
    mostly(fc.constantFrom('* ', '- ', '1. ', '2. '), fc.constantFrom('1) ', '  * ', '+ ')),
    inline,
    mostly(fc.constantFrom('', '', '\n  more', '\n   more', '\n  - nested', '\n   1. nested'), fc.constantFrom('\n\n  more', '\nlazy', '\n    deep')),
  );
  const list = fc.array(listItem, { minLength: 1, maxLength: 3 }).map((items) => items.map(([m, t, rest]) => `${m}${t}${rest}`).join('\n'));
  const heading = fc.tuple(
    mostly(fc.constantFrom('# ', '## ', '###### '), fc.constantFrom('####### ', '#', '#  ')),
    inline,
    mostly(fc.constantFrom('', ' {#anchor}', ' {#a .unnumbered}'), fc.constantFrom(' #', ' ')),
  ).map(([h, t, a]) => `${h}${t}${a}`);
  const code = fc.tuple(
    mostly(fc.constantFrom('```', '```json', '~~~', '````'), fc.constantFrom('``` a', '```js x')),
    mostly(fc.constantFrom('', '{"a": 1}', '# not a heading', 'a\n\nb', ':::'), fc.constantFrom('```', '  ```', '::::')),
    mostly(fc.constant('same'), fc.constantFrom('```', '~~~', '````', '``` ', '')),
  ).map(([open, body, close]) => `${open}\n${body}${body ? '\n' : ''}${close === 'same' ? open.replace(/[a-z]+$/, '') : close}`);
  const leaf = mostly(
    fc.constantFrom('::rpc{name="a"}', '::bcp14-boilerplate', '::x{a="b" c="d e"}', '::room-version{id="12" part="signing"}', '::x{a="" b="{x}"}', '::x-y2{k-1="v:w"}'),
    fc.constantFrom('::x{a="b"  c="d"}', '::x{class="a"}', '::x{a="b" a="c"}', '::x{a="&amp;"}', '::x[label]', '::x{a=b}', '::x{}', '::x-{a="b"}', '::1x', '::x{a="b"} y', ':: x'),
  );
  const table = fc.tuple(
    mostly(fc.constantFrom('| a | b |', '| `x` | *y* |', '|a|b|', '|  a  |b |'), fc.constantFrom('| a |', '| a | b | c |', '| a \\| b | c |')),
    mostly(fc.constantFrom('| --- | --- |', '| :-: | --: |', '|:--|--:|', '| - | - |'), fc.constantFrom('| --- |', '| --- | --- |x')),
    fc.array(mostly(fc.constantFrom('| 1 | 2 |', '| [](rpc:a) | `b` |', '| **s** | x y |'), fc.constantFrom('| 1 |', '| a:b | c |', 'lazy', '|  | x |')), { maxLength: 3 }),
  ).map(([h, d, rows]) => [h, d, ...rows].join('\n'));
  const simple = fc.oneof(paragraph, list, heading, code, leaf, table);
  const container = fc.tuple(
    mostly(fc.constantFrom(':::edition{only="ietf"}', ':::edition{only="ietf" status="pending" msc="1"}', ':::edition'), fc.constantFrom('::::edition{only="x"}', ':::edition[l]{only="x"}')),
    fc.array(fc.tuple(simple, fc.constantFrom('\n\n', '\n')), { maxLength: 3 }),
    mostly(fc.constant(':::'), fc.constantFrom('::::', ':::\n:::', '')),
  ).map(([open, blocks, close]) => `${open}\n${blocks.map(([b, sep]) => b + sep).join('')}${close}`);
  const block = fc.oneof({ arbitrary: simple, weight: 12 }, { arbitrary: container, weight: 3 }, { arbitrary: fc.constantFrom('---', '> quote', '    indented', '[a]: /x', '<div>', '***'), weight: 1 });
  const doc = fc.record({
    frontMatter: fc.option(fc.constantFrom('title: x', 'title: x\nabstract: |\n  text', '', '# comment', '----')),
    blocks: fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n')), { minLength: 1, maxLength: 5 }),
    finalNewline: fc.boolean(),
  }).map(({ frontMatter, blocks, finalNewline }) => {
    const body = blocks.map(([b, sep]) => b + sep).join('');
    const text = `${frontMatter === null ? '' : `---\n${frontMatter}${frontMatter ? '\n' : ''}---\n`}${body}`;
    return finalNewline ? text : text.replace(/\n+$/, '');
  });

  it('equals remark wherever it answers (generated documents)', () => {
    const seen = { answered: 0, heading: 0, code: 0, leafDirective: 0, containerDirective: 0, table: 0, list: 0, yaml: 0 };
    fc.assert(
      fc.property(doc, (text) => {
        const mine = plainDocument(text);
        if (!mine) return;
        seen.answered++;
        const json = JSON.stringify(mine);
        for (const kind of ['heading', 'code', 'leafDirective', 'containerDirective', 'table', 'list', 'yaml'] as const) if (json.includes(`"type":"${kind}"`)) seen[kind]++;
        expect(mine).toStrictEqual(remark.parse(text));
      }),
      { numRuns: RUNS },
    );
    if (process.env.MXSPEC_SHOW_COUNTS) console.log(seen);
    // Each shape answered often enough for the comparison to mean something.
    for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(RUNS / 100);
  });

  it('builds these itself', () => {
    for (const t of [
      '---\ntitle: x\n---\n\n# A {#a}\n\nText.\n',
      '# A\n\n::rpcs{group="x"}\n::bcp14-boilerplate\n',
      '# A\n:::edition{only="ietf" note="a b"}\nText [](rpc:x).\n:::\nMore.',
      '| a | `b` |\n| :-- | --: |\n| [](#x) | *y* |\n\n```json\n{"a": 1}\n```',
      '1. **A.** b\n   1. c\n   2. d\n2. e\n',
      '# A\n\n~~~\n:::\n~~~\n',
    ]) {
      expect(plainDocument(t), JSON.stringify(t)).toStrictEqual(remark.parse(t));
    }
  });

  it('leaves the rest to remark', () => {
    for (const t of [
      '', 'a\r\nb', 'a\tb', '---\ntitle: x\n', '---\n--- x\n---', '# A #', '#A', '# ', '```\nunclosed', '```\n  ```\n```', ':::edition{only="x"}\ntext', ':::a\n:::b\n:::\n:::',
      ':::\n', '::x{class="a"}x', '::x{a="b" a="c"}', '::x{a="&amp;"}', '::x[l]', '| a |\n| - |\nlazy', '| a |\ntext', 'a\n| b |\n| - |', 'text\n# A', 'text\n::x', 'text\n```\n```',
      'key:value', '# a:b', '| a:b |\n| - |', '> q', '    code', '[a]: /x', '<div>', '***', '- a\n\n- b', ':::e\n```\n:::\n```\n:::',
    ]) {
      expect(plainDocument(t), JSON.stringify(t)).toBeUndefined();
    }
  });
});
