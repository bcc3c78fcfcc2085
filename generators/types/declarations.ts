/**
 * The text of index.d.ts for one edition: identifier types, a type per named
 * schema (with request/response shapes where readOnly/writeOnly make them
 * differ), content blocks, event content with discriminated unions, EDUs,
 * RPC request/response types and the FederationApi map. Written in one pass
 * into a single CodeBlockWriter.
 */
import type { CodeBlockWriter } from 'ts-morph';
import type { EditionModel, EventType, Rpc } from '../../src/ir/types.js';
import { writeDoc } from './jsdoc.js';
import {
  blockTypeName, eduContentTypeName, eventContentTypeName, FORMAT_TYPES, msgtypeContentTypeName, READ_SUFFIX,
  pascal, roomEventTypeName, rpcRequestTypeName, rpcResponseTypeName, stringLiteral, WRITE_SUFFIX,
} from './naming.js';
import { readWriteSplit, type ReadWriteSplit } from './read-write.js';
import { requestLayout } from '../openapi/request-layout.js';
import { writeNamedType, writeType, type Mode, type TypeContext } from './type-writer.js';
import type { DeclarationText } from './declaration-text.js';
import { firstWith } from '../../src/ir/lookup.js';

const IDENTIFIERS: { name: string; type: string; doc: string }[] = [
  { name: FORMAT_TYPES['user-id'], type: '`@${string}:${string}`', doc: 'A user ID: `@localpart:server.name`.' },
  { name: FORMAT_TYPES['room-id'], type: '`!${string}`', doc: 'A room ID: `!` and an opaque part (in room version 12 the reference hash of the create event).' },
  { name: FORMAT_TYPES['event-id'], type: '`$${string}`', doc: 'An event ID: `$` and an opaque part (the reference hash of the event in current room versions).' },
  { name: FORMAT_TYPES['room-alias'], type: '`#${string}:${string}`', doc: 'A room alias: `#alias:server.name`.' },
  { name: FORMAT_TYPES['server-name'], type: 'string', doc: 'A server name: a DNS name, IPv4 address or bracketed IPv6 address, with an optional port.' },
  { name: FORMAT_TYPES['mxc-uri'], type: '`mxc://${string}/${string}`', doc: 'A content URI: `mxc://server.name/mediaId`.' },
  { name: FORMAT_TYPES['device-id'], type: 'string', doc: 'A device ID; opaque.' },
  { name: FORMAT_TYPES['key-id'], type: '`${string}:${string}`', doc: 'A key identifier: `algorithm:version`, such as `ed25519:abc`.' },
  { name: FORMAT_TYPES['unpadded-base64'], type: 'string', doc: 'Bytes in unpadded Base64.' },
  { name: FORMAT_TYPES.uri, type: 'string', doc: 'A URI.' },
  { name: FORMAT_TYPES['date-time'], type: 'string', doc: 'An RFC 3339 date-time.' },
  { name: 'Timestamp', type: 'number', doc: 'Milliseconds since the Unix epoch.\n\n@integer' },
];

export interface DeclarationsPlan {
  split: ReadWriteSplit;
  ctx: TypeContext;
  /** RPC name -> declared request / response type names. */
  rpcTypes: Map<string, { request: string; response: string }>;
  /** Every declared name (for the HTTP body names). */
  taken: Set<string>;
  /** What a schema's declarations depend on besides the schema: the aliases and the read/write split, as text. */
  fingerprint: string;
}

/** Names the package declares for its own helpers; a schema with one of these names is renamed. */
const FIXED_NAMES = [
  'paths', 'components', 'operations', 'ContentBlockMap', 'EventContentMap', 'StateKeyMap', 'EventType', 'StateEventType',
  'MessageEventType', 'OmitKnown', 'RoomEventIn', 'RoomEventsByVersion', 'RoomEvent', 'EduContentMap', 'EduType', 'Edu',
  'FederationApi', 'RpcName', 'FederationErrorCode',
];

/** Every name the package declares besides the schemas' own. */
function reservedNames(model: EditionModel): Set<string> {
  const out = new Set<string>([...FIXED_NAMES, ...IDENTIFIERS.map((i) => i.name)]);
  for (const b of model.contentBlocks) out.add(blockTypeName(b.name));
  for (const e of model.eventTypes) {
    out.add(eventContentTypeName(e.name));
    if (e.msgtypes?.length) out.add(`${eventContentTypeName(e.name)}Base`);
    for (const m of e.msgtypes ?? []) out.add(msgtypeContentTypeName(e.name, m.name));
  }
  for (const e of model.eduTypes) out.add(eduContentTypeName(e.name));
  for (const rv of model.roomVersions) out.add(roomEventTypeName(rv.displayId));
  return out;
}

