/**
 * Events walker: content blocks, event types (with msgtypes) and EDU types,
 * paired by name. Each pair's comparison reads the two elements, the
 * document they are placed in and (blocks) which way their data flows, so it
 * is compared once per pair of objects (DiffRun.comparePairOnce).
 */
import type { ContentBlock, EduType, EventType, SchemaNode, SourceLocation } from '../../ir/types.js';
import type { WalkContext } from './context.js';
import { compareSchema } from './schemas.js';

type Msgtype = { name: string; schema: SchemaNode; loc: SourceLocation };

export function compareEvents(ctx: WalkContext): void {
  const { run, placement } = ctx;
  run.compareSet<ContentBlock>({
    site: 'block-set', from: ctx.from.contentBlocks, to: ctx.to.contentBlocks, keyOf: (b) => b.name, path: 'content-blocks',
    document: placement.block(''), direction: 'none', documentOf: (n) => placement.block(n),
  }, (a, b) => {
    const path = `content-blocks/${a.name}`;
    const document = placement.block(a.name);
    const direction = ctx.schemaDirection.get(`block:${a.name}`) ?? 'none';
    run.comparePairOnce(a, b, () => run.compare({ site: 'content-block', from: a, to: b, path, document, direction }, {
      ignore: ['name'],
      children: { schema: () => compareSchema(ctx, a.schema, b.schema, { path: `${path}/schema`, document, direction, role: 'root' }) },
    }), `${document}\u0000${direction}`);
  });
  const eventDoc = placement.event();
  run.compareSet<EventType>({
    site: 'event-set', from: ctx.from.eventTypes, to: ctx.to.eventTypes, keyOf: (e) => e.name, path: 'event-types', document: eventDoc, direction: 'none',
  }, (a, b) => {
    const path = `event-types/${a.name}`;
    run.comparePairOnce(a, b, () => run.compare({ site: 'event-type', from: a, to: b, path, document: eventDoc, direction: 'none' }, {
      ignore: ['name'],
      children: {
        content: () => compareSchema(ctx, a.content, b.content, { path: `${path}/content`, document: eventDoc, direction: 'none', role: 'root' }),
        msgtypes: () => run.compareSet<Msgtype>({
          site: 'msgtype-set', from: a.msgtypes ?? [], to: b.msgtypes ?? [], keyOf: (m) => m.name, path: `${path}/msgtypes`, document: eventDoc, direction: 'none',
        }, (x, y) => run.compare({ site: 'msgtype', from: x, to: y, path: `${path}/msgtypes/${x.name}`, document: eventDoc, direction: 'none' }, {
          ignore: ['name'],
          children: { schema: () => compareSchema(ctx, x.schema, y.schema, { path: `${path}/msgtypes/${x.name}`, document: eventDoc, direction: 'none', role: 'msgtype' }) },
        })),
      },
    }), eventDoc);
  });
  const eduDoc = placement.edu();
  run.compareSet<EduType>({
    site: 'edu-set', from: ctx.from.eduTypes, to: ctx.to.eduTypes, keyOf: (e) => e.name, path: 'edu-types', document: eduDoc, direction: 'none',
  }, (a, b) => {
    const path = `edu-types/${a.name}`;
    run.comparePairOnce(a, b, () => run.compare({ site: 'edu-type', from: a, to: b, path, document: eduDoc, direction: 'none' }, {
      ignore: ['name'],
      children: { content: () => compareSchema(ctx, a.content, b.content, { path: `${path}/content`, document: eduDoc, direction: 'none', role: 'root' }) },
    }), eduDoc);
  });
}
