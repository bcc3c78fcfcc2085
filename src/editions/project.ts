/**
 * Projection: the pure function from the whole Program to what one edition
 * sees. Elements outside the edition disappear, variants replace the shared
 * element, edition blocks in Markdown are unwrapped or dropped, and room
 * versions take the edition's own identifier. Nothing is mutated.
 */
import type { Parent, RootContent } from 'mdast';
import type {
  EditionId, EditionModel, EnumValue, Program, Property, RoomVersion, Rule, SchemaNode, Section, DocumentIR, Rpc,
} from '../ir/types.js';
import { deepFreeze, FREEZE_SHARED } from '../ir/freeze.js';
import { mayHoldBlocks } from '../ir/flow-content.js';

interface Scopeish<T> {
  editions?: EditionId[];
  variants?: Partial<Record<EditionId, T>>;
}

/**
 * How many times projection has met something that is scoped to editions
 * (an `editions` list, `variants`, an `:::edition` block). Projecting an
 * element without meeting any gives the same result for every edition, so
 * `once` keeps that result for all of them (see there).
 */
let editionScoped = 0;

export function isVisible(el: { editions?: EditionId[] }, edition: EditionId): boolean {
  if (!el.editions) return true;
  editionScoped++;
  return el.editions.includes(edition);
}

/** The element as the edition sees it, without its scoping keys. */
export function pick<T extends Scopeish<T>>(el: T, edition: EditionId): T {
  if (el.variants || el.editions) editionScoped++;
  const chosen = el.variants?.[edition] ?? el;
  const { editions: _e, variants: _v, ...rest } = chosen as T & Scopeish<T>;
  return rest as T;
}

export function projectSchema(node: SchemaNode, edition: EditionId): SchemaNode {
  switch (node.type) {
    case 'object': {
      const properties: Property[] = node.properties
        .filter((p) => isVisible(p, edition))
        .map((p) => {
          const chosen = pick(p, edition);
          return { ...chosen, schema: projectSchema(chosen.schema, edition) };
        });
      const out = { ...node, properties };
      if (node.additionalProperties && typeof node.additionalProperties === 'object') {
        out.additionalProperties = projectSchema(node.additionalProperties, edition);
      }
      return out;
    }
    case 'array':
      return { ...node, items: projectSchema(node.items, edition) };
    case 'map':
      return { ...node, values: projectSchema(node.values, edition) };
    case 'union': {
      const oneOf = node.oneOf.filter((m) => isVisible(m, edition)).map((m) => {
        const { editions: _e, ...rest } = projectSchema(m, edition) as SchemaNode & { editions?: EditionId[] };
        return rest as SchemaNode;
      });
      return { ...node, oneOf };
    }
    case 'string':
    case 'integer':
    case 'number':
      if (node.enum) {
        const values: EnumValue[] = node.enum.filter((v) => isVisible(v, edition)).map((v) => {
          const { editions: _e, ...rest } = v;
          return rest as EnumValue;
        });
        return { ...node, enum: values } as SchemaNode;
      }
      return node;
    default:
      return node;
  }
}

function projectRules(rules: Rule[], edition: EditionId): Rule[] {
  return rules.filter((r) => isVisible(r, edition)).map((r) => {
    const c = pick(r, edition);
    return { ...c, steps: projectRules(c.steps, edition) };
  });
}

/** Unwraps :::edition blocks of this edition and drops the others'. */
export function projectBlocks(blocks: RootContent[], edition: EditionId): RootContent[] {
  const out: RootContent[] = [];
  for (const b of blocks) {
    if (b.type === 'containerDirective' && (b as { name?: string }).name === 'edition') {
      editionScoped++;
      const only = ((b as { attributes?: Record<string, string | null | undefined> | null }).attributes?.only ?? '').split(/[\s,]+/);
      if (only.includes(edition)) out.push(...projectBlocks((b as unknown as Parent).children as RootContent[], edition));
      continue;
    }
    if (mayHoldBlocks(b) && hasEditionBlock(b)) {
      out.push({ ...b, children: projectBlocks(b.children as RootContent[], edition) } as RootContent);
      continue;
    }
    out.push(b);
  }
  return out;
}

function hasEditionBlock(p: Parent): boolean {
  return p.children.some((c) => (c.type === 'containerDirective' && (c as { name?: string }).name === 'edition') || (mayHoldBlocks(c) && hasEditionBlock(c)));
}

function projectSections(sections: Section[], edition: EditionId): Section[] {
  return sections.filter((s) => isVisible(s, edition)).map((s) => {
    const { editions: _e, ...rest } = s;
    return { ...rest, blocks: projectBlocks(s.blocks, edition), sections: projectSections(s.sections, edition) };
  });
}

function projectDocument(doc: DocumentIR, edition: EditionId): DocumentIR {
  return { ...doc, sections: projectSections(doc.sections, edition) };
}

