/**
 * paths.d.ts converted in parts: one piece at a time for `mxspec watch`,
 * a chunk of pieces at a time for a one-shot build (below, used by
 * paths-one-shot.ts). openapi-typescript
 * converts a whole document at once and has no entry point for one path or
 * one component schema, so each piece is converted as a document of its
 * own — `{paths: {url: item}}` or `{components: {schemas: {name: schema}}}`
 * — with the context of the whole document (its `$ref` resolver), and the
 * member it prints is cut out. A member sits at the same depth in the piece
 * as in the whole document, so its text is the text the whole conversion
 * prints for it; the file is the members joined inside the frame the whole
 * conversion prints around them.
 *
 * Pieces are remembered by the OpenAPI objects they come from (shared
 * between builds: generators/openapi/document.ts) and by whatever their
 * conversion looked up through `$ref` (an `allOf` member's properties
 * decide which keys a `WithRequired` needs): an edit converts the pieces
 * whose objects changed, a few milliseconds instead of the whole document.
 *
 * Only documents shaped like the ones mxspec generates are taken apart:
 * paths (no `$ref` path items) and component schemas, no webhooks, `$defs`,
 * other component kinds or discriminators. For anything else, or a piece
 * whose text is not in the expected frame (a helper type in the footer),
 * `piecewisePaths` returns undefined and the caller converts the whole
 * document. test/types/paths-pieces.test.ts requires the result to equal
 * the whole conversion byte for byte.
 */
import { requireOpenapiTypescriptTransform } from './commonjs.js';
import { hasDiscriminator, pathsFile, pathsOptions, transformContext, wholeDocument } from './paths.js';
import { isSharedOpenApiObject } from '../openapi/document.js';

type Json = Record<string, unknown>;

/** What one piece prints and needs. */
interface Piece {
  /** Its member of `paths` or of `components.schemas`, lines ending in newlines. */
  member: string;
  /** Its members of `operations` (path items only). */
  operations: string;
  /** Identifier types its declarations import from index.d.ts. */
  used: string[];
  /** The `$ref`s its conversion resolved, with what each resolved to. */
  lookups: [ref: string, target: unknown][];
}

const EMPTY = (name: string): string => `export type ${name} = Record<string, never>;\n`;
const PATHS_OPEN = 'export interface paths {\n';
const PATH_PIECE_REST = `}\n${EMPTY('webhooks')}${EMPTY('components')}${EMPTY('$defs')}`;
const OPERATIONS_OPEN = 'export interface operations {\n';
const SCHEMAS_OPEN = 'export interface components {\n    schemas: {\n';
const SCHEMAS_CLOSE = '    };\n    responses: never;\n    parameters: never;\n    requestBodies: never;\n    headers: never;\n    pathItems: never;\n}\n';
const SCHEMA_PIECE_HEAD = `${EMPTY('paths')}${EMPTY('webhooks')}${SCHEMAS_OPEN}`;
const SCHEMA_PIECE_TAIL = `${SCHEMAS_CLOSE}${EMPTY('$defs')}${EMPTY('operations')}`;

/** The component kinds openapi-typescript converts; a document using any but `schemas` is converted whole. */
const CONVERTED_COMPONENT_KINDS = ['responses', 'parameters', 'requestBodies', 'headers', 'pathItems'];

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Whether the document is one this module can take apart (see the module comment). */
export function piecewiseShape(document: Json): boolean {
  const { paths, components } = document;
  if ('webhooks' in document || '$defs' in document) return false;
  if (!isObject(paths) || !isObject(components) || !isObject(components.schemas)) return false;
  if (Object.keys(paths).length === 0 || Object.keys(components.schemas).length === 0) return false;
  if (CONVERTED_COMPONENT_KINDS.some((k) => k in components)) return false;
  if (Object.values(paths).some((item) => !isObject(item) || '$ref' in item)) return false;
  return !hasDiscriminator(document);
}

/** Remembered pieces: component schemas by their object, path items by their first value (the item itself is new each build). */
const schemaPieces = new WeakMap<object, { name: string; piece: Piece }>();
const pathPieces = new WeakMap<object, { url: string; entries: [string, unknown][]; piece: Piece }>();

