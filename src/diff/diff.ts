/**
 * diffModels: the whole comparison of two EditionModels, in a fixed order
 * (edition metadata, registries, documents, RPCs and bindings, schemas,
 * events, room versions), then the verdict per RPC.
 */
import type { EditionModel } from '../ir/types.js';
import { DiffRun } from './engine.js';
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

export function diffModels(from: EditionModel, to: EditionModel, opts: DiffOptions = {}, rules: readonly DiffRule[] = DIFF_RULES): DiffResult {
  const run = new DiffRun(rules, from.edition.id !== to.edition.id);
  const models = [from, to];
  const ctx: WalkContext = { run, from, to, placement: buildPlacement(models), schemaDirection: schemaDirections(models) };
  const registries = (m: EditionModel) => ({ authors: m.authors, references: m.references, rpcGroups: m.rpcGroups, bindingGroups: m.bindingGroups });
  // The model itself is a pair too: a field no walker covers is unclassified.
  run.compare({ site: 'model', from, to, path: '', document: '-', direction: 'none' }, {
    ignore: ['root'],
    children: {
      edition: () => run.compare({ site: 'edition', from: from.edition, to: to.edition, path: 'edition', document: '-', direction: 'none' }),
      authors: () => run.compare({ site: 'registries', from: registries(from), to: registries(to), path: 'registries', document: '-', direction: 'none' }),
      references: () => {},
      rpcGroups: () => {},
      bindingGroups: () => {},
      documents: () => compareDocuments(ctx),
      rpcs: () => compareRpcs(ctx),
      bindings: () => {},
      schemas: () => compareNamedSchemas(ctx),
      contentBlocks: () => compareEvents(ctx),
      eventTypes: () => {},
      eduTypes: () => {},
      roomVersions: () => compareRoomVersions(ctx),
    },
  });
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
