/**
 * paths.d.ts for a one-shot build (generators/types/paths-one-shot.ts): the
 * second edition takes the members the first printed wherever they print
 * the same, and converts the rest. Every text must be byte for byte the
 * whole document's conversion, whichever document came before; a member is
 * taken again only while its JSON and that of every schema it reaches
 * through `$ref` are unchanged.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/build/pipeline.js';
import { buildOpenApiDocument } from '../../generators/openapi/document.js';
import { wholeDocument } from '../../generators/types/paths.js';
import { chunkedPaths } from '../../generators/types/paths-pieces.js';
import {
  documentDeclarations,
  documentSources,
  forgetConversions,
  memberDeclarations,
  memberKey,
  settledSchemas,
  splitMembers,
  type MemberSource,
} from '../../generators/types/paths-one-shot.js';
import { SPEC } from '../helpers/cli.js';
import { CORPUS_V19_PRESENT, importedV19Spec } from '../helpers/imported.js';
import { countingTransforms } from '../helpers/transform-calls.js';

type Json = Record<string, any>;

const editions = ['ietf', 'matrix-org'] as const;

async function shippedDocuments(): Promise<Record<(typeof editions)[number], Json>> {
  const built = await compile(SPEC, { checkOnly: true });
  return { ietf: buildOpenApiDocument(built.models!.ietf), 'matrix-org': buildOpenApiDocument(built.models!['matrix-org']) };
}

const members = (doc: Json): number => Object.keys(doc.paths).length + Object.keys(doc.components.schemas).length;

/** The member's declarations, with the chunks it converted counted against openapi-typescript's real transform. */
function converting(doc: Json, chunk = { paths: 8, schemas: 32 }) {
  return countingTransforms((calls) => {
    const start = calls();
    const result = memberDeclarations(doc, documentSources(doc), chunk);
    expect(result, 'the document was taken apart').toBeDefined();
    expect(calls() - start, 'one conversion per chunk').toBe(result!.converted);
    return result!;
  });
}

function expectWhole(doc: Json, result: { body: string; used: Set<string> }): void {
  const whole = wholeDocument(doc);
  expect(result.body).toBe(whole.body);
  expect([...result.used].sort()).toEqual([...whole.used].sort());
}

/** Names of the schemas that reach `changed` through `$ref` (itself included), found by walking the documents' objects. */
function reaching(doc: Json, changed: string): { schemas: Set<string>; paths: Set<string> } {
  const refsOf = (node: unknown, into = new Set<string>()): Set<string> => {
    if (Array.isArray(node)) node.forEach((n) => refsOf(n, into));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') into.add(v.split('/').pop()!);
        else refsOf(v, into);
      }
    }
    return into;
  };
  const schemas = new Set([changed]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (!schemas.has(name) && [...refsOf(schema)].some((r) => schemas.has(r))) {
        schemas.add(name);
        grew = true;
      }
    }
  }
  const paths = new Set(Object.entries(doc.paths).filter(([, item]) => [...refsOf(item)].some((r) => schemas.has(r))).map(([url]) => url));
  return { schemas, paths };
}

beforeEach(() => forgetConversions());

