/**
 * Where each IR element is rendered: the leaf directives of every draft
 * decide which document shows an RPC, a schema or a rule, and under which
 * anchor. Cross-references resolve through this map, inside one draft or
 * across drafts.
 */
import type { RootContent } from 'mdast';
import type { DocumentIR, EditionModel, Rule, Section } from '../../src/ir/types.js';
import { anchorPart } from './docname.js';
import { allWith } from '../../src/ir/lookup.js';
import { mayHoldBlocks } from '../../src/ir/flow-content.js';

export type ItemKind = 'rpc' | 'binding' | 'schema' | 'block' | 'event' | 'edu' | 'rule' | 'room-version' | 'error';

export function itemAnchor(kind: ItemKind, id: string, scope?: string): string {
  switch (kind) {
    case 'rule':
      return `rule-${anchorPart(scope ?? '')}-${anchorPart(id)}`;
    case 'room-version':
      return `room-version-${anchorPart(id)}`;
    default:
      return `${kind}-${anchorPart(id)}`;
  }
}

export function itemKey(kind: ItemKind, id: string, scope?: string): string {
  return scope === undefined ? `${kind}\0${id}` : `${kind}\0${scope}\0${id}`;
}

export interface Placement {
  doc: string;
  anchor: string;
}

export interface DirectiveNode {
  type: 'leafDirective';
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
  position?: { start: { line: number; column: number } };
}

export function forEachDirective(sections: Section[], fn: (d: DirectiveNode, s: Section) => void): void {
  const visit = (nodes: RootContent[], s: Section): void => {
    for (const n of nodes) {
      if (n.type === 'leafDirective') fn(n as unknown as DirectiveNode, s);
      else if (mayHoldBlocks(n)) visit(n.children as RootContent[], s);
    }
  };
  for (const s of sections) {
    visit(s.blocks, s);
    forEachDirective(s.sections, fn);
  }
}

export function forEachRule(rules: Rule[], fn: (r: Rule) => void): void {
  for (const r of rules) {
    fn(r);
    forEachRule(r.steps, fn);
  }
}

export const RULE_PARTS: Record<string, (rv: EditionModel['roomVersions'][number]) => Rule[]> = {
  'auth-rules': (rv) => rv.authRules,
  'state-resolution': (rv) => rv.stateResolution.rules,
  signing: (rv) => rv.signing.rules,
  'key-validity': (rv) => rv.keyValidity.rules,
};

/** Items a directive renders, as [kind, id, scope?]. */
export function directiveItems(model: EditionModel, d: DirectiveNode): [ItemKind, string, string?][] {
  const a = d.attributes ?? {};
  switch (d.name) {
    case 'rpcs':
      return allWith(model.rpcs, 'group', a.group).map((r) => ['rpc', r.name]);
    case 'rpc':
      return a.name ? [['rpc', a.name]] : [];
    case 'bindings':
      return allWith(model.bindings, 'group', a.group).map((b) => ['binding', b.rpc]);
    case 'binding':
      return a.rpc ? [['binding', a.rpc]] : [];
    case 'schema':
      return a.name ? [['schema', a.name]] : [];
    case 'schemas':
      return allWith(model.schemas, 'file', a.file).map((s) => ['schema', s.name]);
    case 'content-blocks':
      return model.contentBlocks.map((b) => ['block', b.name]);
    case 'event-types':
      return model.eventTypes.map((e) => ['event', e.name]);
    case 'edu-types':
      return model.eduTypes.map((e) => ['edu', e.name]);
    case 'errors':
      return errorCodes(model).map((c) => ['error', c]);
    case 'room-version': {
      const rv = model.roomVersions.find((r) => r.id === a.id);
      if (!rv) return [];
      const out: [ItemKind, string, string?][] = [['room-version', rv.id]];
      const rules = a.part ? RULE_PARTS[a.part]?.(rv) : undefined;
      if (rules) forEachRule(rules, (r) => out.push(['rule', r.id, rv.id]));
      return out;
    }
    default:
      return [];
  }
}

/** Every error code any RPC of the edition can return, sorted. */
export function errorCodes(model: EditionModel): string[] {
  return [...new Set(model.rpcs.flatMap((r) => r.errors.map((e) => e.code)))].sort();
}

/** Item key -> first placement, over every document that becomes a draft. */
export function computePlacements(model: EditionModel, drafts: DocumentIR[]): Map<string, Placement> {
  const out = new Map<string, Placement>();
  for (const doc of drafts) {
    forEachDirective(doc.sections, (d) => {
      for (const [kind, id, scope] of directiveItems(model, d)) {
        const k = itemKey(kind, id, scope);
        if (!out.has(k)) out.set(k, { doc: doc.id, anchor: itemAnchor(kind, id, scope) });
      }
    });
  }
  return out;
}
