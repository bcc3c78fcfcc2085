/**
 * Validated YAML files to IR elements, one function per source kind. Each
 * returns the elements it found; duplicates and references are the checks'
 * business, not the parser's.
 */
import type {
  Author, BindingGroup, ContentBlock, EduType, Edition, EditionId, EventType, HttpBinding, HttpMethod,
  NamedSchema, Reference, RoomVersion, Rpc, RpcError, RpcExample, RpcGroup, Rule, SchemaNode, SourceLocation,
} from '../ir/types.js';
import { SOURCE_SCHEMAS } from '../source-format/schemas.js';
import { parseSchemaNode } from './schema-node.js';
import { isRaw, parsePort, parseScope, type ParseContext, type Raw } from './yaml-context.js';

type Defs = Record<string, { properties: Record<string, unknown> }>;
const keysOf = (kind: keyof typeof SOURCE_SCHEMAS, def: string): string[] =>
  Object.keys((SOURCE_SCHEMAS[kind].$defs as Defs)[def]!.properties);

const RPC_KEYS = keysOf('rpc-group', 'rpc');
const BINDING_KEYS = keysOf('binding-group', 'binding');
const NODE_KEYS = keysOf('schema-set', 'schemaNode');
const RULE_KEYS = keysOf('room-version', 'rule');

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

// ------------------------------------------------------------------ editions

export function parseEditions(ctx: ParseContext): { editions: Partial<Record<EditionId, Edition>>; authors: Record<string, Author> } {
  const root = ctx.doc.value as Raw;
  const editions: Partial<Record<EditionId, Edition>> = {};
  const eds = root.editions as Raw;
  for (const id of ['ietf', 'matrix-org'] as EditionId[]) {
    const e = eds[id] as Raw;
    const documents: Edition['documents'] = {};
    for (const [docId, d] of Object.entries((e.documents as Raw) ?? {})) {
      const dr = (d ?? {}) as Raw;
      documents[docId] = { loc: ctx.doc.keyLoc(e.documents, docId) };
      if (typeof dr.docName === 'string') documents[docId]!.docName = dr.docName;
      if (typeof dr.revision === 'number') documents[docId]!.revision = dr.revision;
    }
    editions[id] = {
      id,
      label: e.label as string,
      version: String(e.version),
      baseline: String(e.baseline),
      date: String(e.date),
      roomVersions: Object.fromEntries(Object.entries((e.roomVersions as Raw) ?? {}).map(([k, v]) => [k, String(v)])),
      roomVersionLocs: Object.fromEntries(Object.keys((e.roomVersions as Raw) ?? {}).map((k) => [k, ctx.doc.keyLoc(e.roomVersions, k)])),
      documents,
      loc: ctx.doc.keyLoc(eds, id),
    };
  }
  const authors: Record<string, Author> = {};
  for (const [id, a] of Object.entries((root.authors as Raw) ?? {})) {
    const ar = a as Raw;
    const author: Author = { id, name: ar.name as string, fullname: ar.fullname as string, loc: ctx.doc.keyLoc(root.authors, id) };
    if (typeof ar.organization === 'string') author.organization = ar.organization;
    if (typeof ar.email === 'string') author.email = ar.email;
    authors[id] = author;
  }
  return { editions, authors };
}

// ------------------------------------------------------------------ references

export function parseReferences(ctx: ParseContext): Reference[] {
  const refs = (ctx.doc.value as Raw).references as Raw;
  return Object.entries(refs).map(([id, r]) => {
    const rr = r as Raw;
    const ref: Reference = {
      id,
      title: rr.title as string,
      authors: (rr.authors as Reference['authors']) ?? [],
      date: String(rr.date),
      series: (rr.series as Reference['series']) ?? [],
      status: rr.status as Reference['status'],
      loc: ctx.doc.keyLoc(refs, id),
    };
    if (typeof rr.target === 'string') ref.target = rr.target;
    if (Array.isArray(rr.obsoletedBy)) ref.obsoletedBy = rr.obsoletedBy as string[];
    return ref;
  });
}

