/**
 * Searches for blocks (::schema, :::edition and the other directives) skip
 * the inside of paragraphs, headings and tables (src/ir/flow-content.ts).
 * Whatever Markdown says, that must find every directive a search of the
 * whole tree finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import type { Parent, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { gfmParser } from '../../src/parse/gfm.js';
import { mayHoldBlocks } from '../../src/ir/flow-content.js';
import { ROOT, SPEC } from '../helpers/cli.js';

const parser = gfmParser([[remarkFrontmatter, ['yaml']], remarkDirective]);
const isBlockDirective = (n: RootContent): boolean => n.type === 'leafDirective' || n.type === 'containerDirective';

function found(nodes: RootContent[], descend: (n: RootContent) => boolean, out: RootContent[] = []): RootContent[] {
  for (const n of nodes) {
    if (isBlockDirective(n)) out.push(n);
    if (descend(n)) found((n as Parent).children as RootContent[], descend, out);
  }
  return out;
}
const everywhere = (n: RootContent): boolean => 'children' in n;

const documents = [SPEC, ...['minimal-spec', 'openapi', 'diff/spec'].map((f) => path.join(ROOT, 'test/fixtures', f))]
  .flatMap((spec) => readdirSync(path.join(spec, 'documents')).map((f) => path.join(spec, 'documents', f)));

describe('mayHoldBlocks', () => {
  it('finds every block directive of the shipped and fixture documents', () => {
    let total = 0;
    for (const file of documents) {
      const tree = parser.parse(readFileSync(file, 'utf8'));
      const all = found(tree.children, everywhere);
      expect(found(tree.children, mayHoldBlocks)).toEqual(all);
      total += all.length;
    }
    expect(total).toBeGreaterThan(20);
  });

  it('finds every block directive of random Markdown: lists, quotes, tables, footnotes and directives nested in any order', () => {
    const line = fc.constantFrom(
      '::schema{name="A"}', ':::edition{only="ietf"}', ':::', '::::note', '::::', '- ', '  ', '> ', '1. ', '| a | b |', '| --- | --- |',
      '| ::rpcs{group="x"} | :x[y] |', '# Title', 'text :inline[t]{a=b} more', '[^1]: ', '```', '    ::schema{name="B"}', '*', '',
    );
    fc.assert(
      fc.property(fc.array(fc.array(line, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')), { maxLength: 25 }), (lines) => {
        const tree = parser.parse(lines.join('\n'));
        expect(found(tree.children, mayHoldBlocks)).toEqual(found(tree.children, everywhere));
      }),
      { numRuns: 400 },
    );
  });
});
