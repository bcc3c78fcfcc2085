/**
 * Every rule of the registry, one minimal pair that triggers it and one
 * near-miss (a similar edit) that must not. Models are the diff fixture
 * projected on one edition, edited in memory. Every diff here also has to
 * be fully classified (no `unclassified` changes).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../src/diff/diff.js';
import { DIFF_RULES } from '../../src/diff/rules/index.js';
import type { Direction } from '../../src/diff/types.js';
import type { EditionModel, ObjectSchema, SchemaNode } from '../../src/ir/types.js';
import { LOC, binding, clone, eventType, model, obj, prop, property, rpc, schema } from './helpers.js';

type M = EditionModel;
interface Case {
  rule: string;
  change: (from: M, to: M) => void;
  nearMiss: (from: M, to: M) => void;
}

const DIRS: Direction[] = ['request', 'response', 'none'];
/** An object schema whose data flows in the given direction. */
function site(m: M, d: Direction): ObjectSchema {
  if (d === 'request') return obj(rpc(m, 'getThing').request);
  if (d === 'response') return obj(rpc(m, 'putThing').response);
  return obj(eventType(m, 'm.room.topic').content);
}
const other = (d: Direction): Direction => (d === 'request' ? 'response' : 'request');

const str = (extra: Partial<SchemaNode> = {}) => ({ type: 'string' as const, ...extra });
const FAMILIES: Record<string, (a: ObjectSchema, b: ObjectSchema) => void> = {
  'property-added-required': (_a, b) => void b.properties.push(prop('x', str(), true)),
  'property-removed-required': (a) => void a.properties.push(prop('x', str(), true)),
  'property-became-required': (a, b) => {
    a.properties.push(prop('x', str(), false));
    b.properties.push(prop('x', str(), true));
  },
  'property-became-optional': (a, b) => {
    a.properties.push(prop('x', str(), true));
    b.properties.push(prop('x', str(), false));
  },
  'enum-value-added': (a, b) => {
    a.properties.push(prop('x', str({ enum: [{ value: 'p', loc: LOC }] } as Partial<SchemaNode>)));
    b.properties.push(prop('x', str({ enum: [{ value: 'p', loc: LOC }, { value: 'q', loc: LOC }] } as Partial<SchemaNode>)));
  },
  'enum-value-removed': (a, b) => {
    a.properties.push(prop('x', str({ enum: [{ value: 'p', loc: LOC }, { value: 'q', loc: LOC }] } as Partial<SchemaNode>)));
    b.properties.push(prop('x', str({ enum: [{ value: 'p', loc: LOC }] } as Partial<SchemaNode>)));
  },
  'constraint-tightened': (a, b) => {
    a.properties.push(prop('x', str({ maxLength: 10 } as Partial<SchemaNode>)));
    b.properties.push(prop('x', str({ maxLength: 5 } as Partial<SchemaNode>)));
  },
  'constraint-loosened': (a, b) => {
    a.properties.push(prop('x', str({ maxLength: 5 } as Partial<SchemaNode>)));
    b.properties.push(prop('x', str({ maxLength: 10 } as Partial<SchemaNode>)));
  },
  'union-member-added': (a, b) => {
    a.properties.push(prop('x', { type: 'union', oneOf: [{ type: 'string', loc: LOC }] } as never));
    b.properties.push(prop('x', { type: 'union', oneOf: [{ type: 'string', loc: LOC }, { type: 'integer', loc: LOC }] } as never));
  },
  'union-member-removed': (a, b) => {
    a.properties.push(prop('x', { type: 'union', oneOf: [{ type: 'string', loc: LOC }, { type: 'integer', loc: LOC }] } as never));
    b.properties.push(prop('x', { type: 'union', oneOf: [{ type: 'string', loc: LOC }] } as never));
  },
  'nullable-added': (a, b) => {
    a.properties.push(prop('x', str()));
    b.properties.push(prop('x', str({ nullable: true })));
  },
  'nullable-removed': (a, b) => {
    a.properties.push(prop('x', str({ nullable: true })));
    b.properties.push(prop('x', str()));
  },
};