// ------------------------------------------------------------------ RPCs

export function parseRpcGroup(ctx: ParseContext): { group: RpcGroup; rpcs: Rpc[] } {
  const root = ctx.doc.value as Raw;
  const g = root.group as Raw;
  const group: RpcGroup = { id: g.id as string, title: g.title as string, document: g.document as string, loc: ctx.doc.locOf(g) };
  if (typeof g.description === 'string') group.description = g.description;
  const rpcsRaw = root.rpcs as Raw;
  const rpcs: Rpc[] = [];
  for (const [name, r] of Object.entries(rpcsRaw)) {
    const loc = ctx.doc.keyLoc(rpcsRaw, name);
    const build = (raw: Raw): Rpc => {
      const request = parseSchemaNode(ctx, raw.request, false, { parent: raw, key: 'request' });
      if (request.type !== 'object') {
        ctx.diags.add('MX6006', 'an RPC request must be an object schema (the fields of the call)', ctx.doc.valueLoc(raw, 'request'));
      }
      const errors: RpcError[] = ((raw.errors as Raw[] | undefined) ?? []).map((e, i) => {
        const err: RpcError = { code: e.code as string, description: e.description as string, loc: ctx.doc.valueLoc(raw.errors, i) };
        if (Array.isArray(e.editions)) err.editions = e.editions as EditionId[];
        const port = parsePort(ctx, e.port);
        if (port) err.port = port;
        return err;
      });
      const examples: RpcExample[] = ((raw.examples as Raw[] | undefined) ?? []).map((e, i) => {
        const ex: RpcExample = { name: e.name as string, loc: ctx.doc.valueLoc(raw.examples, i) };
        if ('request' in e) ex.request = e.request;
        if ('response' in e) ex.response = e.response;
        return ex;
      });
      const rpc: Rpc = {
        name,
        group: group.id,
        summary: raw.summary as string,
        roomVersionDependent: raw.roomVersionDependent === true,
        request: (request.type === 'object' ? request : { type: 'object', properties: [], loc: request.loc }) as Rpc['request'],
        response: parseSchemaNode(ctx, raw.response, false, { parent: raw, key: 'response' }),
        errors,
        examples,
        loc,
      };
      if (typeof raw.description === 'string') rpc.description = raw.description;
      return rpc;
    };
    const raw = r as Raw;
    rpcs.push(Object.assign(build(raw), parseScope(ctx, raw, RPC_KEYS, build)));
  }
  return { group, rpcs };
}

// ------------------------------------------------------------------ bindings

const PATH_PARAM = /\{([^{}]+)\}/g;

export function parseBindingGroup(ctx: ParseContext): { group: BindingGroup; bindings: HttpBinding[] } {
  const root = ctx.doc.value as Raw;
  const g = root.group as Raw;
  const group: BindingGroup = { id: g.id as string, document: g.document as string, loc: ctx.doc.locOf(g) };
  if (typeof g.title === 'string') group.title = g.title;
  const raws = root.bindings as Raw;
  const bindings: HttpBinding[] = [];
  for (const [rpc, b] of Object.entries(raws)) {
    const loc = ctx.doc.keyLoc(raws, rpc);
    const build = (raw: Raw): HttpBinding => {
      const path = raw.path as string;
      const binding: HttpBinding = {
        rpc,
        group: group.id,
        method: raw.method as HttpMethod,
        path,
        pathParams: [...path.matchAll(PATH_PARAM)].map((m) => m[1]!),
        query: (raw.query as string[] | undefined) ?? [],
        headers: (raw.headers as Record<string, string> | undefined) ?? {},
        body: str(raw.body) ?? 'fields',
        auth: (raw.auth as HttpBinding['auth'] | undefined) ?? 'x-matrix',
        rateLimited: raw.rateLimited === true,
        status: (raw.status as number | undefined) ?? 200,
        responseContentType: str(raw.responseContentType) ?? 'application/json',
        errors: (raw.errors as Record<string, number> | undefined) ?? {},
        loc,
      };
      if (typeof raw.description === 'string') binding.description = raw.description;
      const entries = (obj: unknown, names: string[]): Record<string, SourceLocation> =>
        Object.fromEntries(names.map((name, i) => [name, ctx.doc.keyLoc(obj, Array.isArray(obj) ? i : name)]));
      binding.fieldLocs = {
        path: ctx.doc.valueLoc(raw, 'path'),
        query: entries(raw.query, binding.query),
        headers: entries(raw.headers, Object.keys(binding.headers)),
        errors: entries(raw.errors, Object.keys(binding.errors)),
      };
      return binding;
    };
    const raw = b as Raw;
    bindings.push(Object.assign(build(raw), parseScope(ctx, raw, BINDING_KEYS, build)));
  }
  return { group, bindings };
}

