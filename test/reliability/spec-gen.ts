/**
 * fast-check arbitraries for small, valid spec trees: random named schemas
 * (objects, arrays, maps, scalars, enums, references to other schemas,
 * recursion through properties), RPCs with bindings and examples, events,
 * edition-scoped elements with port records, and a document with random
 * sections whose text includes markup-special characters. The edition
 * files and references come from test/fixtures/minimal-spec.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { FIXTURE } from '../bad-input/harness.js';
import { RESERVED_ANCHOR_PREFIXES } from '../../generators/drafts/docname.js';
import { slugify as slug } from '../../src/parse/markdown.js';

export type SpecTree = Record<string, string>;

const fixture = (rel: string): string => readFileSync(path.join(FIXTURE, rel), 'utf8');

/** Lower-case words with markup-special characters mixed in (never raw HTML tags: `<` is followed by a space). */
const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{1,8}$/) },
  { weight: 1, arbitrary: fc.constantFrom('&', '"', "'", ']]>', '< x', '>', 'a&b', '&amp;', '*/', '${x}', '--', '%s') },
);
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => `Text ${ws.join(' ')}.`);
const yq = (s: string): string => `'${s.replace(/'/g, "''")}'`;
/** For Markdown: escape what Markdown would read as syntax. */
const md = (s: string): string => s.replace(/[\\`*_[\]<>#&!|~{}:]/g, (c) => `\\${c}`);

const schemaName = fc.stringMatching(/^[A-Z][a-z]{2,6}$/);
const fieldName = fc.stringMatching(/^[a-z][a-z_]{1,8}$/);
const port = `port: {origin: ietf, status: pending, note: Generated.}`;

interface SchemaPlan {
  name: string;
  kind: 'object' | 'string' | 'integer' | 'array' | 'map' | 'enum';
  fields: { name: string; type: 'string' | 'integer' | 'boolean' | 'ref' | 'array' | 'map' | 'self'; required: boolean; target: number; description: string; onlyIetf: boolean }[];
  description: string;
}

const schemaPlan = fc.record({
  kind: fc.constantFrom<SchemaPlan['kind']>('object', 'object', 'object', 'string', 'integer', 'array', 'map', 'enum'),
  fields: fc.uniqueArray(fc.record({
    name: fieldName,
    type: fc.constantFrom<SchemaPlan['fields'][number]['type']>('string', 'integer', 'boolean', 'ref', 'array', 'map', 'self'),
    required: fc.boolean(),
    target: fc.nat(),
    description: sentence,
    onlyIetf: fc.boolean(),
  }), { maxLength: 5, selector: (f) => f.name }),
  description: sentence,
});

function schemaYaml(plan: SchemaPlan, index: number, names: string[]): string {
  const lines = [`  ${plan.name}:`, `    description: ${yq(plan.description)}`];
  // References point only at earlier schemas (or at itself through a property): never a reference-only cycle.
  const earlier = names.slice(0, index);
  const refTo = (t: number): string | undefined => (earlier.length ? earlier[t % earlier.length] : undefined);
  switch (plan.kind) {
    case 'string': lines.push('    type: string', '    maxLength: 64'); break;
    case 'integer': lines.push('    type: integer', '    minimum: 0'); break;
    case 'enum': lines.push('    type: string', '    enum: [alpha, beta, {value: gamma, description: The third.}]'); break;
    case 'array': lines.push('    type: array', `    items: ${refTo(index) ? `{ref: ${refTo(index)}}` : '{type: string}'}`); break;
    case 'map': lines.push('    type: map', `    values: ${refTo(index) ? `{ref: ${refTo(index)}}` : '{type: integer}'}`); break;
    case 'object': {
      lines.push('    type: object', '    properties:');
      if (!plan.fields.length) lines[lines.length - 1] = '    properties: {}';
      for (const f of plan.fields) {
        let schema: string;
        const target = refTo(f.target);
        switch (f.type) {
          case 'string': schema = 'type: string'; break;
          case 'integer': schema = 'type: integer'; break;
          case 'boolean': schema = 'type: boolean'; break;
          case 'ref': schema = target ? `ref: ${target}` : 'type: string'; break;
          case 'array': schema = `type: array, items: {${target ? `ref: ${target}` : 'type: string'}}`; break;
          case 'map': schema = `type: map, values: {${target ? `ref: ${target}` : 'type: boolean'}}`; break;
          case 'self': schema = `type: array, items: {ref: ${plan.name}}`; break;
        }
        // A recursive field cannot be required (no finite example would exist).
        const required = f.required && f.type !== 'self' && f.type !== 'ref' ? ', required: true' : '';
        const scope = f.onlyIetf ? `, editions: [ietf], ${port}` : '';
        lines.push(`      ${f.name}: {${schema}${required}, description: ${yq(f.description)}${scope}}`);
      }
    }
  }
  return lines.join('\n');
}

export interface SpecPlan {
  schemas: SchemaPlan[];
  rpcs: { name: string; summary: string; description: string; method: 'GET' | 'POST' | 'PUT'; response: number; onlyMatrixOrg: boolean }[];
  sections: { title: string; paragraphs: string[] }[];
  topic: string;
}

export const specPlan: fc.Arbitrary<SpecPlan> = fc.record({
  schemas: fc.uniqueArray(fc.tuple(schemaName, schemaPlan).map(([name, p]) => ({ ...p, name })), { minLength: 1, maxLength: 6, selector: (s) => s.name }),
  rpcs: fc.uniqueArray(fc.record({
    name: fc.stringMatching(/^[a-z]{3,8}[A-Z][a-z]{2,6}$/),
    summary: sentence,
    description: sentence,
    method: fc.constantFrom<'GET' | 'POST' | 'PUT'>('GET', 'POST', 'PUT'),
    response: fc.nat(),
    onlyMatrixOrg: fc.boolean(),
  }), { minLength: 0, maxLength: 4, selector: (r) => r.name.toLowerCase() }),
  sections: fc.uniqueArray(fc.record({
    title: fc.stringMatching(/^[A-Z][a-z]{3,10}( [a-z]{2,8}){0,2}$/),
    paragraphs: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  }), { maxLength: 4, selector: (s) => slug(s.title) }),
  topic: sentence,
}).filter((p) => !p.sections.some((s) => ['introduction', 'calls', 'security considerations', 'iana considerations', 'conventions and definitions'].includes(s.title.toLowerCase())
  // A title such as "Iref aa" gets the anchor "iref-aa", which xml2rfc reserves (MX7002, rightly): not a valid spec.
  || RESERVED_ANCHOR_PREFIXES.some((prefix) => slug(s.title).startsWith(prefix))));

/** Renders a plan as the files of a spec folder. */
export function renderSpec(plan: SpecPlan): SpecTree {
  const names = plan.schemas.map((s) => s.name);
  const tree: SpecTree = {
    'editions.yaml': fixture('editions.yaml'),
    'references.yaml': fixture('references.yaml'),
    'room-versions/12.yaml': fixture('room-versions/12.yaml'),
  };
  tree['schemas/core.yaml'] = [
    'schemas:',
    ...plan.schemas.map((s, i) => schemaYaml(s, i, names)),
    // The room version's envelope.
    '  Envelope:\n    type: object\n    description: Envelope.\n    properties:\n      type: {type: string, required: true, description: Event type.}\n      sender: {type: string, format: user-id, required: true, description: Sender.}',
    '',
  ].join('\n');
  tree['events/core.yaml'] = [
    'eventTypes:',
    '  m.room.topic:',
    '    kind: state',
    `    description: ${yq(plan.topic)}`,
    '    stateKey: {format: empty}',
    '    content: {type: object, properties: {topic: {type: string, required: true, description: The topic.}}}',
    '    examples: [{type: m.room.topic, content: {topic: hello}}]',
    '',
  ].join('\n');
  const rpcLines = ['group: {id: core, title: Core, document: api}', 'rpcs:'];
  const bindLines = ['group: {id: core, document: api}', 'bindings:'];
  // An RPC always exists so the ::rpcs directive has a group: the fixture's getVersion.
  const rpcs = [{ name: 'getVersion', summary: 'Version.', description: 'Returns the version.', method: 'GET' as const, response: -1, onlyMatrixOrg: false }, ...plan.rpcs.filter((r) => r.name !== 'getVersion')];
  for (const r of rpcs) {
    const scope = r.onlyMatrixOrg ? '    editions: [matrix-org]\n    port: {origin: matrix-org, status: pending}\n' : '';
    const response = r.response >= 0 ? `{ref: ${names[r.response % names.length]}}` : '{type: object, description: Version info., properties: {version: {type: string, description: Version.}}}';
    rpcLines.push(`  ${r.name}:`, scope + `    summary: ${yq(r.summary)}`, `    description: ${yq(r.description)}`, '    request: {properties: {}}', `    response: ${response}`);
    bindLines.push(`  ${r.name}:`, scope + `    method: ${r.method}`, `    path: /_matrix/test/v1/${r.name}`, '    auth: none');
  }
  tree['rpcs/core.yaml'] = rpcLines.join('\n').replace(/\n\n/g, '\n') + '\n';
  tree['bindings/core.yaml'] = bindLines.join('\n').replace(/\n\n/g, '\n') + '\n';
  const doc = [
    '---',
    'title: Generated Federation API',
    'abbrev: Generated API',
    'authors: [editor]',
    'keywords: [matrix]',
    'abstract: |',
    '  A generated document.',
    'normative: [RFC2119, RFC8174]',
    '---',
    '',
    '# Introduction',
    '',
    'This document describes [](rpc:getVersion).',
    '',
    '# Conventions and Definitions',
    '',
    '::bcp14-boilerplate',
    '',
    'A server MUST answer.',
    '',
    '# Calls',
    '',
    '::rpcs{group="core"}',
    '',
    ...plan.sections.flatMap((s) => [`# ${s.title}`, '', ...s.paragraphs.flatMap((p) => [md(p), ''])]),
    '# Security Considerations',
    '',
    'None beyond those of the transport.',
    '',
    '# IANA Considerations',
    '',
    'This document has no IANA actions.',
    '',
  ];
  tree['documents/api.md'] = doc.join('\n');
  return tree;
}

export const specTree: fc.Arbitrary<SpecTree> = specPlan.map(renderSpec);
