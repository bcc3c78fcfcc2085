/**
 * paths.d.ts for a one-shot build. The types worker converts the editions'
 * documents one after the other, and the second is mostly the first: the
 * editions share most RPCs and schemas. So the members of a document's
 * declarations — a path item with its operations, a component schema — are
 * taken from the last document's conversion wherever openapi-typescript
 * would print them the same, and only the others are converted, in chunks
 * (paths-pieces.ts). A member prints the same when its JSON text is the
 * same and so is that of every schema it reaches through `$ref`: those are
 * all its conversion can read (an `allOf` member's properties decide which
 * keys a `WithRequired` needs).
 *
 * To be taken again, a converted chunk is cut into its members: each starts
 * at its doc comment or key and ends at the first line at its own
 * indentation that ends in `;`, and must carry the key of the path or
 * schema it was converted from; an operation goes with the path item whose
 * text refers to it. Anything else (a chunk whose members cannot be told
 * apart, a type used by no member) and the document is converted in chunks
 * as before, with nothing remembered. test/types/paths-one-shot.test.ts
 * requires every result to equal the whole conversion byte for byte.
 *
 * `mxspec watch` remembers pieces by the objects they come from instead
 * (piecewisePaths), since its documents share objects between builds.
 */
import { createHash } from 'node:crypto';
import { requireOpenapiTypescriptTransform } from './commonjs.js';
import { pathsOptions, transformContext, wholeDocument } from './paths.js';
import { CHUNK, chunkedPaths, convertPart, frame, piecewiseShape } from './paths-pieces.js';

type Json = Record<string, unknown>;

/** What the conversion of a document reads of one member: a digest of its JSON text, and the schemas it refers to. */
export interface MemberSource {
  digest: string;
  /** Names of the component schemas its `$ref`s point into. */
  refs: string[];
  /** Whether a `$ref` points anywhere but into a component schema. */
  foreignRef: boolean;
}

/** One member of the declarations, as a conversion printed it. */
interface Member {
  digest: string;
  /** Its member of `paths` or of `components.schemas`, lines ending in newlines. */
  text: string;
  /** Its members of `operations` (path items only). */
  operations: string;
  /** The identifier types it imports from index.d.ts. */
  used: readonly string[];
}

export interface DocumentSources {
  /** A hash of every part the transform reads: equal for two documents it converts to the same text. */
  key: string;
  paths: Map<string, MemberSource>;
  schemas: Map<string, MemberSource>;
}

/**
 * The parts of a document openapi-typescript's transform reads: it converts
 * these four, and its `$ref`s point into them (components).
 */
const CONVERTED_PARTS = ['paths', 'webhooks', 'components', '$defs'] as const;

const REF = /"\$ref":("(?:[^"\\]|\\.)*")/g;
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)(?:\/|$)/;

