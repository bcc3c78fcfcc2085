/**
 * Single edits to a copy of the shipped spec, each with the diff rule it must
 * trigger. Edits are structural (YAML documents edited through the `yaml`
 * library, Markdown by text) and find their target in the current spec, so
 * they keep working as the spec grows. mutations.test.ts runs them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument, isMap, isSeq, type Document, YAMLMap, YAMLSeq, Scalar } from 'yaml';

export interface Mutation {
  name: string;
  /** Rule the edit must trigger when diffing the original against the edited spec (same edition). */
  rule: string;
  /** Edits the spec copy in place; returns false if it found nothing to edit. */
  apply(specDir: string): boolean;
  edition?: 'ietf' | 'matrix-org';
}

function editYaml(specDir: string, rel: string, fn: (doc: Document) => boolean): boolean {
  const file = path.join(specDir, rel);
  const doc = parseDocument(readFileSync(file, 'utf8'), { merge: true });
  if (!fn(doc)) return false;
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
  return true;
}

function editText(specDir: string, rel: string, fn: (text: string) => string): boolean {
  const file = path.join(specDir, rel);
  const before = readFileSync(file, 'utf8');
  const after = fn(before);
  if (after === before) return false;
  writeFileSync(file, after);
  return true;
}

/** First entry of a mapping that satisfies pred: [key, value]. */
function find(map: unknown, pred: (key: string, v: YAMLMap) => boolean): [string, YAMLMap] | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    const k = String((item.key as Scalar).value);
    if (isMap(item.value) && pred(k, item.value)) return [k, item.value];
  }
  return undefined;
}

const noScope = (v: YAMLMap) => !v.has('editions') && !v.has('variants');

/** An RPC (in any rpcs/ file) with a binding, not limited to an edition. */
function withBinding(specDir: string, fn: (binding: YAMLMap, rpc: string) => boolean, files = ['bindings/room-events.yaml', 'bindings/membership.yaml', 'bindings/queries.yaml', 'bindings/media.yaml']): boolean {
  return files.some((file) => editYaml(specDir, file, (doc) => {
    const hit = find(doc.get('bindings'), (_k, v) => noScope(v) && fn(v, _k));
    return Boolean(hit);
  }));
}

/** The first sequence under `key` anywhere in the document with at least `min` items. */
function findSeq(node: unknown, key: string, min: number): YAMLSeq | undefined {
  if (isMap(node)) {
    if (node.has('editions') || node.has('variants')) return undefined;
    for (const item of node.items) {
      if (String((item.key as Scalar).value) === key && isSeq(item.value) && (item.value as YAMLSeq).items.length >= min) return item.value as YAMLSeq;
      const hit = findSeq(item.value, key, min);
      if (hit) return hit;
    }
  } else if (isSeq(node)) {
    for (const item of (node as YAMLSeq).items) {
      const hit = findSeq(item, key, min);
      if (hit) return hit;
    }
  }
  return undefined;
}

function schemaProp(specDir: string, file: string, schemaName: string | undefined, pred: (name: string, p: YAMLMap) => boolean, fn: (p: YAMLMap, doc: Document, props: YAMLMap) => boolean): boolean {
  return editYaml(specDir, file, (doc) => {
    const schemas = doc.get('schemas') as YAMLMap;
    for (const item of schemas.items) {
      const name = String((item.key as Scalar).value);
      if (schemaName && name !== schemaName) continue;
      const s = item.value as YAMLMap;
      if (!isMap(s) || !noScope(s)) continue;
      const props = s.get('properties');
      const hit = find(props, (k, v) => noScope(v) && pred(k, v));
      if (hit) return fn(hit[1], doc, props as YAMLMap);
    }
    return false;
  });
}

const anyScalarProp = (type: string) => (_k: string, v: YAMLMap) => v.get('type') === type && !v.has('enum') && !v.has('const');

function roomVersion(specDir: string, fn: (rv: YAMLMap) => boolean): boolean {
  return editYaml(specDir, 'room-versions/12.yaml', (doc) => fn(doc.get('roomVersion') as YAMLMap));
}

function firstRule(list: unknown): YAMLMap | undefined {
  if (!isSeq(list)) return undefined;
  return (list as YAMLSeq).items.find((r) => isMap(r) && noScope(r as YAMLMap)) as YAMLMap | undefined;
}

function rpcEntry(specDir: string, file: string, fn: (rpc: YAMLMap, name: string) => boolean): boolean {
  return editYaml(specDir, file, (doc) => {
    const hit = find(doc.get('rpcs'), (_k, v) => noScope(v));
    return hit ? fn(hit[1], hit[0]) : false;
  });
}

