/**
 * What the two section-prose rules share: whether a section's prose changed,
 * and the report (OLD and NEW text word by word, one change per edition
 * block's port record). `bcp14-keywords-changed` takes the changes whose
 * BCP 14 keywords differ, `section-text-changed` the others.
 */
import type { RootContent } from 'mdast';
import type { ElementPair, RuleApi } from './types.js';
import { canonical, same } from './canonical.js';
import { bcp14Keywords, blocks } from './prose.js';
import { editionBlockPorts } from './edition-blocks.js';
import type { FlatSection, SectionContext } from './walk/documents.js';
import { wordDiff } from './words.js';

/** Blocks of one side whose content the other side does not have. */
function changedBlocks(mine: RootContent[], theirs: RootContent[]): RootContent[] {
  const other = new Set(theirs.map(canonical));
  return mine.filter((b) => !other.has(canonical(b)));
}

/** Reports a change of the section's prose when its keywords changed (`keywords: 'changed'`) or stayed (`'same'`). */
export function reportSectionText(pair: ElementPair<FlatSection>, api: RuleApi, keywords: 'changed' | 'same'): void {
  if (same(pair.from.blocks, pair.to.blocks)) return;
  const oldText = blocks(pair.from.blocks);
  const newText = blocks(pair.to.blocks);
  const oldKeywords = bcp14Keywords(oldText);
  const newKeywords = bcp14Keywords(newText);
  const keywordsDiffer = oldKeywords.join(' ') !== newKeywords.join(' ');
  if (keywordsDiffer !== (keywords === 'changed')) return;
  const ctx = pair.context as SectionContext;
  const what = keywordsDiffer ? `: ${oldKeywords.join(', ') || '-'} -> ${newKeywords.join(', ') || '-'}` : oldText === newText ? ' (markup only)' : '';
  const prose = { old: oldText, new: newText, runs: wordDiff(oldText, newText) };
  // Text from edition blocks on either side: one change per block's port record, the first with the prose.
  const ports = [
    ...editionBlockPorts(ctx.fromDoc, changedBlocks(pair.from.blocks, pair.to.blocks)),
    ...editionBlockPorts(ctx.toDoc, changedBlocks(pair.to.blocks, pair.from.blocks)),
  ].filter((p, i, all) => all.findIndex((q) => q.loc.file === p.loc.file && q.loc.line === p.loc.line) === i);
  if (!ports.length) {
    api.report({ message: `text of "${pair.to.title}" changed${what}`, claims: ['blocks'], prose });
    return;
  }
  ports.forEach((port, i) => {
    const where = ports.length > 1 ? ` (edition block ${port.loc.file}:${port.loc.line})` : '';
    api.report({ message: `text of "${pair.to.title}" changed${what}${where}`, claims: ['blocks'], port, ...(i === 0 ? { prose } : {}) });
  });
}