function memberSource(json: string): MemberSource {
  const refs = new Set<string>();
  let foreignRef = false;
  for (const m of json.matchAll(REF)) {
    const ref = JSON.parse(m[1]!) as string;
    const name = SCHEMA_REF.exec(ref)?.[1];
    // A name with a percent sign may be URL-encoded, and the resolver might decode it: not followed, never taken again.
    if (name === undefined || name.includes('%')) foreignRef = true;
    else refs.add(name.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return { digest: createHash('sha256').update(json).digest('base64'), refs: [...refs], foreignRef };
}

/**
 * Reads what the transform reads of a document: each member of each part
 * (and each component of `components`) once, as JSON text, for its digest
 * and `$ref`s. The key hashes the digests, never a whole text (14 MB at 50×,
 * where the worker's memory peaks during the second conversion).
 */
export function documentSources(document: Json): DocumentSources {
  const hash = createHash('sha256');
  const paths = new Map<string, MemberSource>();
  const schemas = new Map<string, MemberSource>();
  const add = (name: string, json: string | undefined, into?: Map<string, MemberSource>): void => {
    const source = json === undefined ? undefined : memberSource(json);
    hash.update(`${JSON.stringify(name)}\u0000${source?.digest ?? 'undefined'}\u0000`);
    if (source && into) into.set(name, source);
  };
  for (const part of CONVERTED_PARTS) {
    const value = document[part];
    hash.update(`\u0000${part}\u0000`);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      hash.update(JSON.stringify(value) ?? 'undefined');
      continue;
    }
    for (const [name, member] of Object.entries(value)) {
      if (part !== 'components' || member === null || typeof member !== 'object' || Array.isArray(member)) {
        add(name, JSON.stringify(member), part === 'paths' ? paths : undefined);
        continue;
      }
      // components: one level further (component kind, then each component), as the schemas are most of it.
      hash.update(`${JSON.stringify(name)}\u0001`);
      for (const [n, c] of Object.entries(member)) add(n, JSON.stringify(c), name === 'schemas' ? schemas : undefined);
      hash.update('\u0001');
    }
  }
  return { key: hash.digest('base64'), paths, schemas };
}

/**
 * The schemas whose members may be taken from the last document: the same
 * JSON there, and every schema they refer to such a schema too (the
 * greatest such set: cycles among unchanged schemas stay in it).
 */
export function settledSchemas(schemas: ReadonlyMap<string, MemberSource>, last: ReadonlyMap<string, { digest: string }>): Set<string> {
  const settled = new Set<string>();
  const referrers = new Map<string, string[]>();
  const unsettled: string[] = [];
  for (const [name, source] of schemas) {
    for (const ref of source.refs) {
      const list = referrers.get(ref);
      if (list) list.push(name);
      else referrers.set(ref, [name]);
    }
    if (last.get(name)?.digest === source.digest && !source.foreignRef && source.refs.every((r) => schemas.has(r))) settled.add(name);
    else unsettled.push(name);
  }
  for (let name = unsettled.pop(); name !== undefined; name = unsettled.pop()) {
    for (const referrer of referrers.get(name) ?? []) if (settled.delete(referrer)) unsettled.push(referrer);
  }
  return settled;
}

/**
 * The members of an interface's body printed at `indent` spaces, or
 * undefined when the body is not a run of such members. A member starts
 * where the last one ended (its doc comment, if any, then its key) and ends
 * with the first line at its indentation that ends in `;`: lines inside it
 * are indented further, and a doc comment's lines either are too or end in
 * `*\/`.
 */
export function splitMembers(body: string, indent: number): string[] | undefined {
  const members: string[] = [];
  let start = 0;
  for (let pos = 0; pos < body.length;) {
    const eol = body.indexOf('\n', pos);
    if (eol < 0) return undefined;
    if (eol > pos + indent && body.charCodeAt(eol - 1) === 59 /* ; */ && atIndent(body, pos, indent)) {
      members.push(body.slice(start, eol + 1));
      start = eol + 1;
    }
    pos = eol + 1;
  }
  return start === body.length ? members : undefined;
}

/** Whether the line at `pos` starts with exactly `indent` spaces. */
function atIndent(text: string, pos: number, indent: number): boolean {
  for (let i = 0; i < indent; i++) if (text.charCodeAt(pos + i) !== 32) return false;
  return text.charCodeAt(pos + indent) !== 32;
}

/** The key a member's text declares (after its doc comment), or undefined. */
export function memberKey(member: string, indent: number): string | undefined {
  for (let pos = 0; pos < member.length;) {
    let eol = member.indexOf('\n', pos);
    if (eol < 0) eol = member.length;
    const line = member.slice(pos + indent, eol);
    if (atIndent(member, pos, indent) && !line.startsWith('/**')) {
      if (line.startsWith('"')) {
        const end = /^"(?:[^"\\]|\\.)*"/.exec(line)?.[0];
        return end === undefined ? undefined : stringLiteral(end);
      }
      return /^([^?:\s]+)\??:/.exec(line)?.[1];
    }
    pos = eol + 1;
  }
  return undefined;
}

const OPERATION_REF = /operations\["((?:[^"\\]|\\.)*)"\]/g;