function eventEntry(specDir: string, kind: 'eventTypes' | 'contentBlocks' | 'eduTypes', fn: (e: YAMLMap, name: string, all: YAMLMap) => boolean, pred: (v: YAMLMap) => boolean = noScope): boolean {
  const file = kind === 'eventTypes' ? 'events/event-types.yaml' : kind === 'contentBlocks' ? 'events/content-blocks.yaml' : 'events/edu-types.yaml';
  return editYaml(specDir, file, (doc) => {
    const all = doc.get(kind) as YAMLMap;
    const hit = find(all, (_k, v) => pred(v));
    return hit ? fn(hit[1], hit[0], all) : false;
  });
}

export const MUTATIONS: Mutation[] = [
  { name: 'change a binding method', rule: 'binding-method-changed', apply: (d) => withBinding(d, (b) => (b.set('method', b.get('method') === 'POST' ? 'PATCH' : 'POST'), true)) },
  { name: 'change a binding path', rule: 'binding-path-changed', apply: (d) => withBinding(d, (b) => (b.set('path', `${String(b.get('path'))}/moved`), true)) },
  { name: 'drop authentication', rule: 'binding-auth-changed', apply: (d) => withBinding(d, (b) => (b.set('auth', b.get('auth') === 'none' ? 'x-matrix' : 'none'), true)) },
  { name: 'change the success status', rule: 'binding-success-status-changed', apply: (d) => withBinding(d, (b) => (b.set('status', 202), true)) },
  { name: 'mark rate-limited', rule: 'binding-rate-limit-changed', apply: (d) => withBinding(d, (b) => (b.set('rateLimited', !b.get('rateLimited')), true)) },
  { name: 'change the response content type', rule: 'binding-content-type-changed', apply: (d) => withBinding(d, (b) => (b.set('responseContentType', 'application/cbor'), true)) },
  { name: 'move a query field into the body', rule: 'binding-parameter-placement-changed', apply: (d) => editYaml(d, 'bindings/public-rooms.yaml', (doc) => {
    const hit = find(doc.get('bindings'), (_k, v) => noScope(v) && isSeq(v.get('query')) && (v.get('query') as YAMLSeq).items.length > 0);
    if (!hit) return false;
    (hit[1].get('query') as YAMLSeq).items.pop();
    return true;
  }) },
  { name: 'change an error status', rule: 'binding-error-status-changed', apply: (d) => withBinding(d, (b) => {
    const errs = b.get('errors');
    if (!isMap(errs) || !errs.items.length) return false;
    errs.items[0]!.value = new Scalar(418);
    return true;
  }) },
  { name: 'remove an RPC and its binding', rule: 'rpc-removed', apply: (d) => {
    let name = '';
    const ok = rpcEntry(d, 'rpcs/openid.yaml', (_r, n) => ((name = n), true));
    return ok && editYaml(d, 'rpcs/openid.yaml', (doc) => (doc.deleteIn(['rpcs', name]), true)) && editYaml(d, 'bindings/openid.yaml', (doc) => (doc.deleteIn(['bindings', name]), true));
  } },
  { name: 'rename an RPC', rule: 'rpc-renamed', apply: (d) => {
    let name = '';
    const rename = (doc: Document, key: string): boolean => {
      const map = doc.get(key) as YAMLMap;
      const item = map.items.find((i) => String((i.key as Scalar).value) === name);
      if (!item) return false;
      item.key = new Scalar(`${name}Renamed`);
      return true;
    };
    return rpcEntry(d, 'rpcs/openid.yaml', (_r, n) => ((name = n), true)) && editYaml(d, 'rpcs/openid.yaml', (doc) => rename(doc, 'rpcs')) && editYaml(d, 'bindings/openid.yaml', (doc) => rename(doc, 'bindings'));
  } },
  { name: 'change an RPC summary', rule: 'description-changed', apply: (d) => rpcEntry(d, 'rpcs/media.yaml', (r) => (r.set('summary', `${String(r.get('summary'))} (edited)`), true)) },
  { name: 'make an RPC room-version dependent', rule: 'rpc-room-version-dependence-changed', apply: (d) => rpcEntry(d, 'rpcs/media.yaml', (r) => (r.set('roomVersionDependent', !r.get('roomVersionDependent')), true)) },
  { name: 'add an RPC error', rule: 'error-added', apply: (d) => rpcEntry(d, 'rpcs/transactions.yaml', (r) => {
    const errs = r.get('errors');
    if (!isSeq(errs)) return false;
    (errs as YAMLSeq).add(parseDocument('{code: M_MUTANT, description: Added by a mutation.}').contents);
    return true;
  }) },
  { name: 'make an optional property required', rule: 'property-became-required.none', apply: (d) => schemaProp(d, 'schemas/common.yaml', undefined, (_k, v) => !v.get('required') && !v.has('ref'), (p) => (p.set('required', true), true)) },
  { name: 'make a required property optional', rule: 'property-became-optional.none', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, (_k, v) => v.get('required') === true, (p) => (p.set('required', false), true)) },
  { name: 'add a required property', rule: 'property-added-required.none', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, () => true, (_p, _doc, props) => (props.set('mutant', parseDocument('{type: string, required: true, description: Added.}').contents), true)) },
  { name: 'add an optional property', rule: 'property-added-optional', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, () => true, (_p, _doc, props) => (props.set('mutant', parseDocument('{type: string, description: Added.}').contents), true)) },
  { name: 'remove an optional property', rule: 'property-removed-optional', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, (_k, v) => !v.get('required'), (_p, _doc, props) => {
    const item = props.items.find((i) => isMap(i.value) && !(i.value as YAMLMap).get('required') && noScope(i.value as YAMLMap));
    return item ? props.delete(item.key) : false;
  }) },
  { name: 'change a property type', rule: 'schema-type-changed', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, anyScalarProp('string'), (p) => { p.set('type', 'boolean'); for (const k of ['format', 'pattern', 'minLength', 'maxLength']) p.delete(k); return true; }) },
  { name: 'change a string format', rule: 'format-changed', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, (_k, v) => v.get('type') === 'string' && v.has('format'), (p) => (p.set('format', p.get('format') === 'uri' ? 'date-time' : 'uri'), true)) },
  { name: 'tighten a length limit', rule: 'constraint-tightened.none', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, anyScalarProp('string'), (p) => (p.set('maxLength', 3), true)) },
  { name: 'add a minimum', rule: 'constraint-tightened.none', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, anyScalarProp('integer'), (p) => (p.set('minimum', 7), true)) },
  { name: 'make a property nullable', rule: 'nullable-added.none', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, (_k, v) => v.has('type') && !v.get('nullable'), (p) => (p.set('nullable', true), true)) },
  { name: 'give a property a default', rule: 'default-changed', apply: (d) => schemaProp(d, 'schemas/pdu.yaml', undefined, anyScalarProp('string'), (p) => (p.set('default', 'mutant'), true)) },
  { name: 'change map values', rule: 'map-value-type-changed', apply: (d) => {
    for (const f of ['schemas/pdu.yaml', 'schemas/common.yaml', 'schemas/keys.yaml', 'schemas/transactions.yaml', 'schemas/membership.yaml']) {
      if (schemaProp(d, f, undefined, (_k, v) => v.get('type') === 'map' && isMap(v.get('values')) && (v.get('values') as YAMLMap).get('type') !== 'boolean', (p) => (p.set('values', parseDocument('{type: boolean}').contents), true))) return true;
    }
    return false;
  } },
  { name: 'remove an enum value', rule: 'enum-value-removed.none', apply: (d) => editYaml(d, 'events/event-types.yaml', (doc) => {
    const seq = findSeq(doc.contents, 'enum', 2);
    return seq ? (seq.items.shift(), true) : false;
  }) },
  { name: 'remove an event type', rule: 'event-type-removed', apply: (d) => eventEntry(d, 'eventTypes', (_e, name, all) => all.delete(name), (v) => noScope(v) && v.get('kind') === 'message') },
  { name: 'turn a message event into a state event', rule: 'event-kind-changed', apply: (d) => eventEntry(d, 'eventTypes', (e) => { e.set('kind', 'state'); e.set('stateKey', parseDocument('{format: empty}').contents); return true; }, (v) => noScope(v) && v.get('kind') === 'message') },
  { name: 'change an event registrar', rule: 'event-registrar-changed', apply: (d) => eventEntry(d, 'eventTypes', (e) => (e.set('registrar', 'mutant'), true)) },
  { name: 'remove an EDU type', rule: 'edu-type-removed', apply: (d) => eventEntry(d, 'eduTypes', (_e, name, all) => all.delete(name)) },
  { name: 'remove a content block', rule: 'content-block-removed', apply: (d) => eventEntry(d, 'contentBlocks', (_e, name, all) => all.delete(name), (v) => noScope(v)) },
  { name: 'change the event ID format', rule: 'event-id-format-changed', apply: (d) => roomVersion(d, (rv) => (rv.setIn(['eventIdFormat', 'sigil'], '%'), true)) },
  { name: 'change the room ID format', rule: 'room-id-format-changed', apply: (d) => roomVersion(d, (rv) => (rv.setIn(['roomIdFormat', 'algorithm'], 'mutant'), true)) },
  { name: 'keep one more top-level key on redaction', rule: 'redaction-keep-list-changed', apply: (d) => roomVersion(d, (rv) => ((rv.getIn(['redaction', 'keepTopLevel']) as YAMLSeq).add('mutant'), true)) },
  { name: 'change the state resolution algorithm', rule: 'state-resolution-algorithm-changed', apply: (d) => roomVersion(d, (rv) => (rv.setIn(['stateResolution', 'algorithm'], 'v9'), true)) },
  { name: 'change the signature algorithm', rule: 'signing-algorithm-changed', apply: (d) => roomVersion(d, (rv) => (rv.setIn(['signing', 'signature'], 'ed448'), true)) },
  { name: 'change the envelope', rule: 'room-version-envelope-changed', apply: (d) => roomVersion(d, (rv) => (rv.set('envelope', 'ClientEventMutant'), true)) && editText(d, 'schemas/pdu.yaml', (t) => t.replace(/^schemas:\n/m, 'schemas:\n  ClientEventMutant: {type: object, description: Mutant envelope., properties: {}}\n')) },
  { name: 'reword an authorisation rule', rule: 'room-version-rule-changed', apply: (d) => roomVersion(d, (rv) => { const r = firstRule(rv.get('authRules')); if (!r) return false; r.set('text', `${String(r.get('text'))} Mutated.`); return true; }) },
  { name: 'add an authorisation rule', rule: 'room-version-rule-added', apply: (d) => roomVersion(d, (rv) => ((rv.get('authRules') as YAMLSeq).add(parseDocument('{id: auth.mutant, text: A mutant rule.}').contents), true)) },
  { name: 'remove an authorisation rule', rule: 'room-version-rule-removed', apply: (d) => roomVersion(d, (rv) => { const s = rv.get('authRules') as YAMLSeq; const i = s.items.findIndex((r) => isMap(r) && noScope(r as YAMLMap)); if (i < 0) return false; s.items.splice(i, 1); return true; }) },
  { name: 'swap two authorisation rules', rule: 'room-version-rule-moved', apply: (d) => roomVersion(d, (rv) => { const s = rv.get('authRules') as YAMLSeq; if (s.items.length < 2) return false; const [a, b] = s.items; s.items[0] = b!; s.items[1] = a!; return true; }) },
  { name: 'change a stability', rule: 'room-version-stability-changed', apply: (d) => roomVersion(d, (rv) => (rv.set('stability', rv.get('stability') === 'stable' ? 'unstable' : 'stable'), true)) },
  { name: 'change the IETF room-version id', rule: 'room-version-identifier-changed', edition: 'ietf', apply: (d) => editYaml(d, 'editions.yaml', (doc) => {
    const map = doc.getIn(['editions', 'ietf', 'roomVersions']);
    if (!isMap(map) || !map.items.length) return false;
    map.items[0]!.key = new Scalar(`${String((map.items[0]!.key as Scalar).value)}-mutant`);
    return true;
  }) },
  { name: 'bump the edition version', rule: 'edition-metadata-changed', apply: (d) => editYaml(d, 'editions.yaml', (doc) => (doc.setIn(['editions', 'matrix-org', 'version'], 'v9.99'), true)), edition: 'matrix-org' },
  { name: 'add a sentence to a section', rule: 'section-text-changed', apply: (d) => editText(d, 'documents/api.md', (t) => t.replace(/\n# Security Considerations[^\n]*\n/, (m) => `${m}\nAn added sentence without keywords.\n`)) },
  { name: 'weaken a requirement', rule: 'bcp14-keywords-changed', apply: (d) => editText(d, 'documents/http.md', (t) => t.replace(/ MUST /, ' SHOULD ')) },
  { name: 'retitle a section', rule: 'section-title-changed', apply: (d) => editText(d, 'documents/api.md', (t) => t.replace(/^# Security Considerations( \{#[^}]+\})?$/m, (_m, anchor: string | undefined) => `# Security Considerations Revisited${anchor ?? ' {#security-considerations}'}`)) },
  { name: 'add a section', rule: 'section-added', apply: (d) => editText(d, 'documents/events.md', (t) => t.replace(/\n# Security Considerations/, '\n# A Mutant Section {#mutant}\n\nNew text.\n\n# Security Considerations')) },
  { name: 'change a document title', rule: 'document-metadata-changed', apply: (d) => editText(d, 'documents/events.md', (t) => t.replace(/^title: (.*)$/m, 'title: $1 (mutated)')) },
];
