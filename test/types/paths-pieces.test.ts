/**
 * paths.d.ts piece by piece (generators/types/paths-pieces.ts), as
 * `mxspec watch` makes it: the assembled text must be byte for byte the
 * whole document's conversion, remembered pieces must be taken only while
 * everything they were made from is the same, and documents of any other
 * shape must be converted whole.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import { loadProgram, type ParseCache } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import { buildOpenApiDocument } from '../../generators/openapi/document.js';
import { pathsDeclarations, wholeDocument } from '../../generators/types/paths.js';
import { chunkedPaths, piecewisePaths, piecewisePathsDeclarations } from '../../generators/types/paths-pieces.js';
import { documentDeclarations } from '../../generators/types/paths-one-shot.js';
import { SPEC, tempDir } from '../helpers/cli.js';
import { CORPUS_V19, CORPUS_V19_PRESENT, importedV19Spec } from '../helpers/imported.js';

type Json = Record<string, unknown>;

import { countingTransforms } from '../helpers/transform-calls.js';

function pieceCount(doc: Json): number {
  return Object.keys(doc.paths as Json).length + Object.keys((doc.components as Json).schemas as Json).length;
}

function expectSameAsWhole(doc: Json): void {
  const pieces = piecewisePaths(doc);
  expect(pieces, 'the document was not taken apart').toBeDefined();
  const whole = wholeDocument(doc);
  expect(pieces!.body).toBe(whole.body);
  expect([...pieces!.used].sort()).toEqual([...whole.used].sort());
  expect(piecewisePathsDeclarations(doc)).toBe(pathsDeclarations(doc));
}

describe('paths.d.ts piece by piece equals the whole conversion', () => {
  it('shipped spec, both editions; converted again, every piece is remembered', async () => {
    const built = await compile(SPEC, { checkOnly: true });
    for (const edition of ['ietf', 'matrix-org'] as const) {
      const doc = buildOpenApiDocument(built.models![edition]);
      expectSameAsWhole(doc);
      expect(piecewisePaths(doc)!.converted).toBe(0);
      // A document built again from the same model shares its objects: nothing to convert either.
      expect(piecewisePaths(buildOpenApiDocument(built.models![edition]))!.converted).toBe(0);
    }
  }, 60_000);

  it('after YAML edits in a copy of the spec, converting only the edited pieces', async () => {
    const spec = path.join(tempDir('mxspec-pieces-'), 'spec');
    cpSync(SPEC, spec, { recursive: true });
    const cache: ParseCache = new Map();
    const docOf = async (edition: 'ietf' | 'matrix-org'): Promise<Json> => {
      const loaded = await loadProgram(spec, cache);
      return buildOpenApiDocument(projectEdition(loaded.program!, edition));
    };
    const file = path.join(spec, 'schemas/transactions.yaml');
    const original = readFileSync(file, 'utf8');
    const edits = [
      ['Server name of the homeserver that built the transaction.', 'Server name of the homeserver that built this transaction.'],
      ['A sender\n          MUST NOT put more than 50 PDUs', 'A sender\n          MUST NOT put more than 49 PDUs'],
    ];
    for (const edition of ['ietf', 'matrix-org'] as const) {
      writeFileSync(file, original);
      const first = await docOf(edition);
      piecewisePaths(first); // fills the memo
      expect(piecewisePaths(first)!.converted).toBe(0);
      for (const [from, to] of edits) {
        const text = readFileSync(file, 'utf8');
        expect(text.includes(from!), from).toBe(true);
        writeFileSync(file, text.replace(from!, to!));
        const doc = await docOf(edition);
        const pieces = piecewisePaths(doc)!;
        expect(pieces.body).toBe(wholeDocument(doc).body);
        expect(pieces.body).toContain(to!.split('\n')[0]!.trim());
        // The schemas of the edited file and the operations that read them; far from all of the pieces.
        expect(pieces.converted).toBeGreaterThan(0);
        expect(pieces.converted).toBeLessThan(pieceCount(doc) / 3);
      }
    }
  }, 60_000);

  const present = CORPUS_V19_PRESENT;
  if (!present) console.warn(`test/types/paths-pieces: skipping the imported-corpus comparison, ${CORPUS_V19} is absent (read from ../shared/corpus/matrix-spec)`);
  it.skipIf(!present)('imported matrix-spec v1.19', async () => {
    const built = await compile(importedV19Spec('mxspec-pieces-'), { checkOnly: true });
    expectSameAsWhole(buildOpenApiDocument(built.models!['matrix-org']));
  }, 120_000);
});

describe('remembered pieces', () => {
  // A request body given by reference: whether it is required is read from its target, so the path's piece depends on it.
  const other = { type: 'string' };
  const documentWith = (item: Json, body: Json): Json => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/a': item },
    components: { schemas: { Body: body, Other: other } },
  });
  const operation = {
    operationId: 'sendA',
    requestBody: { $ref: '#/components/schemas/Body' },
    responses: { 200: { description: 'ok' } },
  };
  const always = (): boolean => true;

  it('are converted again when a $ref they looked up resolves to another object', () => {
    const item = { post: operation };
    const required = documentWith(item, { type: 'object', required: ['x'], properties: { x: { type: 'string' } } });
    const optional = documentWith(item, { type: 'object', properties: { x: { type: 'string' } } });
    const first = piecewisePaths(required, always)!;
    expect(first.body).toBe(wholeDocument(required).body);
    expect(first.body).toContain('requestBody: components["schemas"]["Body"]');
    const second = piecewisePaths(optional, always)!;
    // The path item and its operation are the same objects; the body it refers to is not.
    expect(second.body).toBe(wholeDocument(optional).body);
    expect(second.body).toContain('requestBody?: components["schemas"]["Body"]');
    expect(second.converted).toBe(2); // the path (its lookup changed) and Body; Other is remembered
  });

  it('are not remembered for objects that may change', () => {
    const doc: Json = { ...documentWith({ post: { ...operation } }, { type: 'object' }), components: { schemas: { Body: { type: 'object' } } } };
    piecewisePaths(doc, () => false);
    expect(piecewisePaths(doc, () => false)!.converted).toBe(pieceCount(doc));
  });

  it('are taken only under the same name and the same operations', () => {
    const body = { type: 'object' };
    const item = { post: operation };
    const doc = documentWith(item, body);
    piecewisePaths(doc, always);
    const renamed: Json = { ...doc, components: { schemas: { Renamed: body, Other: other } } };
    expect(piecewisePaths(renamed, always)!.body).toBe(wholeDocument(renamed).body);
    const moved: Json = { ...doc, paths: { '/b': item } };
    expect(piecewisePaths(moved, always)!.body).toBe(wholeDocument(moved).body);
    const more: Json = { ...doc, paths: { '/a': { ...item, put: { ...operation, operationId: 'putA' } } } };
    expect(piecewisePaths(more, always)!.body).toBe(wholeDocument(more).body);
  });
});

describe('documents of another shape are converted whole', () => {
  const base = (): Json => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
    components: { schemas: { A: { type: 'object', properties: { x: { type: 'string' } } } } },
  });
  const shapes: [string, (d: Json) => void][] = [
    ['webhooks', (d) => (d.webhooks = {})],
    ['$defs', (d) => (d.$defs = { X: { type: 'string' } })],
    ['a discriminator', (d) => ((d.components as Json).schemas = { A: { type: 'object', discriminator: { propertyName: 'x' } } })],
    ['component responses', (d) => ((d.components as Json).responses = { R: { description: 'r' } })],
    ['a $ref path item', (d) => (d.paths = { '/a': { $ref: '#/components/pathItems/P' } })],
    ['no paths', (d) => (d.paths = {})],
    ['no schemas', (d) => ((d.components as Json).schemas = {})],
    // allOf with a $ref and a required key of the referenced schema: a WithRequired helper goes into the footer.
    ['a helper type in a piece', (d) => ((d.components as Json).schemas = {
      A: { type: 'object', properties: { x: { type: 'string' } } },
      B: { allOf: [{ $ref: '#/components/schemas/A' }], required: ['x'] },
    })],
  ];
  for (const [name, change] of shapes) {
    it(name, () => {
      const doc = base();
      change(doc);
      expect(piecewisePaths(doc)).toBeUndefined();
      expect(chunkedPaths(doc, { paths: 1, schemas: 1 })).toBeUndefined();
      expect(piecewisePathsDeclarations(doc)).toBe(pathsDeclarations(doc));
      expect(documentDeclarations(doc, { paths: 0, schemas: 0 }).body).toBe(wholeDocument(doc).body);
    });
  }

  it('the base document itself is taken apart', () => {
    expectSameAsWhole(base());
  });
});

describe('a large document converted in chunks equals the whole conversion', () => {
  const sizes = [{ paths: 1, schemas: 1 }, { paths: 3, schemas: 7 }, { paths: 64, schemas: 256 }];

  function expectChunksSameAsWhole(doc: Json, chunk: { paths: number; schemas: number }): void {
    const chunks = countingTransforms((calls) => {
      const start = calls();
      const result = chunkedPaths(doc, chunk);
      const pathCount = Object.keys(doc.paths as Json).length;
      const schemaCount = Object.keys((doc.components as Json).schemas as Json).length;
      const expected = Math.ceil(pathCount / chunk.paths) + Math.ceil(schemaCount / chunk.schemas);
      expect(result?.converted, JSON.stringify(chunk)).toBe(expected);
      expect(calls() - start, 'one conversion per chunk').toBe(expected);
      return result!;
    });
    const whole = wholeDocument(doc);
    expect(chunks.body, JSON.stringify(chunk)).toBe(whole.body);
    expect([...chunks.used].sort()).toEqual([...whole.used].sort());
  }

  it('shipped spec, both editions, in chunks of 1, a few and more than the document', async () => {
    const built = await compile(SPEC, { checkOnly: true });
    for (const edition of ['ietf', 'matrix-org'] as const) {
      const doc = buildOpenApiDocument(built.models![edition]);
      for (const chunk of sizes) expectChunksSameAsWhole(doc, chunk);
    }
  }, 60_000);

  it.skipIf(!CORPUS_V19_PRESENT)('imported matrix-spec v1.19, in chunks', async () => {
    const built = await compile(importedV19Spec('mxspec-chunks-'), { checkOnly: true });
    const doc = buildOpenApiDocument(built.models!['matrix-org']);
    for (const chunk of [{ paths: 5, schemas: 40 }, { paths: 2, schemas: 3 }]) expectChunksSameAsWhole(doc, chunk);
  }, 60_000);
});