/** The value of a double-quoted literal as the printer wrote it, or undefined for an escape JSON does not share (the member is then not cut). */
function stringLiteral(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/**
 * Converts a chunk of path items or component schemas and cuts the text
 * into one member per entry, each with the identifier types it uses; or
 * undefined when the text cannot be cut so.
 */
function convertChunk(entries: [string, unknown][], kind: 'paths' | 'schemas', base: Json, sources: Map<string, MemberSource>): Member[] | undefined {
  const { createRef } = requireOpenapiTypescriptTransform();
  const depth = kind === 'paths' ? 3 : 4; // #/paths/{url}, #/components/schemas/{name}
  const at = new Map(entries.map(([name], i) => [createRef(kind === 'paths' ? ['paths', name] : ['components', 'schemas', name]), i]));
  const used = entries.map(() => new Set<string>());
  let stray = false;
  const options = pathsOptions(new Set(), (type, pointer) => {
    const i = pointer === undefined ? undefined : at.get(pointer.split('/').slice(0, depth).join('/'));
    if (i === undefined) stray = true;
    else used[i]!.add(type);
  });
  const parts = convertPart(kind, entries, { ...base, transform: options.transform });
  if (!parts || stray) return undefined;
  const indent = kind === 'paths' ? 4 : 8;
  const texts = splitMembers(parts.member, indent);
  if (!texts || texts.length !== entries.length) return undefined;
  if (texts.some((t, i) => memberKey(t, indent) !== entries[i]![0])) return undefined;
  const operations = entries.map(() => '');
  if (parts.operations) {
    const owner = new Map<string, number>();
    for (const [i, t] of texts.entries()) {
      for (const m of t.matchAll(OPERATION_REF)) {
        const id = stringLiteral(`"${m[1]!}"`);
        if (id === undefined || (owner.has(id) && owner.get(id) !== i)) return undefined;
        owner.set(id, i);
      }
    }
    for (const op of splitMembers(parts.operations, 4) ?? []) {
      const key = memberKey(op, 4);
      const i = key === undefined ? undefined : owner.get(key);
      if (i === undefined) return undefined;
      operations[i] += op;
    }
    // Each path item's operations must be a run of the text, in path order.
    if (operations.join('') !== parts.operations) return undefined;
  }
  return entries.map(([name], i) => ({ digest: sources.get(name)!.digest, text: texts[i]!, operations: operations[i]!, used: [...used[i]!] }));
}

/** The last document's members, by path and by schema name. */
let lastMembers: { paths: Map<string, Member>; schemas: Map<string, Member> } | undefined;

export interface MemberResult {
  body: string;
  used: Set<string>;
  /** Chunks converted. */
  converted: number;
  /** Members taken from the last document. */
  reused: number;
}

/**
 * The document's declarations, members taken from the last document where
 * they print the same and the rest converted in chunks; undefined when the
 * document cannot be taken apart or a chunk cannot be cut into members.
 */
export function memberDeclarations(document: Json, sources: DocumentSources, chunk: { paths: number; schemas: number } = CHUNK): MemberResult | undefined {
  if (!piecewiseShape(document)) return undefined;
  const last = lastMembers ?? { paths: new Map<string, Member>(), schemas: new Map<string, Member>() };
  const settled = settledSchemas(sources.schemas, last.schemas);
  const base = transformContext(document, pathsOptions(new Set()));
  let converted = 0;
  let reused = 0;

  const members = (kind: 'paths' | 'schemas', entries: [string, unknown][], size: number): Member[] | undefined => {
    const own = kind === 'paths' ? sources.paths : sources.schemas;
    const previous = kind === 'paths' ? last.paths : last.schemas;
    const result: (Member | undefined)[] = entries.map(([name]) => {
      const source = own.get(name)!;
      const known = previous.get(name);
      const same = kind === 'schemas'
        ? settled.has(name)
        : known?.digest === source.digest && !source.foreignRef && source.refs.every((r) => settled.has(r));
      return same ? known : undefined;
    });
    const fresh = entries.filter((_, i) => !result[i]);
    reused += entries.length - fresh.length;
    const made: Member[] = [];
    for (let i = 0; i < fresh.length; i += size) {
      const chunkMembers = convertChunk(fresh.slice(i, i + size), kind, base, own);
      if (!chunkMembers) return undefined;
      converted++;
      made.push(...chunkMembers);
    }
    let next = 0;
    return result.map((m) => m ?? made[next++]!);
  };

  const pathEntries = Object.entries(document.paths as Json);
  const schemaEntries = Object.entries((document.components as Json).schemas as Json);
  const paths = members('paths', pathEntries, chunk.paths);
  const schemas = paths && members('schemas', schemaEntries, chunk.schemas);
  if (!paths || !schemas) return undefined;
  const used = new Set<string>();
  for (const m of paths) for (const u of m.used) used.add(u);
  for (const m of schemas) for (const u of m.used) used.add(u);
  lastMembers = {
    paths: new Map(pathEntries.map(([url], i) => [url, paths[i]!])),
    schemas: new Map(schemaEntries.map(([name], i) => [name, schemas[i]!])),
  };
  const body = frame(paths.map((m) => m.text), paths.map((m) => m.operations), schemas.map((m) => m.text));
  return { body, used, converted, reused };
}

/**
 * The last conversion of documentDeclarations, by its key. Two editions
 * that differ only outside the converted parts (an imported spec, before
 * its editions diverge: `info` alone differs) convert once: the second
 * edition's paths.d.ts costs the digests instead of a conversion.
 */
let lastConversion: { key: string; body: string; used: readonly string[] } | undefined;

/**
 * The declarations of a document for a one-shot build: the last result
 * again when the converted parts are the same, else member by member
 * (above), else in chunks with nothing taken from before, or whole when the
 * document cannot be taken apart.
 */
export function documentDeclarations(document: Json, chunk: { paths: number; schemas: number } = CHUNK): { body: string; used: Set<string> } {
  const sources = documentSources(document);
  if (lastConversion?.key === sources.key) return { body: lastConversion.body, used: new Set(lastConversion.used) };
  const { body, used } = memberDeclarations(document, sources, chunk) ?? chunkedPaths(document, chunk) ?? wholeDocument(document);
  lastConversion = { key: sources.key, body, used: [...used] };
  return { body, used };
}

/** Forgets the last document's members and conversion (tests; a process done with types may want the memory back). */
export function forgetConversions(): void {
  lastMembers = undefined;
  lastConversion = undefined;
}