export function planDeclarations(model: EditionModel): DeclarationsPlan {
  const split = readWriteSplit(model);
  const reserved = reservedNames(model);
  const own = new Set(model.schemas.map((s) => s.name));
  // A schema named like a helper (say `Edu`) keeps its meaning under `EduSchema`.
  const alias = new Map<string, string>();
  for (const s of model.schemas) {
    if (!reserved.has(s.name)) continue;
    let n = `${s.name}Schema`;
    for (let i = 2; reserved.has(n) || own.has(n); i++) n = `${s.name}Schema${i}`;
    alias.set(s.name, n);
  }
  const ctx: TypeContext = {
    schemaName(name: string, mode: Mode): string {
      const base = alias.get(name) ?? name;
      if (mode === 'read' && split.read.has(name)) return base + READ_SUFFIX;
      if (mode === 'write' && split.write.has(name)) return base + WRITE_SUFFIX;
      return base;
    },
  };
  const taken = new Set([...model.schemas.map((s) => ctx.schemaName(s.name, 'full')), ...reserved]);
  const rpcTypes = new Map<string, { request: string; response: string }>();
  for (const rpc of model.rpcs) {
    let request = rpcRequestTypeName(rpc.name);
    if (taken.has(request)) request = request.replace(/Request$/, 'RpcRequest');
    let response = rpcResponseTypeName(rpc.name);
    if (rpc.response.type === 'ref' && ctx.schemaName(rpc.response.ref, 'full') === response && !rpc.response.nullable) response = ctx.schemaName(rpc.response.ref, 'read');
    else if (taken.has(response)) response = response.replace(/Response$/, 'RpcResponse');
    taken.add(request);
    taken.add(response);
    rpcTypes.set(rpc.name, { request, response });
  }
  const fingerprint = JSON.stringify([[...alias].sort(), [...split.read].sort(), [...split.write].sort()]);
  return { split, ctx, rpcTypes, taken, fingerprint };
}

function section(w: CodeBlockWriter, title: string): void {
  w.blankLineIfLastNot();
  w.writeLine(`// ${'-'.repeat(8)} ${title}`);
}

function writeIdentifiers(w: CodeBlockWriter): void {
  section(w, 'Matrix identifiers');
  for (const id of IDENTIFIERS) {
    w.blankLineIfLastNot();
    writeDoc(w, id.doc.split('\n'));
    w.writeLine(`export type ${id.name} = ${id.type};`);
  }
}

/**
 * The declarations of each named schema, content block, event type and EDU
 * type, remembered by model element with the plan's fingerprint (the only
 * other thing they depend on: the names references are written with).
 * Projection keeps unchanged elements and the types worker receives them as
 * the same objects (model-transfer.ts), so an edit in `mxspec watch` writes
 * the declarations of the edited elements only.
 */
const elementDeclarations = new WeakMap<object, { fingerprint: string; text: string }>();

/** Appends the declarations `write` gives for `element`, written now or remembered. */
function appendDeclarations(out: DeclarationText, element: object, plan: DeclarationsPlan, write: (w: CodeBlockWriter) => void): void {
  let known = elementDeclarations.get(element);
  if (known?.fingerprint !== plan.fingerprint) {
    known = { fingerprint: plan.fingerprint, text: out.declarations(write) };
    elementDeclarations.set(element, known);
  }
  out.append(known.text);
}

function writeSchemas(out: DeclarationText, model: EditionModel, plan: DeclarationsPlan): void {
  section(out.writer, 'Named schemas');
  for (const s of model.schemas) appendDeclarations(out, s, plan, (w) => writeSchema(w, s, plan));
}