const CASES: Case[] = [];
for (const [family, apply] of Object.entries(FAMILIES)) {
  for (const d of DIRS) {
    CASES.push({
      rule: `${family}.${d}`,
      change: (a, b) => apply(site(a, d), site(b, d)),
      nearMiss: (a, b) => apply(site(a, other(d)), site(b, other(d))),
    });
  }
}

const thing = (m: M) => schema(m, 'Thing');
const rv = (m: M) => m.roomVersions[0]!;
const section = (m: M, i = 0) => m.documents[0]!.sections[i]!;

CASES.push(
  { rule: 'edition-metadata-changed', change: (_a, b) => void (b.edition.version = '2'), nearMiss: (_a, b) => void (b.edition.loc = { ...LOC }) },
  { rule: 'registry-entry-changed', change: (_a, b) => void (b.references = { ...b.references, RFC9999: { ...b.references.RFC2119!, id: 'RFC9999' } }), nearMiss: (_a, b) => void (b.references = { ...b.references }) },
  { rule: 'rpc-added', change: (a) => void (a.rpcs = a.rpcs.filter((r) => r.name !== 'getThing')), nearMiss: (a, b) => void (a.rpcs = [...a.rpcs].reverse(), b) },
  { rule: 'rpc-removed', change: (_a, b) => void (b.rpcs = b.rpcs.filter((r) => r.name !== 'getThing')), nearMiss: (_a, b) => void (rpc(b, 'getThing').summary = 'Other.') },
  {
    rule: 'rpc-renamed',
    change: (_a, b) => {
      rpc(b, 'getThing').name = 'fetchThing';
      binding(b, 'getThing').rpc = 'fetchThing';
    },
    // Renamed and moved to another path: not the same operation, so removed + added.
    nearMiss: (_a, b) => {
      rpc(b, 'getThing').name = 'fetchThing';
      binding(b, 'getThing').rpc = 'fetchThing';
      binding(b, 'fetchThing').path = '/_matrix/federation/v2/thing/{thingId}';
    },
  },
  { rule: 'rpc-group-changed', change: (_a, b) => void (rpc(b, 'getThing').group = 'other'), nearMiss: (_a, b) => void (binding(b, 'getThing').group = 'other') },
  { rule: 'rpc-room-version-dependence-changed', change: (_a, b) => void (rpc(b, 'getThing').roomVersionDependent = true), nearMiss: (_a, b) => void (rpc(b, 'getThing').summary = 'x') },
  { rule: 'error-added', change: (_a, b) => void rpc(b, 'getThing').errors.push({ code: 'M_X', description: 'x', loc: LOC }), nearMiss: (_a, b) => void (rpc(b, 'getThing').errors[0]!.description = 'changed') },
  { rule: 'error-removed', change: (_a, b) => void (rpc(b, 'getThing').errors = []), nearMiss: (_a, b) => void rpc(b, 'putThing').errors.push({ code: 'M_X', description: 'x', loc: LOC }) },
  { rule: 'binding-added', change: (a) => void (a.bindings = a.bindings.filter((x) => x.rpc !== 'getThing')), nearMiss: (_a, b) => void (binding(b, 'getThing').rateLimited = true) },
  { rule: 'binding-removed', change: (_a, b) => void (b.bindings = b.bindings.filter((x) => x.rpc !== 'getThing')), nearMiss: (_a, b) => void (binding(b, 'getThing').method = 'POST') },
  { rule: 'binding-method-changed', change: (_a, b) => void (binding(b, 'getThing').method = 'POST'), nearMiss: (_a, b) => void (binding(b, 'getThing').path += '/x') },
  { rule: 'binding-path-changed', change: (_a, b) => void (binding(b, 'getThing').path += '/x'), nearMiss: (_a, b) => void (binding(b, 'getThing').method = 'POST') },
  { rule: 'binding-parameter-placement-changed', change: (_a, b) => void (binding(b, 'getThing').query = ['limit']), nearMiss: (_a, b) => void (binding(b, 'getThing').auth = 'none') },
  { rule: 'binding-auth-changed', change: (_a, b) => void (binding(b, 'getThing').auth = 'none'), nearMiss: (_a, b) => void (binding(b, 'getThing').query = ['limit']) },
  { rule: 'binding-success-status-changed', change: (_a, b) => void (binding(b, 'getThing').status = 201), nearMiss: (_a, b) => void (binding(b, 'getThing').errors = { M_NOT_FOUND: 400 }) },
  { rule: 'binding-error-status-changed', change: (_a, b) => void (binding(b, 'getThing').errors = { M_NOT_FOUND: 400 }), nearMiss: (_a, b) => void (binding(b, 'getThing').status = 201) },
  { rule: 'binding-content-type-changed', change: (_a, b) => void (binding(b, 'getThing').responseContentType = 'text/plain'), nearMiss: (_a, b) => void (binding(b, 'getThing').status = 201) },
  { rule: 'binding-rate-limit-changed', change: (_a, b) => void (binding(b, 'getThing').rateLimited = true), nearMiss: (_a, b) => void (binding(b, 'getThing').auth = 'none') },
  { rule: 'binding-group-changed', change: (_a, b) => void (binding(b, 'getThing').group = 'other'), nearMiss: (_a, b) => void (rpc(b, 'getThing').group = 'other') },
  { rule: 'schema-added', change: (a) => void (a.schemas = a.schemas.filter((s) => s.name !== 'Envelope') , 0), nearMiss: (_a, b) => void (b.schemas.find((s) => s.name === 'Envelope')!.file = 'other') },
  { rule: 'schema-removed', change: (_a, b) => void (b.schemas = b.schemas.filter((s) => s.name !== 'Envelope')), nearMiss: (a) => void (a.schemas = a.schemas.filter((s) => s.name !== 'Envelope')) },
  { rule: 'schema-moved', change: (_a, b) => void (b.schemas.find((s) => s.name === 'Envelope')!.file = 'other'), nearMiss: (_a, b) => void (b.schemas.find((s) => s.name === 'Envelope')!.schema.description = 'x') },
  { rule: 'schema-type-changed', change: (_a, b) => void (property(thing(b), 'id').schema = { type: 'integer', loc: LOC }), nearMiss: (_a, b) => void (property(thing(b), 'tags').schema = { type: 'map', values: { type: 'string', loc: LOC }, loc: LOC }) },
  { rule: 'map-value-type-changed', change: (_a, b) => void (property(thing(b), 'tags').schema = { type: 'map', values: { type: 'string', loc: LOC }, loc: LOC }), nearMiss: (_a, b) => void (property(thing(b), 'id').schema = { type: 'integer', loc: LOC }) },
  { rule: 'schema-ref-changed', change: (_a, b) => void (property(thing(b), 'shape').schema = { type: 'ref', ref: 'Envelope', loc: LOC }), nearMiss: (_a, b) => void (property(thing(b), 'shape').schema.description = 'x') },
  { rule: 'format-changed', change: (a, b) => { (property(thing(a), 'id').schema as { format?: string }).format = 'user-id'; (property(thing(b), 'id').schema as { format?: string }).format = 'room-id'; }, nearMiss: (_a, b) => void ((property(thing(b), 'id').schema as { format?: string }).format = 'room-id') },
  { rule: 'const-changed', change: (_a, b) => void ((property((schema(b, 'Shape') as { oneOf: SchemaNode[] }).oneOf[0]!, 'radius').schema as { const?: number }).const = 3), nearMiss: (_a, b) => void ((property((schema(b, 'Shape') as { oneOf: SchemaNode[] }).oneOf[0]!, 'radius').schema as { minimum?: number }).minimum = 3) },
  { rule: 'default-changed', change: (_a, b) => void (property(thing(b), 'id').schema.default = 'x'), nearMiss: (_a, b) => void (property(thing(b), 'id').schema.examples = ['x']) },
  { rule: 'deprecation-changed', change: (_a, b) => void (property(thing(b), 'id').schema.deprecated = true), nearMiss: (_a, b) => void (property(thing(b), 'id').lifecycle = { deprecated: { in: 'v2' } }) },
  { rule: 'access-mode-changed', change: (_a, b) => void (property(thing(b), 'id').schema.readOnly = true), nearMiss: (_a, b) => void (property(thing(b), 'id').schema.deprecated = true) },
  { rule: 'schema-extends-changed', change: (_a, b) => void (obj(thing(b)).extends = ['Envelope']), nearMiss: (_a, b) => void (obj(thing(b)).additionalProperties = false) },
  { rule: 'union-discriminator-changed', change: (_a, b) => void ((schema(b, 'Shape') as { discriminator?: { property: string } }).discriminator = { property: 'kind' }), nearMiss: (_a, b) => void (schema(b, 'Shape').description = 'x') },
  { rule: 'property-added-optional', change: (_a, b) => void obj(thing(b)).properties.push(prop('extra', str())), nearMiss: (_a, b) => void obj(thing(b)).properties.push(prop('extra', str(), true)) },
  { rule: 'property-removed-optional', change: (_a, b) => void (obj(thing(b)).properties = obj(thing(b)).properties.filter((p) => p.name !== 'note')), nearMiss: (_a, b) => void (obj(thing(b)).properties = obj(thing(b)).properties.filter((p) => p.name !== 'id')) },
  { rule: 'content-block-added', change: (a) => void (a.contentBlocks = []), nearMiss: (_a, b) => void (b.contentBlocks[0]!.description = 'x') },
  { rule: 'content-block-removed', change: (_a, b) => void (b.contentBlocks = []), nearMiss: (a) => void (a.contentBlocks = []) },
  { rule: 'event-type-added', change: (a) => void (a.eventTypes = a.eventTypes.filter((e) => e.name !== 'm.room.message')), nearMiss: (_a, b) => void (eventType(b, 'm.room.message').description = 'x') },
  { rule: 'event-type-removed', change: (_a, b) => void (b.eventTypes = b.eventTypes.filter((e) => e.name !== 'm.room.message')), nearMiss: (a) => void (a.eventTypes = a.eventTypes.filter((e) => e.name !== 'm.room.message')) },
  { rule: 'event-kind-changed', change: (_a, b) => void (eventType(b, 'm.room.message').kind = 'state'), nearMiss: (_a, b) => void (eventType(b, 'm.room.message').registrar = 'ietf') },
  { rule: 'event-state-key-changed', change: (_a, b) => void (eventType(b, 'm.room.topic').stateKey = { format: 'user-id' }), nearMiss: (_a, b) => void (eventType(b, 'm.room.topic').kind = 'message') },
  { rule: 'event-registrar-changed', change: (_a, b) => void (eventType(b, 'm.room.message').registrar = 'ietf'), nearMiss: (_a, b) => void (eventType(b, 'm.room.message').description = 'x') },
  { rule: 'msgtype-added', change: (a) => void (eventType(a, 'm.room.message').msgtypes = []), nearMiss: (_a, b) => void (eventType(b, 'm.room.message').msgtypes![0]!.schema.description = 'x') },
  { rule: 'msgtype-removed', change: (_a, b) => void (eventType(b, 'm.room.message').msgtypes = []), nearMiss: (a) => void (eventType(a, 'm.room.message').msgtypes = []) },
  { rule: 'edu-type-added', change: (a) => void (a.eduTypes = []), nearMiss: (_a, b) => void (b.eduTypes[0]!.description = 'x') },
  { rule: 'edu-type-removed', change: (_a, b) => void (b.eduTypes = []), nearMiss: (a) => void (a.eduTypes = []) },
  { rule: 'room-version-added', change: (a) => void (a.roomVersions = []), nearMiss: (_a, b) => void (rv(b).description = 'x') },
  { rule: 'room-version-removed', change: (_a, b) => void (b.roomVersions = []), nearMiss: (a) => void (a.roomVersions = []) },
  { rule: 'room-version-identifier-changed', change: (_a, b) => void (rv(b).displayId = 'X.1'), nearMiss: (_a, b) => void (b.edition.roomVersions = { '12': '12' }) },
  { rule: 'room-version-stability-changed', change: (_a, b) => void (rv(b).stability = 'unstable'), nearMiss: (_a, b) => void (rv(b).description = 'x') },
  { rule: 'room-version-envelope-changed', change: (_a, b) => void (rv(b).envelope = 'Thing'), nearMiss: (_a, b) => void (obj(schema(b, 'Envelope')).properties.pop()) },
  { rule: 'event-id-format-changed', change: (_a, b) => void (rv(b).eventIdFormat = { sigil: '$', algorithm: 'other' }), nearMiss: (_a, b) => void (rv(b).roomIdFormat = { sigil: '!', algorithm: 'random' }) },
  { rule: 'room-id-format-changed', change: (_a, b) => void (rv(b).roomIdFormat = { sigil: '!', algorithm: 'random' }), nearMiss: (_a, b) => void (rv(b).eventIdFormat = { sigil: '$', algorithm: 'other' }) },
  { rule: 'redaction-keep-list-changed', change: (_a, b) => void rv(b).redaction.keepTopLevel.push('origin'), nearMiss: (_a, b) => void (rv(b).redaction = { ...rv(b).redaction }) },
  { rule: 'state-resolution-algorithm-changed', change: (_a, b) => void (rv(b).stateResolution.algorithm = 'v3'), nearMiss: (_a, b) => void (rv(b).stateResolution.rules[0]!.text = 'x') },
  { rule: 'signing-algorithm-changed', change: (_a, b) => void (rv(b).signing.hash = 'sha512'), nearMiss: (_a, b) => void (rv(b).signing.rules[0]!.text = 'x') },
  { rule: 'room-version-rule-added', change: (_a, b) => void rv(b).authRules.push({ id: 'auth.new', text: 'New.', steps: [], loc: LOC }), nearMiss: (_a, b) => void (rv(b).authRules[1]!.text = 'x') },
  { rule: 'room-version-rule-removed', change: (_a, b) => void rv(b).authRules[0]!.steps.pop(), nearMiss: (_a, b) => void rv(b).authRules[0]!.steps.reverse() },
  { rule: 'room-version-rule-changed', change: (_a, b) => void (rv(b).authRules[0]!.steps[1]!.text = 'Changed.'), nearMiss: (_a, b) => void rv(b).authRules[0]!.steps.pop() },
  { rule: 'room-version-rule-moved', change: (_a, b) => void rv(b).authRules[0]!.steps.reverse(), nearMiss: (_a, b) => void rv(b).authRules[0]!.steps.shift() },
  { rule: 'document-added', change: (a) => void (a.documents = []), nearMiss: (_a, b) => void (b.documents[0]!.title = 'x') },
  { rule: 'document-removed', change: (_a, b) => void (b.documents = []), nearMiss: (a) => void (a.documents = []) },
  { rule: 'document-metadata-changed', change: (_a, b) => void (b.documents[0]!.title = 'Other'), nearMiss: (_a, b) => void (b.documents[0]!.normative = ['RFC2119']) },
  { rule: 'document-references-changed', change: (_a, b) => void (b.documents[0]!.normative = ['RFC2119']), nearMiss: (_a, b) => void (b.documents[0]!.title = 'Other') },
  { rule: 'section-added', change: (a) => void a.documents[0]!.sections.pop(), nearMiss: (_a, b) => void (section(b).title = 'x') },
  { rule: 'section-removed', change: (_a, b) => void b.documents[0]!.sections.pop(), nearMiss: (a) => void a.documents[0]!.sections.pop() },
  { rule: 'section-title-changed', change: (_a, b) => void (section(b).title = 'Preface'), nearMiss: (_a, b) => void (section(b).numbered = !section(b).numbered) },
  { rule: 'section-moved', change: (_a, b) => void b.documents[0]!.sections.reverse(), nearMiss: (_a, b) => void b.documents[0]!.sections.shift() },
  {
    rule: 'section-text-changed',
    change: (_a, b) => void section(b).blocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'More words.' }] }),
    nearMiss: (_a, b) => void section(b).blocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'Servers MUST agree.' }] }),
  },
  {
    rule: 'bcp14-keywords-changed',
    change: (_a, b) => void section(b).blocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'Servers MUST agree.' }] }),
    nearMiss: (_a, b) => void section(b).blocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'Servers must agree.' }] }),
  },
  { rule: 'description-changed', change: (_a, b) => void (rpc(b, 'getThing').description = 'Other.'), nearMiss: (_a, b) => void (rpc(b, 'getThing').examples = []) },
  { rule: 'examples-changed', change: (_a, b) => void (rpc(b, 'getThing').examples = []), nearMiss: (_a, b) => void (rpc(b, 'getThing').description = 'Other.') },
  { rule: 'lifecycle-changed', change: (_a, b) => void (rpc(b, 'getThing').lifecycle = { added: 'v1.2' }), nearMiss: (_a, b) => void (rpc(b, 'getThing').port = { status: 'pending', loc: LOC }) },
  { rule: 'port-record-changed', change: (_a, b) => void (rpc(b, 'getThing').port = { status: 'pending', loc: LOC }), nearMiss: (_a, b) => void (rpc(b, 'getThing').lifecycle = { added: 'v1.2' }) },
);