// ------------------------------------------------------------------ schemas

export function parseSchemaSet(ctx: ParseContext, fileStem: string): NamedSchema[] {
  const raws = (ctx.doc.value as Raw).schemas as Raw;
  const out: NamedSchema[] = [];
  for (const [name, s] of Object.entries(raws)) {
    const loc = ctx.doc.keyLoc(raws, name);
    const build = (raw: Raw): NamedSchema => ({ name, file: fileStem, schema: parseSchemaNode(ctx, raw, true, { parent: raws, key: name }), loc });
    const raw = s as Raw;
    const named = build(raw);
    // Scope lives on the NamedSchema; the node itself keeps only its shape.
    delete named.schema.editions;
    delete named.schema.port;
    out.push(Object.assign(named, parseScope(ctx, raw, NODE_KEYS, (m) => {
      const v = build(m);
      delete v.schema.editions;
      delete v.schema.port;
      return v;
    })));
  }
  return out;
}

// ------------------------------------------------------------------ events

export function parseEventSet(ctx: ParseContext): { blocks: ContentBlock[]; eventTypes: EventType[]; eduTypes: EduType[] } {
  const root = ctx.doc.value as Raw;
  const blocks: ContentBlock[] = [];
  const eventTypes: EventType[] = [];
  const eduTypes: EduType[] = [];
  const blockKeys = Object.keys(((SOURCE_SCHEMAS['event-set'].properties as Raw).contentBlocks as { additionalProperties: { properties: Raw } }).additionalProperties.properties);
  const eventKeys = Object.keys(((SOURCE_SCHEMAS['event-set'].properties as Raw).eventTypes as { additionalProperties: { properties: Raw } }).additionalProperties.properties);
  const eduKeys = Object.keys(((SOURCE_SCHEMAS['event-set'].properties as Raw).eduTypes as { additionalProperties: { properties: Raw } }).additionalProperties.properties);

  const cb = (root.contentBlocks as Raw | undefined) ?? {};
  for (const [name, r] of Object.entries(cb)) {
    const loc = ctx.doc.keyLoc(cb, name);
    const build = (raw: Raw): ContentBlock => {
      const b: ContentBlock = { name, description: raw.description as string, schema: parseSchemaNode(ctx, raw.schema, false, { parent: raw, key: 'schema' }), loc };
      if (Array.isArray(raw.examples)) b.examples = raw.examples;
      return b;
    };
    blocks.push(Object.assign(build(r as Raw), parseScope(ctx, r as Raw, blockKeys, build)));
  }
  const et = (root.eventTypes as Raw | undefined) ?? {};
  for (const [name, r] of Object.entries(et)) {
    const loc = ctx.doc.keyLoc(et, name);
    const build = (raw: Raw): EventType => {
      const e: EventType = {
        name,
        kind: raw.kind as EventType['kind'],
        registrar: str(raw.registrar) ?? 'matrix-org',
        description: raw.description as string,
        content: parseSchemaNode(ctx, raw.content, false, { parent: raw, key: 'content' }),
        loc,
      };
      if (isRaw(raw.stateKey)) e.stateKey = raw.stateKey as EventType['stateKey'];
      if (e.kind === 'state' && !e.stateKey) {
        ctx.diags.add('MX1103', `state event type "${name}" needs "stateKey"`, loc);
      }
      if (isRaw(raw.msgtypes)) {
        const mt = raw.msgtypes;
        e.msgtypes = Object.entries(mt).map(([mname, s]) => ({
          name: mname,
          schema: parseSchemaNode(ctx, s, false, { parent: mt, key: mname }),
          loc: ctx.doc.keyLoc(mt, mname),
        }));
      }
      if (Array.isArray(raw.examples)) e.examples = raw.examples;
      return e;
    };
    eventTypes.push(Object.assign(build(r as Raw), parseScope(ctx, r as Raw, eventKeys, build)));
  }
  const edu = (root.eduTypes as Raw | undefined) ?? {};
  for (const [name, r] of Object.entries(edu)) {
    const loc = ctx.doc.keyLoc(edu, name);
    const build = (raw: Raw): EduType => {
      const e: EduType = { name, description: raw.description as string, content: parseSchemaNode(ctx, raw.content, false, { parent: raw, key: 'content' }), loc };
      if (Array.isArray(raw.examples)) e.examples = raw.examples;
      return e;
    };
    eduTypes.push(Object.assign(build(r as Raw), parseScope(ctx, r as Raw, eduKeys, build)));
  }
  return { blocks, eventTypes, eduTypes };
}