function writeSchema(w: CodeBlockWriter, s: EditionModel['schemas'][number], plan: DeclarationsPlan): void {
  const name = plan.ctx.schemaName(s.name, 'full');
  const renamed = name !== s.name ? [`The schema \`${s.name}\`, declared as \`${name}\` because the package uses \`${s.name}\` for a helper type.`] : [];
  const doc = { lifecycle: s.lifecycle, port: s.port, notes: renamed };
  writeNamedType(w, name, s.schema, plan.ctx, 'full', doc);
  if (plan.split.read.has(s.name)) {
    writeNamedType(w, plan.ctx.schemaName(s.name, 'read'), s.schema, plan.ctx, 'read', {
      ...doc, notes: [...renamed, `{@link ${name}} as received in a response: writeOnly fields are left out.`],
    });
  }
  if (plan.split.write.has(s.name)) {
    writeNamedType(w, plan.ctx.schemaName(s.name, 'write'), s.schema, plan.ctx, 'write', {
      ...doc, notes: [...renamed, `{@link ${name}} as sent in a request: readOnly fields are left out.`],
    });
  }
}

function writeBlocks(out: DeclarationText, model: EditionModel, plan: DeclarationsPlan): void {
  section(out.writer, 'Content blocks');
  for (const b of model.contentBlocks) {
    appendDeclarations(out, b, plan, (w) => writeNamedType(w, blockTypeName(b.name), b.schema, plan.ctx, 'full', {
      description: b.description, lifecycle: b.lifecycle, port: b.port, notes: [`Content block \`${b.name}\`.`],
    }));
  }
  const w = out.writer;
  w.blankLineIfLastNot();
  writeDoc(w, ['Content block name -> the type of its value.']);
  w.write('export interface ContentBlockMap {').newLine();
  w.indent(() => {
    for (const b of model.contentBlocks) w.writeLine(`${stringLiteral(b.name)}: ${blockTypeName(b.name)};`);
  });
  w.writeLine('}');
}

function stateKeyType(e: EventType): string {
  const f = e.stateKey?.format;
  if (f === 'empty') return "''";
  return f ? FORMAT_TYPES[f] : 'string';
}

/** One event type's content declarations (with one per `msgtype`, and their union, when it has them). */
function writeEvent(w: CodeBlockWriter, e: EventType, plan: DeclarationsPlan): void {
  const name = eventContentTypeName(e.name);
  const kind = e.kind === 'state' ? `state event; state key: ${e.stateKey?.format ?? 'any string'}` : 'message event';
  const doc = { description: e.description, lifecycle: e.lifecycle, port: e.port, notes: [`Content of \`${e.name}\` (${kind}).`] };
  if (!e.msgtypes?.length) {
    writeNamedType(w, name, e.content, plan.ctx, 'full', doc);
    return;
  }
  const base = `${name}Base`;
  writeNamedType(w, base, e.content, plan.ctx, 'full', { ...doc, notes: [`Fields of \`${e.name}\` content shared by every \`msgtype\`.`] });
  const members: string[] = [];
  for (const m of e.msgtypes) {
    const mName = msgtypeContentTypeName(e.name, m.name);
    members.push(mName);
    w.blankLineIfLastNot();
    writeDoc(w, { node: m.schema, notes: [`Content of \`${e.name}\` with \`msgtype\` \`${m.name}\`.`] });
    w.write(`export type ${mName} = ${base} & { msgtype: ${stringLiteral(m.name)} } & `);
    writeType(w, m.schema, plan.ctx, 'full');
    w.write(';').newLine();
  }
  w.blankLineIfLastNot();
  writeDoc(w, { ...doc, notes: [...doc.notes, 'A union on `msgtype`: narrowing `content.msgtype` gives the matching member.'] });
  w.writeLine(`export type ${name} = ${members.join(' | ')};`);
}