function stillValid(piece: Piece, resolve: (ref: string) => unknown): boolean {
  return piece.lookups.every(([ref, target]) => resolve(ref) === target);
}

/**
 * openapi-typescript's text for some of the document's path items or
 * component schemas, converted as a document of their own in the context of
 * the whole one (`ctx`: its options and `$ref` resolver), cut out of the
 * frame around them; undefined when the text is not in the frame expected.
 */
export function convertPart(kind: 'paths' | 'schemas', entries: [string, unknown][], ctx: Record<string, unknown>): { member: string; operations: string } | undefined {
  const { transformSchema, astToString } = requireOpenapiTypescriptTransform();
  const part = kind === 'paths' ? { paths: Object.fromEntries(entries) } : { components: { schemas: Object.fromEntries(entries) } };
  const text = astToString(transformSchema(part as never, { ...ctx, injectFooter: [] } as never));
  return kind === 'paths' ? cutPath(text) : cutSchema(text);
}

/** Converts one piece (or chunk), recording the identifier types it uses and the `$ref`s it looks up. */
function convert(kind: 'paths' | 'schemas', entries: [string, unknown][], base: Record<string, unknown>): Piece | undefined {
  const resolve = base.resolve as (ref: string) => unknown;
  const used = new Set<string>();
  const lookups: [string, unknown][] = [];
  const parts = convertPart(kind, entries, {
    ...base,
    transform: pathsOptions(used).transform,
    resolve(ref: string) {
      const target = resolve(ref);
      lookups.push([ref, target]);
      return target;
    },
  });
  return parts && { ...parts, used: [...used], lookups };
}

function cutPath(text: string): { member: string; operations: string } | undefined {
  if (!text.startsWith(PATHS_OPEN)) return undefined;
  const end = text.indexOf(`\n${PATH_PIECE_REST}`);
  if (end < 0) return undefined;
  const member = text.slice(PATHS_OPEN.length, end + 1);
  const rest = text.slice(end + 1 + PATH_PIECE_REST.length);
  if (rest === EMPTY('operations')) return { member, operations: '' };
  if (rest.startsWith(OPERATIONS_OPEN) && rest.endsWith('\n}\n')) return { member, operations: rest.slice(OPERATIONS_OPEN.length, -2) };
  return undefined;
}

function cutSchema(text: string): { member: string; operations: string } | undefined {
  if (!text.startsWith(SCHEMA_PIECE_HEAD) || !text.endsWith(SCHEMA_PIECE_TAIL)) return undefined;
  return { member: text.slice(SCHEMA_PIECE_HEAD.length, text.length - SCHEMA_PIECE_TAIL.length), operations: '' };
}

function sameEntries(a: [string, unknown][], b: [string, unknown][]): boolean {
  return a.length === b.length && a.every(([k, v], i) => b[i]![0] === k && b[i]![1] === v);
}

export interface PiecewiseResult {
  /** The declarations openapi-typescript prints for the whole document. */
  body: string;
  /** The identifier types they use. */
  used: Set<string>;
  /** How many pieces were converted (the others were remembered). */
  converted: number;
}

/**
 * The document's declarations assembled from pieces, or undefined when it
 * must be converted whole. `remembers` says which objects are never changed
 * once made, so that pieces may be remembered by them: the objects the
 * OpenAPI generator shares between builds.
 */