describe('members taken from the last document', () => {
  it('the shipped editions one after the other, in either order: each equals its whole conversion; the second converts only what differs', async () => {
    const docs = await shippedDocuments();
    for (const [first, second] of [editions, [...editions].reverse()] as const) {
      forgetConversions();
      const a = converting(docs[first]);
      expect(a.reused).toBe(0);
      expectWhole(docs[first], a);
      const b = converting(docs[second]);
      expectWhole(docs[second], b);
      expect(b.reused, `${second} after ${first}`).toBeGreaterThan(members(docs[second]) / 2);
      expect(b.reused).toBeLessThan(members(docs[second]));
      expect(b.converted).toBeLessThan(a.converted + 1);
      // The same document again: every member taken, nothing converted.
      const again = converting(docs[second]);
      expect(again).toMatchObject({ converted: 0, reused: members(docs[second]) });
      expect(again.body).toBe(b.body);
    }
  }, 60_000);

  it('a schema changed: it, every schema and path that reaches it through $ref, and nothing else is converted again', async () => {
    const { ietf } = await shippedDocuments();
    // The schema most others reach, so that the test covers chains of references.
    const names = Object.keys(ietf.components.schemas);
    const changed = names.map((n) => ({ n, r: reaching(ietf, n) })).sort((x, y) => y.r.schemas.size + y.r.paths.size - (x.r.schemas.size + x.r.paths.size))[0]!;
    expect(changed.r.schemas.size, 'a schema that other schemas refer to').toBeGreaterThan(1);
    expect(changed.r.paths.size, 'and some paths').toBeGreaterThan(0);
    const edited = structuredClone(ietf);
    edited.components.schemas[changed.n] = { ...edited.components.schemas[changed.n], description: 'Changed between the two documents.' };
    converting(ietf);
    const result = converting(edited, { paths: 1, schemas: 1 });
    expectWhole(edited, result);
    expect(result.body).toContain('Changed between the two documents.');
    expect(result.converted).toBe(changed.r.schemas.size + changed.r.paths.size);
    expect(result.reused).toBe(members(edited) - result.converted);
  }, 60_000);

  it('a path added, a path removed, a schema renamed: each document equals its whole conversion', async () => {
    const { ietf } = await shippedDocuments();
    const [url, item] = Object.entries(ietf.paths)[0]!;
    const added = structuredClone(ietf);
    added.paths = { [`${url}/added`]: item, ...added.paths };
    const removed = structuredClone(ietf);
    delete removed.paths[url];
    const renamed = structuredClone(ietf);
    const [name, schema] = Object.entries(renamed.components.schemas).find(([n]) => !JSON.stringify(ietf).includes(`"#/components/schemas/${n}"`)) ?? [];
    expect(name, 'a schema nothing refers to').toBeDefined();
    delete renamed.components.schemas[name!];
    renamed.components.schemas[`${name}Renamed`] = schema;
    converting(ietf);
    for (const doc of [added, removed, renamed, ietf]) expectWhole(doc, converting(doc));
  }, 60_000);

  it.skipIf(!CORPUS_V19_PRESENT)('imported matrix-spec v1.19: an edition with a schema changed after the other', async () => {
    const built = await compile(importedV19Spec('mxspec-one-shot-'), { checkOnly: true });
    const doc = buildOpenApiDocument(built.models!['matrix-org']) as Json;
    const first = converting(doc);
    expectWhole(doc, first);
    const edited = structuredClone(doc);
    const [name, schema] = Object.entries(edited.components.schemas as Json)[0]!;
    edited.components.schemas[name] = { ...schema, description: 'Edited.' };
    const second = converting(edited);
    expectWhole(edited, second);
    expect(second.reused).toBeGreaterThan(0);
  }, 60_000);

  it('a chunk whose operations cannot be told apart: no members, and the one-shot text is the chunks\' as before', () => {
    const op = { operationId: 'same', responses: { 200: { description: 'ok' } } };
    const doc: Json = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: op }, '/b': { get: op } },
      components: { schemas: { A: { type: 'object', properties: { x: { type: 'string' } } } } },
    };
    expect(memberDeclarations(doc, documentSources(doc), { paths: 2, schemas: 1 })).toBeUndefined();
    const text = documentDeclarations(doc, { paths: 2, schemas: 1 }).body;
    expect(text).toBe(chunkedPaths(doc, { paths: 2, schemas: 1 })!.body);
    expect(text).toBe(wholeDocument(doc).body);
  });
});

describe('which schemas are settled', () => {
  const source = (digest: string, refs: string[] = [], foreignRef = false): MemberSource => ({ digest, refs, foreignRef });
  const last = new Map(['A', 'B', 'C', 'D', 'E', 'F'].map((n) => [n, { digest: n }]));

  it('unchanged, and reaching only unchanged schemas, through chains and cycles', () => {
    const now = new Map([
      ['A', source('A', ['B'])],
      ['B', source('B', ['C'])],
      ['C', source('C', ['B'])], // a cycle of unchanged schemas
      ['D', source('D*', [])], // changed
      ['E', source('E', ['F'])],
      ['F', source('F', ['D'])], // reaches the changed one
      ['G', source('G')], // new
    ]);
    expect([...settledSchemas(now, last)].sort()).toEqual(['A', 'B', 'C']);
  });

  it('a cycle with one member reaching a change is unsettled as a whole, with all that reaches it', () => {
    const now = new Map([
      ['A', source('A', ['B'])],
      ['B', source('B', ['C'])],
      ['C', source('C', ['B', 'D'])],
      ['D', source('D*')],
      ['E', source('E')],
    ]);
    expect([...settledSchemas(now, last)]).toEqual(['E']);
  });

  it('a reference outside the schemas, or to a schema that is not there, unsettles', () => {
    const now = new Map([
      ['A', source('A', [], true)],
      ['B', source('B', ['Gone'])],
      ['C', source('C', ['A'])],
      ['E', source('E')],
    ]);
    expect([...settledSchemas(now, last)]).toEqual(['E']);
  });

  it('what the document walk reads as references: schema names unescaped, anything else foreign', () => {
    const doc = {
      openapi: '3.1.0',
      paths: { '/a': { get: { responses: { 200: { $ref: '#/components/responses/R' } } } } },
      components: {
        schemas: {
          'a/b~c': { type: 'string' },
          X: { allOf: [{ $ref: '#/components/schemas/a~1b~0c' }, { $ref: '#/components/schemas/Y/properties/z' }], examples: [{ note: '"$ref":"#/components/schemas/NotARef"' }] },
          Y: { type: 'object', properties: { z: { type: 'string' } } },
          P: { $ref: 'other.json#/Q' },
        },
      },
    };
    const sources = documentSources(doc);
    expect(sources.schemas.get('X')).toMatchObject({ refs: ['a/b~c', 'Y'], foreignRef: false });
    expect(sources.schemas.get('P')!.foreignRef).toBe(true);
    expect(sources.paths.get('/a')!.foreignRef).toBe(true);
    expect(sources.schemas.get('Y')!.digest).not.toBe(sources.schemas.get('a/b~c')!.digest);
  });
});