function writeEvents(out: DeclarationText, model: EditionModel, plan: DeclarationsPlan): void {
  section(out.writer, 'Event types');
  for (const e of model.eventTypes) appendDeclarations(out, e, plan, (w) => writeEvent(w, e, plan));
  const w = out.writer;
  w.blankLineIfLastNot();
  writeDoc(w, ['Event type -> the type of its `content`.']);
  w.write('export interface EventContentMap {').newLine();
  w.indent(() => {
    for (const e of model.eventTypes) w.writeLine(`${stringLiteral(e.name)}: ${eventContentTypeName(e.name)};`);
  });
  w.writeLine('}');
  w.blankLineIfLastNot();
  writeDoc(w, ['State event type -> the type of its `state_key`.']);
  w.write('export interface StateKeyMap {').newLine();
  w.indent(() => {
    for (const e of model.eventTypes.filter((x) => x.kind === 'state')) w.writeLine(`${stringLiteral(e.name)}: ${stateKeyType(e)};`);
  });
  w.writeLine('}');
  w.writeLine('/** Every event type this edition defines. */');
  w.writeLine('export type EventType = keyof EventContentMap;');
  w.writeLine('/** The state event types. */');
  w.writeLine('export type StateEventType = keyof StateKeyMap & EventType;');
  w.writeLine('/** The message (non-state) event types. */');
  w.writeLine('export type MessageEventType = Exclude<EventType, StateEventType>;');
  w.blankLine();
  writeDoc(w, [
    '`T` without the keys `K`. Unlike `Omit`, it keeps the declared fields of a type that also has',
    'an index signature (every open object here has one).',
  ]);
  w.writeLine('export type OmitKnown<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };');
  w.blankLine();
  writeDoc(w, [
    'One event of type `T` in the PDU envelope `E` of a room version: `type`, `content` and',
    '`state_key` are narrowed to what the event type defines.',
  ]);
  w.writeLine('export type RoomEventIn<E, T extends EventType> = OmitKnown<E, \'type\' | \'content\' | \'state_key\'> & {');
  w.indent(() => {
    w.writeLine('type: T;');
    w.writeLine('content: EventContentMap[T];');
  });
  w.writeLine('} & (T extends StateEventType ? { state_key: StateKeyMap[T] } : { state_key?: never });');

  const versions = model.roomVersions.filter((rv) => model.schemas.some((s) => s.name === rv.envelope));
  for (const rv of versions) {
    w.blankLineIfLastNot();
    writeDoc(w, { description: rv.description, lifecycle: rv.lifecycle, port: rv.port, notes: [
      `The events of room version \`${rv.displayId}\` (envelope {@link ${plan.ctx.schemaName(rv.envelope, 'full')}}): a union discriminated on \`type\`,`,
      'so narrowing `event.type` narrows `event.content` (and `event.state_key`).',
    ] });
    w.writeLine(`export type ${roomEventTypeName(rv.displayId)}<T extends EventType = EventType> = { [K in T]: RoomEventIn<${plan.ctx.schemaName(rv.envelope, 'read')}, K> }[T];`);
  }
  w.blankLineIfLastNot();
  writeDoc(w, ['Room version id (as this edition names it) -> its event union.']);
  w.write('export interface RoomEventsByVersion {').newLine();
  w.indent(() => {
    for (const rv of versions) w.writeLine(`${stringLiteral(rv.displayId)}: ${roomEventTypeName(rv.displayId)};`);
  });
  w.writeLine('}');
  writeDoc(w, ['An event of any room version of this edition, discriminated on `type`.']);
  const union = versions.map((rv) => `${roomEventTypeName(rv.displayId)}<T>`).join(' | ') || 'never';
  w.writeLine(`export type RoomEvent<T extends EventType = EventType> = ${union};`);
}

function writeEdus(out: DeclarationText, model: EditionModel, plan: DeclarationsPlan): void {
  section(out.writer, 'EDU types');
  for (const e of model.eduTypes) {
    appendDeclarations(out, e, plan, (w) => writeNamedType(w, eduContentTypeName(e.name), e.content, plan.ctx, 'full', {
      description: e.description, lifecycle: e.lifecycle, port: e.port, notes: [`Content of the \`${e.name}\` EDU.`],
    }));
  }
  const w = out.writer;
  w.blankLineIfLastNot();
  writeDoc(w, ['EDU type -> the type of its `content`.']);
  w.write('export interface EduContentMap {').newLine();
  w.indent(() => {
    for (const e of model.eduTypes) w.writeLine(`${stringLiteral(e.name)}: ${eduContentTypeName(e.name)};`);
  });
  w.writeLine('}');
  w.writeLine('/** Every EDU type this edition defines. */');
  w.writeLine('export type EduType = keyof EduContentMap;');
  writeDoc(w, ['An EDU, discriminated on `edu_type`.']);
  w.writeLine('export type Edu<T extends EduType = EduType> = { [K in T]: { edu_type: K; content: EduContentMap[K] } }[T];');
}

function errorCodes(rpc: Rpc, model: EditionModel): string[] {
  const codes = rpc.errors.map((e) => e.code);
  const b = firstWith(model.bindings, 'rpc', rpc.name);
  if (b?.rateLimited && !codes.includes('M_LIMIT_EXCEEDED')) codes.push('M_LIMIT_EXCEEDED');
  return [...new Set(codes)];
}