export function piecewisePaths(document: Json, remembers: (o: object) => boolean = isSharedOpenApiObject): PiecewiseResult | undefined {
  if (!piecewiseShape(document)) return undefined;
  const base = transformContext(document, pathsOptions(new Set()));
  const resolve = base.resolve as (ref: string) => unknown;
  const used = new Set<string>();
  let converted = 0;
  const pathMembers: string[] = [];
  const operationMembers: string[] = [];
  for (const [url, item] of Object.entries(document.paths as Record<string, Json>)) {
    const entries = Object.entries(item);
    const anchor = entries.find(([, v]) => isObject(v))?.[1] as object | undefined;
    const known = anchor && pathPieces.get(anchor);
    let piece = known && known.url === url && sameEntries(known.entries, entries) && stillValid(known.piece, resolve) ? known.piece : undefined;
    if (!piece) {
      piece = convert('paths', [[url, item]], base);
      if (!piece) return undefined;
      converted++;
      // Only objects shared between builds are never changed once made (an item's values: its operations).
      if (anchor && entries.every(([, v]) => isObject(v) && remembers(v))) pathPieces.set(anchor, { url, entries, piece });
    }
    pathMembers.push(piece.member);
    operationMembers.push(piece.operations);
    for (const u of piece.used) used.add(u);
  }
  const schemaMembers: string[] = [];
  for (const [name, schema] of Object.entries((document.components as Json).schemas as Record<string, unknown>)) {
    const known = isObject(schema) ? schemaPieces.get(schema) : undefined;
    let piece = known && known.name === name && stillValid(known.piece, resolve) ? known.piece : undefined;
    if (!piece) {
      piece = convert('schemas', [[name, schema]], base);
      if (!piece) return undefined;
      converted++;
      if (isObject(schema) && remembers(schema)) schemaPieces.set(schema, { name, piece });
    }
    schemaMembers.push(piece.member);
    for (const u of piece.used) used.add(u);
  }
  return { body: frame(pathMembers, operationMembers, schemaMembers), used, converted };
}

/** The declarations the whole conversion prints around the members of `paths`, `operations` and `components.schemas`. */
export function frame(pathMembers: string[], operationMembers: string[], schemaMembers: string[]): string {
  const operations = operationMembers.join('');
  return PATHS_OPEN + pathMembers.join('') + `}\n${EMPTY('webhooks')}`
    + SCHEMAS_OPEN + schemaMembers.join('') + SCHEMAS_CLOSE + EMPTY('$defs')
    + (operations ? `${OPERATIONS_OPEN}${operations}}\n` : EMPTY('operations'));
}

/** paths.d.ts of the document, from pieces where it can be taken apart (else converted whole). */
export function piecewisePathsDeclarations(document: Json): string {
  return pathsFile(piecewisePaths(document) ?? wholeDocument(document));
}

/**
 * How many path items and component schemas one conversion of a document
 * takes. openapi-typescript builds the syntax tree of everything it is
 * given before printing it: for the 50× spec's document that is ~70 MB
 * live in the types worker, at the moment the build's memory peaks (the
 * worker converts the second edition while the main thread makes the
 * OpenAPI texts). In chunks the tree of one chunk is alive at a time, and
 * the conversion is faster too, at every size (less to collect, and the
 * printer's work grows faster than its input): shipped spec ~27 → ~16 ms
 * for both editions, 10× ~194 → ~163 ms (warm, in-process); with fewer
 * members per chunk, each conversion's own cost starts to show.
 */
export const CHUNK = { paths: 64, schemas: 256 } as const;

/**
 * The declarations of the document converted a chunk of path items or
 * component schemas at a time (each chunk a document of its own, with the
 * context of the whole one, as the pieces above), or undefined when it
 * cannot be taken apart. The members of a chunk sit at the depth they have
 * in the whole document, so the text is the whole conversion's, byte for
 * byte (test/types/paths-pieces.test.ts).
 */
export function chunkedPaths(document: Json, chunk: { paths: number; schemas: number } = CHUNK): PiecewiseResult | undefined {
  if (!piecewiseShape(document)) return undefined;
  const base = transformContext(document, pathsOptions(new Set()));
  const used = new Set<string>();
  let converted = 0;
  const pathMembers: string[] = [];
  const operationMembers: string[] = [];
  const schemaMembers: string[] = [];
  const paths = Object.entries(document.paths as Record<string, Json>);
  for (let i = 0; i < paths.length; i += chunk.paths) {
    const piece = convert('paths', paths.slice(i, i + chunk.paths), base);
    if (!piece) return undefined;
    converted++;
    pathMembers.push(piece.member);
    operationMembers.push(piece.operations);
    for (const u of piece.used) used.add(u);
  }
  const schemas = Object.entries((document.components as Json).schemas as Record<string, unknown>);
  for (let i = 0; i < schemas.length; i += chunk.schemas) {
    const piece = convert('schemas', schemas.slice(i, i + chunk.schemas), base);
    if (!piece) return undefined;
    converted++;
    schemaMembers.push(piece.member);
    for (const u of piece.used) used.add(u);
  }
  return { body: frame(pathMembers, operationMembers, schemaMembers), used, converted };
}
