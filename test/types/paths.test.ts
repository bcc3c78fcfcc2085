/**
 * paths.d.ts comes from openapi-typescript's document transform, called
 * without the Redocly validation and bundling that `openapiTS()` puts in
 * front of it (generators/types/paths.ts). These tests hold that shortcut to
 * the real entry point: the context must be the one `openapiTS()` builds,
 * and the declarations must be byte-identical to what `openapiTS()` gives on
 * the same document — for both shipped editions and, when ../shared is
 * present, the imported matrix-spec v1.19 API.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type * as OpenapiTypescript from 'openapi-typescript';
import { compile } from '../../src/build/pipeline.js';
import type { EditionModel } from '../../src/ir/types.js';
import { buildOpenApiDocument } from '../../generators/openapi/document.js';
import { hasDiscriminator, pathsDeclarations, pathsOptions, transformContext, PATHS_HEADER } from '../../generators/types/paths.js';
import { SPEC } from '../helpers/cli.js';
import { CORPUS_V19, CORPUS_V19_PRESENT, importedV19Spec } from '../helpers/imported.js';

const require = createRequire(import.meta.url);
const { default: openapiTS, astToString, scanDiscriminators } = require('openapi-typescript') as typeof OpenapiTypescript;

/** What `openapiTS()` gives on the document with the same options, and the context it built. */
async function throughOpenapiTS(document: Record<string, unknown>): Promise<{ text: string; ctx: Record<string, unknown> | undefined }> {
  const used = new Set<string>();
  const options = pathsOptions(used);
  let ctx: Record<string, unknown> | undefined;
  const nodes = await openapiTS(structuredClone(document) as never, {
    ...options,
    transform(schema, opts) {
      ctx ??= (opts as unknown as { ctx: Record<string, unknown> }).ctx;
      return options.transform(schema);
    },
  });
  const imports = used.size ? `import type { ${[...used].sort().join(', ')} } from './index.js';\n\n` : '';
  return { text: PATHS_HEADER + imports + astToString(nodes), ctx };
}

async function expectSameAsOpenapiTS(model: EditionModel): Promise<void> {
  const document = buildOpenApiDocument(model);
  const real = await throughOpenapiTS(document);
  expect(pathsDeclarations(document)).toBe(real.text);
  // The context: same keys and values, except the functions (the transform wrapper, the resolver).
  expect(real.ctx, 'openapiTS() never called the transform').toBeDefined();
  const ours = transformContext(document, pathsOptions(new Set()));
  expect(Object.keys(ours).sort()).toEqual(Object.keys(real.ctx!).sort());
  for (const [k, v] of Object.entries(real.ctx!)) {
    if (typeof v === 'function') expect(typeof ours[k], k).toBe('function');
    else if (k === 'redoc') expect(ours[k], 'the transform must not need the Redocly config').toBeUndefined();
    // Filled by the transform as it goes (the context is captured mid-way); it starts empty in both.
    else if (k === 'injectFooter') expect(ours[k]).toEqual([]);
    else expect(ours[k], k).toEqual(v);
  }
}

describe('paths.d.ts equals openapi-typescript run through openapiTS()', () => {
  it('shipped spec, both editions', async () => {
    const built = await compile(SPEC, { checkOnly: true });
    for (const edition of ['ietf', 'matrix-org'] as const) await expectSameAsOpenapiTS(built.models![edition]);
  }, 60_000);

  const present = CORPUS_V19_PRESENT;
  if (!present) console.warn(`test/types/paths: skipping the imported-corpus comparison, ${CORPUS_V19} is absent (read from ../shared/corpus/matrix-spec)`);
  it.skipIf(!present)('imported matrix-spec v1.19', async () => {
    const dir = importedV19Spec('mxspec-paths-');
    const built = await compile(dir, { checkOnly: true });
    await expectSameAsOpenapiTS(built.models!['matrix-org']);
  }, 120_000);
});

describe('discriminators: the scan is skipped only where it can find nothing', () => {
  const pet = (discriminator?: unknown): Record<string, unknown> => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components: {
      schemas: {
        Pet: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, ...(discriminator ? { discriminator } : {}), oneOf: [{ $ref: '#/components/schemas/Cat' }] },
        Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { purrs: { type: 'boolean' } } }] },
      },
    },
  });

  it('a document with a discriminator gets what openapi-typescript scans, and the same declarations as openapiTS()', async () => {
    const doc = pet({ propertyName: 'kind' });
    expect(hasDiscriminator(doc)).toBe(true);
    const ours = transformContext(structuredClone(doc), pathsOptions(new Set())).discriminators as { objects: Record<string, unknown> };
    expect(Object.keys(ours.objects).length).toBeGreaterThan(0);
    expect(ours).toEqual(scanDiscriminators(structuredClone(doc) as never, { silent: true } as never));
    expect(pathsDeclarations(structuredClone(doc))).toBe((await throughOpenapiTS(doc)).text);
  });

  it('without one, the empty results equal the scan\'s own', () => {
    const doc = pet();
    expect(hasDiscriminator(doc)).toBe(false);
    expect(transformContext(doc, pathsOptions(new Set())).discriminators).toEqual(scanDiscriminators(structuredClone(doc) as never, { silent: true } as never));
  });

  it('finds the keyword at any depth, in arrays too', () => {
    expect(hasDiscriminator({ a: [{ b: { c: [1, { discriminator: { propertyName: 'x' } }] } }] })).toBe(true);
    expect(hasDiscriminator({ a: [{ b: { c: [1, 'discriminator', { mapping: {} }] } }] })).toBe(false);
  });
});
