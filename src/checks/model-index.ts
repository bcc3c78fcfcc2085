/** Name -> definition location, per kind, for one edition's model or the whole program. */
import type { EditionModel, Program, SourceLocation } from '../ir/types.js';
import { forEachSection, type TargetKind } from './walk.js';

export type ModelIndex = Map<string, Map<string, SourceLocation>>;

type Indexable = Pick<EditionModel, 'rpcs' | 'bindings' | 'schemas' | 'contentBlocks' | 'eventTypes' | 'eduTypes' | 'documents' | 'rpcGroups' | 'bindingGroups' | 'references' | 'authors'> & {
  roomVersions: { id: string; loc: SourceLocation; authRules: RuleLike[]; stateResolution: { rules: RuleLike[] }; signing: { rules: RuleLike[] }; keyValidity: { rules: RuleLike[] } }[];
};
interface RuleLike { id: string; loc: SourceLocation; steps: RuleLike[] }

export function key(kind: TargetKind, target: string, scope?: string): string {
  return scope === undefined ? `${kind}\0${target}` : `${kind}\0${scope}\0${target}`;
}

export function indexModel(m: Indexable | Program): Map<string, SourceLocation> {
  const idx = new Map<string, SourceLocation>();
  const put = (k: string, loc: SourceLocation): void => {
    if (!idx.has(k)) idx.set(k, loc);
  };
  for (const r of m.rpcs) put(key('rpc', r.name), r.loc);
  for (const b of m.bindings) put(key('binding', b.rpc), b.loc);
  for (const s of m.schemas) {
    put(key('schema', s.name), s.loc);
    put(key('schema-file', s.file), s.loc);
  }
  for (const b of m.contentBlocks) put(key('block', b.name), b.loc);
  for (const e of m.eventTypes) put(key('event', e.name), e.loc);
  for (const e of m.eduTypes) put(key('edu', e.name), e.loc);
  for (const g of m.rpcGroups) put(key('rpc-group', g.id), g.loc);
  for (const g of m.bindingGroups) put(key('binding-group', g.id), g.loc);
  for (const [id, r] of Object.entries(m.references)) put(key('reference', id), r.loc);
  for (const [id, a] of Object.entries(m.authors)) put(key('author', id), a.loc);
  for (const d of m.documents) {
    put(key('doc', d.id), d.loc);
    forEachSection(d.sections, (s) => put(key('section', s.anchor, d.id), s.loc));
  }
  for (const rv of m.roomVersions as Indexable['roomVersions']) {
    put(key('room-version', rv.id), rv.loc);
    const rules = (list: RuleLike[]): void => {
      for (const r of list) {
        put(key('rule', r.id, rv.id), r.loc);
        rules(r.steps);
      }
    };
    rules(rv.authRules);
    rules(rv.stateResolution.rules);
    rules(rv.signing.rules);
    rules(rv.keyValidity.rules);
  }
  return idx;
}