function projectRpc(rpc: Rpc, edition: EditionId): Rpc {
  const c = pick(rpc, edition);
  return {
    ...c,
    request: projectSchema(c.request, edition) as Rpc['request'],
    response: projectSchema(c.response, edition),
    errors: c.errors.filter((e) => isVisible(e, edition)).map((e) => {
      const { editions: _e, ...rest } = e;
      return rest;
    }),
  };
}

function projectRoomVersion(rv: RoomVersion, edition: EditionId, displayId: string): RoomVersion & { displayId: string } {
  const c = pick(rv, edition);
  return {
    ...c,
    displayId,
    authRules: projectRules(c.authRules, edition),
    stateResolution: { ...c.stateResolution, rules: projectRules(c.stateResolution.rules, edition) },
    signing: { ...c.signing, rules: projectRules(c.signing.rules, edition) },
    keyValidity: { rules: projectRules(c.keyValidity.rules, edition) },
  };
}

/**
 * Projected elements by source element, and by edition where the element
 * has anything scoped to editions. Projection is pure, so projecting an
 * unchanged element again gives the same object: in `mxspec watch`, where
 * the parse cache keeps the elements of unchanged files, an edit changes the
 * identity of the elements of the edited file only. And an element the
 * editions agree on is one object in both: the work after projection (the
 * diff, the OpenAPI and types generators, the drafts) tells unchanged and
 * shared elements by identity instead of comparing their content.
 */
const projected = new WeakMap<object, Map<string, unknown>>();

/** `detail`: what else the result depends on besides the source and the edition (a room version's identifier). */
function once<S extends object, R>(source: S, edition: EditionId, detail: string, make: () => R): R {
  let byKey = projected.get(source);
  if (!byKey) projected.set(source, (byKey = new Map()));
  const everyEdition = `*\u0000${detail}`;
  const ownEdition = `${edition}\u0000${detail}`;
  // Projections are objects, never undefined.
  const known = byKey.get(everyEdition) ?? byKey.get(ownEdition);
  if (known !== undefined) return known as R;
  const scopedBefore = editionScoped;
  const out = make();
  if (FREEZE_SHARED) deepFreeze(out);
  byKey.set(editionScoped === scopedBefore ? everyEdition : ownEdition, out);
  return out;
}

export function projectEdition(program: Program, edition: EditionId): EditionModel {
  const model = projectEditionElements(program, edition);
  if (FREEZE_SHARED) deepFreeze(model);
  return model;
}

function projectEditionElements(program: Program, edition: EditionId): EditionModel {
  const ed = program.editions[edition];
  const mapping = Object.entries(ed.roomVersions);
  const roomVersions = program.roomVersions
    .filter((rv) => isVisible(rv, edition))
    .flatMap((rv) => {
      const project = (displayId: string): RoomVersion & { displayId: string } => once(rv, edition, displayId, () => projectRoomVersion(rv, edition, displayId));
      if (!mapping.length) return [project(rv.id)];
      return mapping.filter(([, matrixId]) => matrixId === rv.id).map(([displayId]) => project(displayId));
    });
  const visibleRpcs = new Set(program.rpcs.filter((r) => isVisible(r, edition)).map((r) => r.name));
  return {
    root: program.root,
    edition: ed,
    authors: program.authors,
    documents: program.documents.map((d) => once(d, edition, '', () => projectDocument(d, edition))),
    rpcGroups: program.rpcGroups,
    rpcs: program.rpcs.filter((r) => isVisible(r, edition)).map((r) => once(r, edition, '', () => projectRpc(r, edition))),
    bindingGroups: program.bindingGroups,
    bindings: program.bindings.filter((b) => isVisible(b, edition) && visibleRpcs.has(b.rpc)).map((b) => once(b, edition, '', () => pick(b, edition))),
    schemas: program.schemas.filter((s) => isVisible(s, edition)).map((s) => once(s, edition, '', () => {
      const c = pick(s, edition);
      return { ...c, schema: projectSchema(c.schema, edition) };
    })),
    contentBlocks: program.contentBlocks.filter((b) => isVisible(b, edition)).map((b) => once(b, edition, '', () => {
      const c = pick(b, edition);
      return { ...c, schema: projectSchema(c.schema, edition) };
    })),
    eventTypes: program.eventTypes.filter((e) => isVisible(e, edition)).map((e) => once(e, edition, '', () => {
      const c = pick(e, edition);
      const out = { ...c, content: projectSchema(c.content, edition) };
      if (c.msgtypes) out.msgtypes = c.msgtypes.map((m) => ({ ...m, schema: projectSchema(m.schema, edition) }));
      return out;
    })),
    eduTypes: program.eduTypes.filter((e) => isVisible(e, edition)).map((e) => once(e, edition, '', () => {
      const c = pick(e, edition);
      return { ...c, content: projectSchema(c.content, edition) };
    })),
    roomVersions,
    references: program.references,
  };
}
