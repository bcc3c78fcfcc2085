/**
 * :::edition blocks are unwrapped for their edition and dropped for the
 * other, wherever they sit among the blocks: at the top, in list items, in
 * block quotes, in other containers (src/editions/project.ts). Blocks that
 * hold none come back as the very same objects.
 */
import { describe, expect, it } from 'vitest';
import type { RootContent } from 'mdast';
import { projectBlocks } from '../../src/editions/project.js';

const text = (value: string) => ({ type: 'text', value });
const para = (value: string) => ({ type: 'paragraph', children: [text(value)] });
const only = (edition: string, ...children: object[]) => ({ type: 'containerDirective', name: 'edition', attributes: { only: edition }, children });
const list = (...items: object[][]) => ({ type: 'list', ordered: false, children: items.map((children) => ({ type: 'listItem', children })) });

/** Every text value in document order. */
const texts = (nodes: unknown[]): string[] =>
  nodes.flatMap((n) => {
    const node = n as { type: string; value?: string; children?: unknown[] };
    return node.type === 'text' ? [node.value!] : node.children ? texts(node.children) : [];
  });

describe('projectBlocks', () => {
  const blocks = [
    para('both'),
    only('ietf', para('ietf at the top')),
    list([para('item'), only('matrix-org', para('matrix-org in an item'))], [only('ietf', list([para('ietf in a nested list')]))]),
    { type: 'blockquote', children: [only('matrix-org', para('matrix-org in a quote')), only('ietf matrix-org', para('both, named'))] },
    { type: 'containerDirective', name: 'note', attributes: {}, children: [only('ietf', para('ietf in a note'))] },
    // An inline directive named edition is text-level: not a block, never unwrapped.
    { type: 'paragraph', children: [text('inline '), { type: 'textDirective', name: 'edition', attributes: { only: 'ietf' }, children: [text('kept')] }] },
  ] as unknown as RootContent[];

  it('keeps the edition\'s own blocks, unwrapped, at any depth, and drops the other\'s', () => {
    expect(texts(projectBlocks(blocks, 'ietf'))).toEqual(['both', 'ietf at the top', 'item', 'ietf in a nested list', 'both, named', 'ietf in a note', 'inline ', 'kept']);
    expect(texts(projectBlocks(blocks, 'matrix-org'))).toEqual(['both', 'item', 'matrix-org in an item', 'matrix-org in a quote', 'both, named', 'inline ', 'kept']);
    expect(JSON.stringify(projectBlocks(blocks, 'ietf'))).not.toContain('"name":"edition","attributes":{"only":"ietf"},"children":[{"type":"paragraph"');
  });

  it('gives back the same objects for blocks that hold no edition block', () => {
    for (const edition of ['ietf', 'matrix-org']) {
      const out = projectBlocks(blocks, edition as 'ietf');
      expect(out[0]).toBe(blocks[0]);
      expect(out.at(-1)).toBe(blocks.at(-1));
      expect(out[1]).not.toBe(blocks[2]);
    }
  });
});
