/**
 * The generator registry. Order is the order they run (a later generator may
 * reuse an earlier one's pure functions, never its files).
 *
 * Each entry is a light stand-in: its module (and so ts-morph, typescript,
 * openapi-typescript, yaml's stringifier, the RFC XML writer) is imported
 * only when the generator first runs, so `mxspec check`, failing builds and
 * every other command never load them. The real generators are
 * draftsGenerator (drafts/), openApiGenerator (openapi/), typesGenerator
 * (types/, run in a worker thread by types/off-thread.ts) and diffGenerator
 * (diff/); each stand-in checks that it delegates to the generator of its id.
 */
import type { EditionGenerator, PairGenerator } from './generator.js';
import { modelKeyWithoutDocuments } from '../src/ir/model-key.js';
import { prepareTypesWorker, releaseTypesWorker, useTypesWorkers, configureTypes, typesFilesOffThread, TYPES_DOCUMENT_FIELDS } from './types/off-thread.js';
import { EDITION_IDS } from '../src/ir/types.js';
import { setItemMemo } from './drafts/item-memo.js';
import { rememberDiffParts } from '../src/diff/diff.js';
import { shareOpenApiObjects } from './openapi/sharing.js';

type Meta<G> = Omit<G, 'generate'>;

function loaded<G extends { id: string }>(id: string, load: () => Promise<G>): () => Promise<G> {
  let promise: Promise<G> | undefined;
  return () =>
    (promise ??= load().then((g) => {
      if (g.id !== id) throw new Error(`generator registry: expected "${id}", module exports "${g.id}"`);
      return g;
    }));
}

function lazyEdition(meta: Meta<EditionGenerator>, load: () => Promise<EditionGenerator>): EditionGenerator {
  const get = loaded(meta.id, load);
  return { ...meta, generate: async (model, ctx) => (await get()).generate(model, ctx) };
}

function lazyPair(meta: Meta<PairGenerator>, load: () => Promise<PairGenerator>): PairGenerator {
  const get = loaded(meta.id, load);
  return { ...meta, generate: async (from, to, ctx) => (await get()).generate(from, to, ctx) };
}

/** What openapi.json/openapi.yaml read: everything but the documents, of which the api abstract (info.description). */
const openApiKey = (model: Parameters<typeof modelKeyWithoutDocuments>[0]) => modelKeyWithoutDocuments(model, ['id', 'abstract']);

export const EDITION_GENERATORS: EditionGenerator[] = [
  lazyEdition(
    {
      id: 'drafts',
      description: 'Internet-Drafts in RFC XML v3 (out/ietf/drafts/<docName>-<NN>.xml)',
      editions: ['ietf'],
      // Remember rendered items only when builds follow (watch); a one-shot build renders each item once.
      prepare: ({ rebuilds }) => setItemMemo(rebuilds),
    },
    async () => (await import('./drafts/index.js')).draftsGenerator,
  ),
  lazyEdition(
    {
      id: 'openapi',
      description: 'OpenAPI 3.1 of the federation HTTP API (out/<edition>/openapi.json and openapi.yaml)',
      inputKey: openApiKey,
      // Components and operations shared between builds only when builds follow (watch).
      prepare: ({ rebuilds }) => shareOpenApiObjects(rebuilds),
    },
    async () => (await import('./openapi/index.js')).openApiGenerator,
  ),
  {
    id: 'types',
    description: 'TypeScript declarations package (out/<edition>/types/)',
    offMainThread: true,
    prepare: ({ rebuilds }) => {
      if (rebuilds) useTypesWorkers(EDITION_IDS.length);
      configureTypes({ rebuilds });
      prepareTypesWorker();
    },
    release: releaseTypesWorker,
    inputKey: (model) => modelKeyWithoutDocuments(model, TYPES_DOCUMENT_FIELDS),
    generate: (model) => typesFilesOffThread(model),
  },
];

export const PAIR_GENERATORS: PairGenerator[] = [
  lazyPair(
    {
      id: 'diff',
      description: 'edition diff report: Markdown (pull-request comment), JSON and a self-contained HTML page',
      // Take over unchanged parts of the last comparison only when builds follow (watch).
      prepare: ({ rebuilds }) => rememberDiffParts(rebuilds),
    },
    async () => (await import('./diff/index.js')).diffGenerator,
  ),
];