let base: M;
beforeAll(async () => {
  base = await model('matrix-org');
});

function run(edit: (a: M, b: M) => void) {
  const a = clone(base);
  const b = clone(base);
  edit(a, b);
  return diffModels(a, b);
}

describe('diff rules', () => {
  it('every registered rule has a case, and ids are unique', () => {
    const ids = DIFF_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CASES.map((c) => c.rule).sort()).toEqual([...ids].sort());
  });

  it.each(CASES.map((c) => [c.rule, c] as const))('%s: triggers on its pair, not on the near-miss', (id, c) => {
    const hit = run(c.change);
    expect(hit.changes.map((x) => x.rule), JSON.stringify(hit.changes, null, 1)).toContain(id);
    expect(hit.changes.filter((x) => x.rule === 'unclassified')).toEqual([]);
    const rule = DIFF_RULES.find((r) => r.id === id)!;
    for (const ch of hit.changes.filter((x) => x.rule === id)) expect(ch.severity).toBe(rule.severity);
    const miss = run(c.nearMiss);
    expect(miss.changes.map((x) => x.rule)).not.toContain(id);
    expect(miss.changes.filter((x) => x.rule === 'unclassified')).toEqual([]);
  });

  it('the safety net reports a difference no rule claims', () => {
    const d = run((_a, b) => void ((rpc(b, 'getThing') as unknown as Record<string, unknown>).surprise = 1));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ rule: 'unclassified', severity: 'breaking', path: 'rpcs/getThing/surprise' });
  });

  it('with no rules at all, every difference is unclassified rather than lost', () => {
    const a = clone(base);
    const b = clone(base);
    binding(b, 'getThing').method = 'POST';
    b.rpcs.pop();
    const d = diffModels(a, b, {}, []);
    expect(d.changes.length).toBeGreaterThanOrEqual(1);
    expect(d.changes.every((c) => c.rule === 'unclassified')).toBe(true);
  });
});