/** The declared type of an RPC's JSON request body (when the binding sends remaining fields). */
export function httpBodyTypeName(rpc: string, taken: Set<string>): string {
  const name = `${pascal(rpc)}HttpBody`;
  return taken.has(name) ? `${pascal(rpc)}RpcHttpBody` : name;
}

function writeRpcs(w: CodeBlockWriter, model: EditionModel, plan: DeclarationsPlan): void {
  section(w, 'RPCs');
  const schemaNames = new Set(model.schemas.map((s) => plan.ctx.schemaName(s.name, 'full')));
  for (const rpc of model.rpcs) {
    const t = plan.rpcTypes.get(rpc.name)!;
    writeNamedType(w, t.request, rpc.request, plan.ctx, 'write', {
      description: rpc.request.description ?? `The fields of a \`${rpc.name}\` call.`,
      notes: [`Request of {@link FederationApi.${rpc.name}}: every field of the call, wherever the HTTP binding puts it.`],
    });
    if (!schemaNames.has(t.response) && !(rpc.response.type === 'ref' && plan.ctx.schemaName(rpc.response.ref, 'read') === t.response)) {
      writeNamedType(w, t.response, rpc.response, plan.ctx, 'read', { notes: [`Response of {@link FederationApi.${rpc.name}}.`] });
    }
    const b = firstWith(model.bindings, 'rpc', rpc.name);
    const layout = b && requestLayout(rpc, b, model);
    if (layout?.body.kind === 'fields') {
      writeNamedType(w, httpBodyTypeName(rpc.name, plan.taken), layout.body.schema, plan.ctx, 'write', {
        description: `The JSON request body of \`${b!.method} ${b!.path}\`: the fields of {@link ${t.request}} that travel neither in the path, the query nor a header.`,
      });
    }
  }
  w.blankLineIfLastNot();
  writeDoc(w, [
    'The federation API as a map: RPC name -> its request, response, error codes and HTTP binding',
    '(`http.body` is the type of the JSON request body, `never` when there is none).',
    'A client or a server can be typed against it generically, e.g.',
    '`function call<K extends RpcName>(rpc: K, req: FederationApi[K][\'request\']): Promise<FederationApi[K][\'response\']>`.',
  ]);
  w.write('export interface FederationApi {').newLine();
  w.indent(() => {
    for (const rpc of model.rpcs) {
      const t = plan.rpcTypes.get(rpc.name)!;
      const b = firstWith(model.bindings, 'rpc', rpc.name);
      writeDoc(w, { description: rpc.summary, lifecycle: rpc.lifecycle, port: rpc.port });
      w.write(`${rpc.name}: {`).newLine();
      w.indent(() => {
        w.writeLine(`request: ${t.request};`);
        w.writeLine(`response: ${t.response};`);
        const codes = errorCodes(rpc, model);
        w.writeLine(`errors: ${codes.length ? codes.map(stringLiteral).join(' | ') : 'never'};`);
        if (b) {
          const layout = requestLayout(rpc, b, model);
          w.write(`http: { method: ${stringLiteral(b.method)}; path: ${stringLiteral(b.path)}; status: ${b.status}; auth: ${stringLiteral(b.auth)}; body: `);
          if (layout.body.kind === 'fields') w.write(httpBodyTypeName(rpc.name, plan.taken));
          else if (layout.body.kind === 'field') writeType(w, layout.body.property.schema, plan.ctx, 'write');
          else w.write('never');
          w.write(' };').newLine();
        } else w.writeLine('http: null;');
      });
      w.writeLine('};');
    }
  });
  w.writeLine('}');
  w.writeLine('/** The name of every RPC. */');
  w.writeLine('export type RpcName = keyof FederationApi;');
  w.writeLine('/** Every error code an RPC of this edition can answer with. */');
  w.writeLine('export type FederationErrorCode = FederationApi[RpcName][\'errors\'];');
}

export function writeDeclarations(out: DeclarationText, model: EditionModel, plan: DeclarationsPlan): void {
  const ed = model.edition;
  out.writer.writeLine(`// Matrix federation types, ${ed.label} edition ${ed.version}. Generated by mxspec; do not edit.`);
  out.writer.writeLine("export type { paths, components, operations } from './paths.js';");
  writeIdentifiers(out.writer);
  writeSchemas(out, model, plan);
  // The writer changes with every remembered piece appended: each section takes the current one.
  writeBlocks(out, model, plan);
  writeEvents(out, model, plan);
  writeEdus(out, model, plan);
  writeRpcs(out.writer, model, plan);
}
