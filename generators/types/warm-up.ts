/**
 * A small edition model the types worker converts while it waits for its
 * first real one. In a cold build the worker has loaded its modules ~0.1 s
 * before the main thread has parsed the spec, and its first conversion is
 * slow mostly because the code it runs has never run (V8 compiles and
 * profiles functions on first use). Converting this model in that idle time
 * moves that cost off the build's critical path; the result is thrown away
 * and nothing of it is remembered by the real conversions (their memos are
 * keyed by objects of their own models).
 *
 * The model has one of each thing the converters treat differently: object,
 * array, map, union, enum, reference and scalar schemas, an RPC with path,
 * query and body fields, and each kind of event. Its values are made up.
 */
import type { EditionModel, SchemaNode, SourceLocation } from '../../src/ir/types.js';

const loc: SourceLocation = { file: 'warm-up', line: 1, column: 1 };

const text = (description: string): SchemaNode => ({ type: 'string', description, loc });

const sample: SchemaNode = {
  type: 'object',
  description: 'A sample object.',
  loc,
  properties: [
    { name: 'id', required: true, schema: { type: 'string', format: 'event-id', description: 'An identifier.', loc }, loc },
    { name: 'count', required: false, schema: { type: 'integer', minimum: 0, description: 'A count.', loc }, loc },
    { name: 'flag', required: false, schema: { type: 'boolean', description: 'A flag.', loc }, loc },
    { name: 'list', required: false, schema: { type: 'array', items: { type: 'ref', ref: 'Sample', loc }, loc }, loc },
    { name: 'byKey', required: false, schema: { type: 'map', values: text('A value.'), loc }, loc },
    {
      name: 'kind',
      required: true,
      schema: { type: 'string', enum: [{ value: 'one', loc }, { value: 'two', description: 'The second.', loc }], loc },
      loc,
    },
    { name: 'either', required: false, schema: { type: 'union', oneOf: [text('Text.'), { type: 'null', loc }], loc }, loc },
    { name: 'content', required: false, schema: { type: 'block', block: 'm.text', loc }, loc },
  ],
};

export function warmUpModel(): EditionModel {
  return {
    root: '/warm-up',
    edition: {
      id: 'ietf',
      label: 'Warm-up',
      version: '1',
      baseline: 'v1.0',
      date: '2026-01-01',
      roomVersions: {},
      documents: { api: { loc } },
      loc,
    },
    authors: {},
    documents: [{ id: 'api', abstract: 'Warm-up.' }] as EditionModel['documents'],
    rpcGroups: [{ id: 'group', title: 'Group', document: 'api', loc }],
    rpcs: [{
      name: 'putSample',
      group: 'group',
      summary: 'Store a sample.',
      description: 'Stores a sample under an identifier.',
      roomVersionDependent: false,
      request: {
        type: 'object',
        loc,
        properties: [
          { name: 'sampleId', required: true, schema: text('Where to store it.'), loc },
          { name: 'limit', required: false, schema: { type: 'integer', description: 'At most this many.', loc }, loc },
          { name: 'sample', required: true, schema: { type: 'ref', ref: 'Sample', loc }, loc },
        ],
      },
      response: { type: 'ref', ref: 'Sample', loc },
      errors: [{ code: 'M_NOT_FOUND', description: 'No such sample.', loc }],
      examples: [],
      loc,
    }],
    bindingGroups: [{ id: 'group', document: 'api', loc }],
    bindings: [{
      rpc: 'putSample',
      group: 'group',
      method: 'PUT',
      path: '/_matrix/federation/v1/sample/{sampleId}',
      pathParams: ['sampleId'],
      query: ['limit'],
      headers: {},
      body: 'fields',
      auth: 'x-matrix',
      rateLimited: true,
      status: 200,
      responseContentType: 'application/json',
      errors: { M_NOT_FOUND: 404 },
      loc,
    }],
    schemas: [{ name: 'Sample', file: 'warm-up', schema: sample, loc }],
    contentBlocks: [{ name: 'm.text', description: 'Text.', schema: { type: 'array', items: text('A representation.'), loc }, loc }],
    eventTypes: [{
      name: 'm.sample',
      kind: 'state',
      registrar: 'matrix-org',
      description: 'A sample state event.',
      stateKey: { format: 'empty' },
      content: { type: 'object', properties: [{ name: 'body', required: true, schema: text('Body.'), loc }], loc },
      msgtypes: [{ name: 'm.note', schema: { type: 'object', properties: [], loc }, loc }],
      loc,
    }],
    eduTypes: [{ name: 'm.sample.edu', description: 'A sample EDU.', content: { type: 'object', properties: [], loc }, loc }],
    roomVersions: [],
    references: {},
  };
}