// ------------------------------------------------------------------ room versions

function parseRules(ctx: ParseContext, list: unknown): Rule[] {
  if (!Array.isArray(list)) return [];
  return list.map((r, i) => {
    const raw = r as Raw;
    const loc = ctx.doc.valueLoc(list, i);
    const build = (m: Raw): Rule => ({ id: m.id as string, text: m.text as string, steps: parseRules(ctx, m.steps), loc });
    return Object.assign(build(raw), parseScope(ctx, raw, RULE_KEYS, build));
  });
}

export function parseRoomVersion(ctx: ParseContext): RoomVersion {
  const rv = (ctx.doc.value as Raw).roomVersion as Raw;
  const rvKeys = Object.keys(((SOURCE_SCHEMAS['room-version'].properties as Raw).roomVersion as { properties: Raw }).properties);
  const build = (raw: Raw): RoomVersion => {
    const red = raw.redaction as Raw;
    const sr = (raw.stateResolution as Raw | undefined) ?? { algorithm: 'unspecified' };
    const sg = (raw.signing as Raw | undefined) ?? {};
    const kv = (raw.keyValidity as Raw | undefined) ?? {};
    return {
      id: String(raw.id),
      stability: (raw.stability as RoomVersion['stability'] | undefined) ?? 'stable',
      description: raw.description as string,
      envelope: raw.envelope as string,
      eventIdFormat: (raw.eventIdFormat as Record<string, string> | undefined) ?? {},
      roomIdFormat: (raw.roomIdFormat as Record<string, string> | undefined) ?? {},
      redaction: { keepTopLevel: (red.keepTopLevel as string[]) ?? [], keepContent: (red.keepContent as Record<string, string[]> | undefined) ?? {} },
      authRules: parseRules(ctx, raw.authRules),
      stateResolution: { algorithm: String(sr.algorithm), rules: parseRules(ctx, sr.rules) },
      signing: { hash: str(sg.hash) ?? 'sha256', signature: str(sg.signature) ?? 'ed25519', rules: parseRules(ctx, sg.rules) },
      keyValidity: { rules: parseRules(ctx, kv.rules) },
      loc: ctx.doc.keyLoc(ctx.doc.value, 'roomVersion'),
    };
  };
  return Object.assign(build(rv), parseScope(ctx, rv, rvKeys, build));
}

export type { SchemaNode };
