/**
 * Document walker: pairs documents by id and their sections by anchor
 * (flattened with parent and position, so moves are seen). Section blocks
 * are compared by the prose rules.
 */
import type { RootContent } from 'mdast';
import type { DocumentIR, PortRecord, Section, SourceLocation } from '../../ir/types.js';
import type { WalkContext } from './context.js';
import { rankAmongCommon } from './ranks.js';

export interface FlatSection {
  anchor: string;
  title: string;
  depth: number;
  numbered: boolean;
  appendix: boolean;
  parent: string | null;
  index: number;
  blocks: RootContent[];
  port?: PortRecord;
  loc: SourceLocation;
}

export function flattenSections(sections: Section[], parent: string | null = null, inherited?: PortRecord, out: FlatSection[] = []): FlatSection[] {
  sections.forEach((s, index) => {
    const port = s.port ?? inherited;
    const f: FlatSection = {
      anchor: s.anchor, title: s.title, depth: s.depth, numbered: s.numbered, appendix: s.appendix, parent, index, blocks: s.blocks, loc: s.loc,
    };
    if (port) f.port = port;
    out.push(f);
    flattenSections(s.sections, s.anchor, port, out);
  });
  return out;
}

export interface SectionContext {
  fromDoc?: DocumentIR;
  toDoc?: DocumentIR;
}

export function compareDocuments(ctx: WalkContext): void {
  const { run } = ctx;
  run.compareSet<DocumentIR>({
    site: 'document-set', from: ctx.from.documents, to: ctx.to.documents, keyOf: (d) => d.id, path: 'documents', document: '-', direction: 'none',
    documentOf: (id) => id,
  }, (a, b) => run.comparePairOnce(a, b, () => {
    const path = `documents/${a.id}`;
    const context: SectionContext & Record<string, unknown> = { fromDoc: a, toDoc: b };
    const fa = flattenSections(a.sections);
    const fb = flattenSections(b.sections);
    rankAmongCommon(fa, fb, (s) => s.anchor);
    run.compare({ site: 'document', from: a, to: b, path, document: a.id, direction: 'none' }, {
      // The whole-document mdast is the source the sections were cut from; the sections carry its content.
      // The source hash says which text it was parsed from, not what it says (that is compared field by field).
      ignore: ['id', 'mdast', 'sourceHash'],
      children: {
        sections: () => run.compareSet<FlatSection>({
          site: 'section-set', from: fa, to: fb, keyOf: (s) => s.anchor,
          path: `${path}/sections`, document: a.id, direction: 'none', context,
        }, (x, y) => run.compare({ site: 'section', from: x, to: y, path: `${path}/sections/${x.anchor}`, document: a.id, direction: 'none', context }, { ignore: ['anchor'] })),
      },
    });
  }));
}
