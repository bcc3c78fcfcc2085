/**
 * The mxspec intermediate representation (IR).
 *
 * One `Program` holds the whole source tree with both editions side by side;
 * `projectEdition()` (src/editions/project.ts) turns it into an `EditionModel`
 * in which every element is the one that edition sees. Generators only ever
 * receive an `EditionModel` (or two, for the diff) and never read sources.
 *
 * Every node carries `loc`, the position of its definition in spec/.
 */
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';

export type EditionId = 'ietf' | 'matrix-org';
export const EDITION_IDS: readonly EditionId[] = ['ietf', 'matrix-org'];

export interface SourceLocation {
  /** Path relative to the spec root, with forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export type PortStatus = 'pending' | 'accepted' | 'rejected' | 'by-design';

/** How a divergence between editions is tracked through the MSC / IETF process. */
export interface PortRecord {
  origin?: EditionId;
  status: PortStatus;
  msc?: number;
  reason?: string;
  note?: string;
  loc: SourceLocation;
}

export interface Lifecycle {
  added?: string;
  changed?: { in: string; note?: string }[];
  deprecated?: { in?: string; note?: string; replacement?: string };
}

/** Keys every element accepts (see spec/README.md). */
export interface Scoped<T> {
  /** Editions the element exists in; undefined = all. */
  editions?: EditionId[];
  /**
   * Per-edition variants. The source gives a shallow replacement of keys; the
   * parser merges it with the shared keys, so each variant here is complete.
   */
  variants?: Partial<Record<EditionId, T>>;
  port?: PortRecord;
  lifecycle?: Lifecycle;
  loc: SourceLocation;
}

// ---------------------------------------------------------------- schemas

export type StringFormat =
  | 'user-id' | 'room-id' | 'event-id' | 'room-alias' | 'server-name' | 'mxc-uri'
  | 'device-id' | 'key-id' | 'unpadded-base64' | 'uri' | 'date-time';

export interface EnumValue extends Scoped<EnumValue> {
  value: string | number | boolean | null;
  description?: string;
}

interface SchemaCommon {
  /** Only union members and named schemas use these on a schema node (properties carry their own). */
  editions?: EditionId[];
  port?: PortRecord;
  description?: string;
  title?: string;
  examples?: unknown[];
  default?: unknown;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  nullable?: boolean;
}

export interface ObjectSchema extends SchemaCommon {
  type: 'object';
  properties: Property[];
  /** false = closed; a schema = extra keys of that type; undefined = open (any). */
  additionalProperties?: false | SchemaNode;
  extends?: string[];
}
export interface Property extends Scoped<Property> {
  name: string;
  required: boolean;
  schema: SchemaNode;
}
export interface ArraySchema extends SchemaCommon {
  type: 'array';
  items: SchemaNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
}
export interface MapSchema extends SchemaCommon {
  type: 'map';
  values: SchemaNode;
  keys?: { format?: StringFormat; pattern?: string };
}
export interface StringSchema extends SchemaCommon {
  type: 'string';
  format?: StringFormat;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: EnumValue[];
  const?: string;
}
export interface NumberSchema extends SchemaCommon {
  type: 'integer' | 'number';
  format?: 'timestamp';
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: EnumValue[];
  const?: number;
}
export interface BooleanSchema extends SchemaCommon { type: 'boolean'; const?: boolean }
export interface NullSchema extends SchemaCommon { type: 'null' }
export interface AnySchema extends SchemaCommon { type: 'any' }
export interface BinarySchema extends SchemaCommon { type: 'binary' }
export interface UnionSchema extends SchemaCommon {
  type: 'union';
  oneOf: SchemaNode[];
  discriminator?: { property: string };
}
/** Reference to a named schema. */
export interface RefSchema extends SchemaCommon { type: 'ref'; ref: string }
/** Reference to a content block's schema. */
export interface BlockRefSchema extends SchemaCommon { type: 'block'; block: string }

export type SchemaNode = (
  | ObjectSchema | ArraySchema | MapSchema | StringSchema | NumberSchema | BooleanSchema
  | NullSchema | AnySchema | BinarySchema | UnionSchema | RefSchema | BlockRefSchema
) & { loc: SourceLocation };

export interface NamedSchema extends Scoped<NamedSchema> {
  name: string;
  /** The schema file's stem (e.g. "pdu"), used to group schemas in documents. */
  file: string;
  schema: SchemaNode;
}

// ---------------------------------------------------------------- RPCs and bindings

export interface RpcError {
  code: string;
  description: string;
  editions?: EditionId[];
  port?: PortRecord;
  loc: SourceLocation;
}

export interface RpcExample {
  name: string;
  request?: unknown;
  response?: unknown;
  loc: SourceLocation;
}

export interface RpcGroup {
  id: string;
  title: string;
  document: string;
  description?: string;
  loc: SourceLocation;
}

export interface Rpc extends Scoped<Rpc> {
  name: string;
  group: string;
  summary: string;
  description?: string;
  roomVersionDependent: boolean;
  /** Always an object schema: the fields of the call. */
  request: SchemaNode & { type: 'object' };
  response: SchemaNode;
  errors: RpcError[];
  examples: RpcExample[];
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';

export interface BindingGroup {
  id: string;
  document: string;
  title?: string;
  loc: SourceLocation;
}

export interface HttpBinding extends Scoped<HttpBinding> {
  /** The RPC it binds (also the OpenAPI operationId). */
  rpc: string;
  group: string;
  method: HttpMethod;
  path: string;
  /** Request fields in the path, in template order (derived from `path`). */
  pathParams: string[];
  query: string[];
  headers: Record<string, string>;
  /** 'fields' = remaining fields as a JSON object; 'none'; or one field sent as the whole body. */
  body: string;
  auth: 'x-matrix' | 'none';
  rateLimited: boolean;
  status: number;
  responseContentType: string;
  errors: Record<string, number>;
  description?: string;
  /** Where the path and each query field, header and error mapping are written (for diagnostics; a `…Locs` key, which the diff skips like `loc`). */
  fieldLocs?: BindingFieldLocs;
}

export interface BindingFieldLocs {
  path: SourceLocation;
  query: Record<string, SourceLocation>;
  headers: Record<string, SourceLocation>;
  errors: Record<string, SourceLocation>;
}

// ---------------------------------------------------------------- events

export interface ContentBlock extends Scoped<ContentBlock> {
  name: string;
  description: string;
  schema: SchemaNode;
  examples?: unknown[];
}

export interface EventType extends Scoped<EventType> {
  name: string;
  kind: 'message' | 'state';
  registrar: string;
  description: string;
  stateKey?: { description?: string; format?: StringFormat | 'empty' };
  content: SchemaNode;
  msgtypes?: { name: string; schema: SchemaNode; loc: SourceLocation }[];
  examples?: unknown[];
}

export interface EduType extends Scoped<EduType> {
  name: string;
  description: string;
  content: SchemaNode;
  examples?: unknown[];
}

// ---------------------------------------------------------------- room versions

export interface Rule extends Scoped<Rule> {
  id: string;
  text: string;
  steps: Rule[];
}

export interface RoomVersion extends Scoped<RoomVersion> {
  /** Matrix.org id ("12"); an edition may show another id (see EditionModel). */
  id: string;
  stability: 'stable' | 'unstable';
  description: string;
  envelope: string;
  eventIdFormat: Record<string, string>;
  roomIdFormat: Record<string, string>;
  redaction: { keepTopLevel: string[]; keepContent: Record<string, string[]> };
  authRules: Rule[];
  stateResolution: { algorithm: string; rules: Rule[] };
  signing: { hash: string; signature: string; rules: Rule[] };
  keyValidity: { rules: Rule[] };
}

// ---------------------------------------------------------------- documents

export interface Section {
  anchor: string;
  title: string;
  depth: number;
  numbered: boolean;
  appendix: boolean;
  /** Block content (mdast) before the first subsection. */
  blocks: MdastContent[];
  sections: Section[];
  editions?: EditionId[];
  port?: PortRecord;
  loc: SourceLocation;
}

export interface Author {
  id: string;
  name: string;
  fullname: string;
  organization?: string;
  email?: string;
  loc: SourceLocation;
}

export interface DocumentIR {
  id: string;
  file: string;
  title: string;
  abbrev?: string;
  category: 'std' | 'info' | 'exp' | 'bcp';
  authors: string[];
  keywords: string[];
  abstract: string;
  normative: string[];
  informative: string[];
  /** Top-level sections in order. */
  sections: Section[];
  /** The parsed Markdown, kept for tools that want the whole tree. */
  mdast: MdastRoot;
  loc: SourceLocation;
  /** Content hash of the source file it was parsed from: lets `mxspec watch` reuse work done on an unchanged document. */
  sourceHash?: string;
}

// ---------------------------------------------------------------- references, editions

export interface Reference {
  id: string;
  title: string;
  authors: { initials?: string; surname?: string; fullname?: string; organization?: string; role?: string }[];
  date: string;
  series: { name: string; value: string }[];
  target?: string;
  status: 'standard' | 'bcp' | 'informational' | 'experimental' | 'draft' | 'historic';
  obsoletedBy?: string[];
  loc: SourceLocation;
}

export interface EditionDocument {
  docName?: string;
  revision?: number;
  loc: SourceLocation;
}

export interface Edition {
  id: EditionId;
  label: string;
  version: string;
  baseline: string;
  date: string;
  /** Edition room-version id -> Matrix.org room version id. */
  roomVersions: Record<string, string>;
  /** Where each entry of `roomVersions` is written (for diagnostics; a `…Locs` key, which the diff skips like `loc`). */
  roomVersionLocs?: Record<string, SourceLocation>;
  documents: Record<string, EditionDocument>;
  loc: SourceLocation;
}

// ---------------------------------------------------------------- the program

/**
 * The Program's lists of elements read from YAML files (documents come from
 * Markdown): what `mxspec watch` keeps across parses of an edited file and
 * what the types worker holds between requests.
 */
export const ELEMENT_LISTS = ['rpcGroups', 'rpcs', 'bindingGroups', 'bindings', 'schemas', 'contentBlocks', 'eventTypes', 'eduTypes', 'roomVersions'] as const;
export type ElementList = (typeof ELEMENT_LISTS)[number];

export interface Program {
  /** Absolute path of the spec root. */
  root: string;
  editions: Record<EditionId, Edition>;
  authors: Record<string, Author>;
  documents: DocumentIR[];
  rpcGroups: RpcGroup[];
  rpcs: Rpc[];
  bindingGroups: BindingGroup[];
  bindings: HttpBinding[];
  schemas: NamedSchema[];
  contentBlocks: ContentBlock[];
  eventTypes: EventType[];
  eduTypes: EduType[];
  roomVersions: RoomVersion[];
  references: Record<string, Reference>;
}

/**
 * What one edition sees. Same shapes as Program, with `editions`/`variants`
 * resolved away (they are undefined on every element); `port` and
 * `lifecycle` remain so generators can surface them.
 */
export interface EditionModel extends Omit<Program, 'editions'> {
  edition: Edition;
  /** Room versions carry `displayId`: the id this edition calls them by. */
  roomVersions: (RoomVersion & { displayId: string })[];
  /** Divergences visible from this edition: elements limited to it or varied for it. */
}
