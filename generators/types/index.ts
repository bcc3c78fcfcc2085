/**
 * The types generator: out/<edition>/types/, a publishable npm package of
 * TypeScript declarations. index.d.ts is written by mxspec (one ts-morph
 * writer for the whole file); paths.d.ts comes from openapi-typescript run
 * in-process on the document the OpenAPI generator builds.
 */
import type { EditionGenerator, OutputFile } from '../generator.js';
import type { EditionModel } from '../../src/ir/types.js';
import { buildOpenApiDocument } from '../openapi/index.js';
import { planDeclarations, writeDeclarations } from './declarations.js';
import { DeclarationText } from './declaration-text.js';
import { packageName, packageVersion } from './naming.js';
import { pathsFile } from './paths.js';
import { piecewisePathsDeclarations } from './paths-pieces.js';
import { documentDeclarations } from './paths-one-shot.js';
import { renderReadme } from './readme.js';
import { requireTsMorph } from './commonjs.js';

const { IndentationText, NewLineKind, Project, QuoteKind } = requireTsMorph();

/**
 * The project whose writer settings index.d.ts is written with. Only its
 * writer factory is used (no source file is ever added), so one project
 * serves every conversion of a process; creating one per conversion was a
 * few milliseconds each time an edit in `mxspec watch` changed the types.
 */
let project: InstanceType<typeof Project> | undefined;
function writerProject(): InstanceType<typeof Project> {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single, newLineKind: NewLineKind.LineFeed },
  });
  return project;
}

/**
 * index.d.ts as text: the whole file through one ts-morph writer (the
 * project's CodeBlockWriter, with its indentation, quote and newline
 * settings). The text is not parsed into a source file: nothing here reads
 * the syntax tree back, and parsing it cost as much as writing it (and, on
 * large specs, most of the generator's memory). The type tests compile the
 * result with typescript.
 */
export function indexDeclarations(model: EditionModel): string {
  const plan = planDeclarations(model);
  const project = writerProject();
  const out = new DeclarationText(() => project.createWriter());
  writeDeclarations(out, model, plan);
  return out.finish();
}

export function packageJson(model: EditionModel): string {
  const ed = model.edition;
  const pkg = {
    name: packageName(ed.id),
    version: packageVersion(ed.version),
    description: `TypeScript types for the Matrix federation API, ${ed.label} edition ${ed.version}.`,
    license: 'Apache-2.0',
    type: 'module',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts' },
      './paths': { types: './paths.d.ts' },
      './package.json': './package.json',
    },
    files: ['index.d.ts', 'paths.d.ts', 'README.md'],
    sideEffects: false,
    keywords: ['matrix', 'federation', 'types', 'typescript', ed.id],
    mxspec: { edition: ed.id, editionVersion: ed.version, baseline: ed.baseline, date: ed.date },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

export function readme(model: EditionModel, doc: Record<string, unknown>): string {
  const ed = model.edition;
  const paths = Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>);
  const [samplePath, ops] = paths.find(([, item]) => 'put' in item || 'post' in item) ?? paths[0] ?? ['/', { get: {} }];
  return renderReadme({
    packageName: packageName(ed.id),
    editionLabel: ed.label,
    editionVersion: ed.version,
    baseline: ed.baseline,
    date: ed.date,
    schemaCount: String(model.schemas.length),
    rpcCount: String(model.rpcs.length),
    eventCount: String(model.eventTypes.length),
    sampleSchema: model.schemas[0]?.name ?? 'Error',
    samplePath,
    sampleMethod: Object.keys(ops)[0] ?? 'get',
  });
}

/** How the types are made; the same files either way. */
export interface TypesOptions {
  /**
   * Convert paths.d.ts piece by piece and remember the pieces
   * (paths-pieces.ts): for `mxspec watch`, where an edit then converts only
   * what changed. A first conversion piece by piece costs about twice a
   * whole one, so a one-shot build converts in chunks instead, taking from
   * the edition before the members that print the same (paths-one-shot.ts).
   */
  piecewisePaths?: boolean;
}

export async function typesFiles(model: EditionModel, opts: TypesOptions = {}): Promise<OutputFile[]> {
  const doc = buildOpenApiDocument(model);
  const dir = `${model.edition.id}/types`;
  return [
    { path: `${dir}/README.md`, content: readme(model, doc) },
    { path: `${dir}/index.d.ts`, content: indexDeclarations(model) },
    { path: `${dir}/package.json`, content: packageJson(model) },
    { path: `${dir}/paths.d.ts`, content: opts.piecewisePaths ? piecewisePathsDeclarations(doc) : pathsFile(documentDeclarations(doc)) },
  ];
}

export const typesGenerator: EditionGenerator = {
  id: 'types',
  description: 'TypeScript declarations package (out/<edition>/types/)',
  generate(model) {
    return typesFiles(model);
  },
};
