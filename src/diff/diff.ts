/**
 * diffModels: the whole comparison of two EditionModels, in a fixed order
 * (edition metadata, registries, documents, RPCs and bindings, schemas,
 * events, room versions), then the verdict per RPC.
 */
import type { EditionModel } from '../ir/types.js';
import { modelKeyWithoutDocuments } from '../ir/model-key.js';
import { DiffRun, rememberPairChanges } from './engine.js';
import { DIFF_RULES } from './rules/index.js';
import type { Change, DiffOptions, DiffResult, DiffRule, DiffSide, RpcVerdict } from './types.js';
import type { WalkContext } from './walk/context.js';
import { compareDocuments } from './walk/documents.js';
import { compareEvents } from './walk/events.js';
import { buildPlacement } from './walk/placement.js';
import { compareRoomVersions } from './walk/room-versions.js';
import { compareRpcs } from './walk/rpcs.js';
import { compareNamedSchemas } from './walk/schemas.js';
import { rpcReach, schemaDirections } from './walk/usage.js';

function side(model: EditionModel, label: string | undefined): DiffSide {
  return { label: label ?? model.edition.id, edition: model.edition.id, editionLabel: model.edition.label, version: model.edition.version };
}

/**
 * The changes of the parts other than the documents, from the last
 * comparison, with what they were computed from. A Markdown edit in `mxspec
 * watch` changes only the documents (and, through their directives, maybe
 * where elements are presented): those parts are then taken over instead of
 * walked again. Their inputs are the two models without their documents, the
 * placement and the rule set; one entry, replaced by every comparison. Off
 * unless builds follow (hashing the models is wasted on a single comparison).
 */
let lastParts: { key: string; changes: Map<string, Change[]> } | undefined;
let remember = false;

export function rememberDiffParts(on: boolean): void {
  remember = on;
  if (!on) lastParts = undefined;
  rememberPairChanges(on);
}

/** The document fields the memo key includes (the same as the OpenAPI and types generators', so hashed once per model). */
const KEYED_DOCUMENT_FIELDS = ['id', 'abstract'] as const;

export function diffModels(from: EditionModel, to: EditionModel, opts: DiffOptions = {}, rules: readonly DiffRule[] = DIFF_RULES): DiffResult {
  const run = new DiffRun(rules, from.edition.id !== to.edition.id);
  const models = [from, to];
  const ctx: WalkContext = { run, from, to, placement: buildPlacement(models), schemaDirection: schemaDirections(models) };
  const registries = (m: EditionModel) => ({ authors: m.authors, references: m.references, rpcGroups: m.rpcGroups, bindingGroups: m.bindingGroups });
  const key = remember && rules === DIFF_RULES
    ? JSON.stringify([modelKeyWithoutDocuments(from, KEYED_DOCUMENT_FIELDS), modelKeyWithoutDocuments(to, KEYED_DOCUMENT_FIELDS), ctx.placement.fromDocuments])
    : undefined;
  const reuse = key !== undefined && lastParts?.key === key ? lastParts.changes : undefined;
  const computed = new Map<string, Change[]>();
  /** Walks one part, or takes over its changes from the last comparison. */
  const part = (name: string, walk: () => void) => () => {
    const earlier = reuse?.get(name);
    if (earlier) {
      run.changes.push(...earlier);
      computed.set(name, earlier);
      return;
    }
    const start = run.changes.length;
    walk();
    computed.set(name, run.changes.slice(start));
  };
  // The model itself is a pair too: a field no walker covers is unclassified.
  run.compare({ site: 'model', from, to, path: '', document: '-', direction: 'none' }, {
    ignore: ['root'],
    children: {
      edition: part('edition', () => run.compare({ site: 'edition', from: from.edition, to: to.edition, path: 'edition', document: '-', direction: 'none' })),
      authors: part('registries', () => run.compare({ site: 'registries', from: registries(from), to: registries(to), path: 'registries', document: '-', direction: 'none' })),
      references: () => {},
      rpcGroups: () => {},
      bindingGroups: () => {},
      documents: () => compareDocuments(ctx),
      rpcs: part('rpcs', () => compareRpcs(ctx)),
      bindings: () => {},
      schemas: part('schemas', () => compareNamedSchemas(ctx)),
      contentBlocks: part('events', () => compareEvents(ctx)),
      eventTypes: () => {},
      eduTypes: () => {},
      roomVersions: part('room-versions', () => compareRoomVersions(ctx)),
    },
  });
  if (key !== undefined) lastParts = { key, changes: computed };
  return {
    from: side(from, opts.fromLabel),
    to: side(to, opts.toLabel),
    changes: run.changes,
    verdicts: verdicts(from, to, run.changes),
  };
}

/** incompatible = a breaking change reaches the RPC; degraded = a warning does; else interoperable. */
export function verdicts(from: EditionModel, to: EditionModel, changes: Change[]): RpcVerdict[] {
  const reach = rpcReach([from, to]);
  const names = [...new Set([...from.rpcs, ...to.rpcs].map((r) => r.name))].sort();
  // Changes under every path prefix ("schemas/X", "schemas/X/properties", …): a lookup per RPC prefix instead of a
  // scan of every change per RPC, which was quadratic in the size of the spec.
  const under = new Map<string, Change[]>();
  for (const c of changes) {
    for (let i = c.path.indexOf('/'); ; i = c.path.indexOf('/', i + 1)) {
      const prefix = i < 0 ? c.path : c.path.slice(0, i);
      let list = under.get(prefix);
      if (!list) under.set(prefix, (list = []));
      list.push(c);
      if (i < 0) break;
    }
  }
  return names.map((rpc) => {
    const prefixes = [`rpcs/${rpc}`, `bindings/${rpc}`];
    for (const k of reach.get(rpc) ?? []) {
      const [kind, name] = k.split(':') as [string, string];
      prefixes.push(kind === 'schema' ? `schemas/${name}` : `content-blocks/${name}`);
    }
    const hits = [...new Set(prefixes.flatMap((p) => under.get(p) ?? []))];
    const count = (s: string) => hits.filter((c) => c.severity === s).length;
    const v: RpcVerdict = { rpc, verdict: 'interoperable', breaking: count('breaking'), warning: count('warning'), info: count('info') };
    if (v.breaking) v.verdict = 'incompatible';
    else if (v.warning) v.verdict = 'degraded';
    return v;
  });
}