describe('splitting a body into members', () => {
  it('ends a member at the first line at its indentation ending in ";", past doc comments and nested lines', () => {
    const body = [
      '    /**',
      '     * Ends with a semicolon;',
      '     */',
      '    "/a": {',
      '        x: string;',
      '    };',
      '    /** @description one line; */',
      '    b: string;',
      '    c: {',
      '        y: number;',
      '    } | {',
      '        z: number;',
      '    };',
      '',
    ].join('\n');
    const parts = splitMembers(body, 4)!;
    expect(parts).toHaveLength(3);
    expect(parts.join('')).toBe(body);
    expect(parts[0]).toMatch(/^ {4}\/\*\*\n[\s\S]*"\/a": \{\n[\s\S]* {4}\};\n$/);
    expect(parts[1]).toBe('    /** @description one line; */\n    b: string;\n');
  });

  it('reads the key each member declares, after its doc comment: quoted (with escapes) or not, optional or not', () => {
    expect(memberKey('    /**\n     * "/not": the key\n     */\n    "/a/{b}": {\n    };\n', 4)).toBe('/a/{b}');
    expect(memberKey('        "m.room\\"x": string;\n', 8)).toBe('m.room"x');
    expect(memberKey('    /** @description x */\n    getThing: {\n    };\n', 4)).toBe('getThing');
    expect(memberKey('    put?: never;\n', 4)).toBe('put');
    expect(memberKey('     * only a comment line\n', 4)).toBeUndefined();
    expect(memberKey('    last: string;', 4)).toBe('last');
    // An escape JavaScript has and JSON has not: no key, so the chunk is not cut (it converts as before).
    expect(memberKey("    \"it\\'s\": string;\n", 4)).toBeUndefined();
  });

  it('refuses a body that does not end with a whole member', () => {
    expect(splitMembers('    a: string;\n    b: {\n', 4)).toBeUndefined();
    expect(splitMembers('    a: string;', 4)).toBeUndefined();
    expect(splitMembers('', 4)).toEqual([]);
  });
});

describe('documentDeclarations', () => {
  it('info alone differs: the text of the first, nothing converted; a component or a path differs: as openapiTS() converts it', async () => {
    const { ietf } = await shippedDocuments();
    const first = structuredClone(ietf);
    const otherInfo = { ...structuredClone(first), info: { ...first.info, title: 'Another edition', version: '9' } };
    const otherSchema = structuredClone(first);
    const [name, schema] = Object.entries(otherSchema.components.schemas as Json)[0]!;
    otherSchema.components.schemas[name] = { ...schema, description: 'Changed.' };
    const otherPath = structuredClone(first);
    const [url, item] = Object.entries(otherPath.paths as Json)[0]!;
    // Another path, its operations under other ids (two paths with one operation id cannot be cut into members).
    const other = structuredClone(item);
    for (const op of Object.values(other as Json)) if (op && typeof op === 'object' && 'operationId' in op) op.operationId += 'Other';
    otherPath.paths[url.replace(/\/$/, '') + '/other'] = other;

    const { c, d } = countingTransforms((calls) => {
      let last = calls();
      const converted = (): number => {
        const n = calls() - last;
        last = calls();
        return n;
      };
      const a = documentDeclarations(first).body;
      expect(converted()).toBeGreaterThan(0);
      expect(documentDeclarations(otherInfo).body).toBe(a);
      expect(converted(), 'only info differs').toBe(0);
      const c = documentDeclarations(otherSchema).body;
      expect(converted(), 'a component schema differs').toBeGreaterThan(0);
      const d = documentDeclarations(otherPath).body;
      expect(converted(), 'a path differs').toBeGreaterThan(0);
      // otherPath holds every member of the first document: nothing to convert, the same text.
      expect(documentDeclarations(first).body).toBe(a);
      expect(converted()).toBe(0);
      return { c, d };
    });
    expect(c).toBe(wholeDocument(otherSchema).body);
    expect(d).toBe(wholeDocument(otherPath).body);
  }, 60_000);

  it('each result has its own set of identifier types', async () => {
    const { ietf } = await shippedDocuments();
    const one = documentDeclarations(ietf);
    const size = one.used.size;
    expect(size).toBeGreaterThan(0);
    one.used.clear();
    expect(documentDeclarations({ ...ietf, info: { title: 'x', version: '1' } }).used.size).toBe(size);
  }, 60_000);

  it('the first document of a process is converted in chunks, to the same text', async () => {
    const { ietf } = await shippedDocuments();
    const chunk = { paths: 8, schemas: 32 };
    const text = countingTransforms((calls) => {
      const start = calls();
      const body = documentDeclarations(ietf, chunk).body;
      expect(calls() - start).toBe(chunkedPaths(ietf, chunk)!.converted);
      return body;
    });
    expect(text).toBe(wholeDocument(ietf).body);
  }, 60_000);
});
