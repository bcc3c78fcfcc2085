/**
 * `importMatrixSpec(dir, opts)`: a matrix-spec checkout (or any folder in
 * its layout: data/api/<api>/*.yaml, data/event-schemas/, data/schemas/)
 * in, mxspec source files and diagnostics out. Pure apart from reading
 * `dir`: the CLI writes the files, tests and benchmarks call it in-process.
 * The mapping and every normalisation are described in docs/import.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { editionsFile, IMPORT_AUTHOR_ID, referencesFile, yamlFile, type OutputSource } from './emit.js';
import { apiDocument, eventsDocument, type DocumentFacts } from './documents.js';
import { draftNames, draftReferenceId } from './draft-names.js';
import { rewriteDescriptionLinks } from './links.js';
import { EventImporter } from './events.js';
import { ExampleResolver } from './examples.js';
import { OperationImporter, type ImportedGroup, type ImportedOperation } from './operations.js';
import { applyNames, isRaw, SchemaConverter, type Node } from './schema-convert.js';
import { SourceFiles } from './source-files.js';
import { kebabCase } from './names.js';

export interface ImportOptions {
  /** API folders under data/api to import (default: every folder with API files). */
  api?: string | string[];
  /** The edition the imported release is (default matrix-org); both editions see every element. */
  edition?: 'ietf' | 'matrix-org';
  /** Release version, e.g. v1.19 (default: the checkout folder's name when it looks like one). */
  version?: string;
  /** Edition date YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else 1970-01-01). */
  date?: string;
  /** Import data/event-schemas (default true). */
  events?: boolean;
  /**
   * The Internet-Draft name of the API document in the ietf edition (one
   * API only); default draft-mxspec-matrix-<api>-imported. The events
   * document is then <docName>-events when that fits.
   */
  docName?: string;
  /**
   * Keep each YAML file's value and positions as a reading of its text
   * gives them (OutputSource.asRead), for a build of the written spec in
   * this process (`mxspec import --build`), which then need not read them
   * back. Off by default: it costs a copy of every value.
   */
  keepAsRead?: boolean;
}

export interface ImportResult {
  files: OutputSource[];
  diagnostics: Diagnostic[];
  /** The imported operations (method, full path, RPC name), for tests and reports. */
  operations: ImportedOperation[];
}

function listDirs(abs: string): string[] {
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

function listFiles(abs: string): string[] {
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true }).filter((d) => d.isFile() && /\.ya?ml$/.test(d.name)).map((d) => d.name).sort();
}

function defaultDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000).toISOString().slice(0, 10);
  return '1970-01-01';
}

function inferVersion(dir: string): string {
  for (const name of [path.basename(path.resolve(dir)), path.basename(path.dirname(path.resolve(dir)))]) {
    if (/^v\d+(\.\d+)+$/.test(name)) return name;
  }
  return 'unversioned';
}

/** A top-level definitions file that is a schema (security.yaml and the like hold other things). */
function looksLikeSchema(v: unknown): boolean {
  return isRaw(v) && ['type', 'properties', 'allOf', 'oneOf', 'anyOf', '$ref'].some((k) => v[k] !== undefined);
}

export function importMatrixSpec(dir: string, opts: ImportOptions = {}): ImportResult {
  const bag = new DiagnosticBag();
  const root = path.resolve(dir);
  const apiRoot = path.join(root, 'data', 'api');
  if (!existsSync(apiRoot)) {
    bag.add('MX1301', `${dir} is not a matrix-spec checkout: ${path.join(dir, 'data', 'api')} does not exist`);
    return { files: [], diagnostics: bag.sorted(), operations: [] };
  }
  const files = new SourceFiles(root, bag);
  // An API folder holds OpenAPI files at its top level (shared definition folders do not).
  const isApiFile = (rel: string): boolean => {
    const text = readFileSync(path.join(root, rel), 'utf8');
    return /^(openapi|paths)\s*:/m.test(text);
  };
  const available = listDirs(apiRoot).filter((a) => listFiles(path.join(apiRoot, a)).some((f) => isApiFile(`data/api/${a}/${f}`)));
  const wanted = opts.api === undefined ? available : Array.isArray(opts.api) ? opts.api : [opts.api];
  for (const a of wanted) {
    if (!available.includes(a)) {
      bag.add('MX1301', `${dir} has no API folder data/api/${a} with API files${available.length ? ` (available: ${available.join(', ')})` : ''}`);
    }
  }
  const apis = wanted.filter((a) => available.includes(a));
  if (!apis.length) return { files: [], diagnostics: bag.sorted(), operations: [] };

  const examples = new ExampleResolver(files, bag);
  const schemas = new SchemaConverter(files, bag, examples);
  const ops = new OperationImporter(files, bag, schemas, examples);
  const events = new EventImporter(files, bag, schemas, examples);

  for (const api of apis) {
    for (const f of listFiles(path.join(apiRoot, api))) ops.importFile(`data/api/${api}/${f}`);
    // Shared definitions are schemas in their own right (the PDU formats of each room version are not reached from any operation).
    for (const f of listFiles(path.join(apiRoot, api, 'definitions'))) {
      const rel = `data/api/${api}/definitions/${f}`;
      const loaded = files.load(rel);
      if (loaded && looksLikeSchema(loaded.value)) schemas.namedFor({ file: rel, pointer: '' });
    }
    events.importApiEdus(`data/api/${api}`);
  }
  if (opts.events !== false && existsSync(path.join(root, 'data', 'event-schemas', 'schema'))) events.importEventSchemas('data/event-schemas');
  schemas.drain();

  const names = schemas.assignNames();
  const groups = ops.groups;
  for (const g of groups) {
    applyNames(g.rpcs, names);
    applyNames(g.bindings, names);
  }
  applyNames(events.result, names);
  const sets = new Map<string, Record<string, Node>>();
  for (const n of schemas.named.values()) {
    if (!n.node) continue;
    applyNames(n.node, names);
    const set = sets.get(n.setName) ?? {};
    set[names.get(n.id)!] = { ...n.scope, ...n.node };
    sets.set(n.setName, set);
  }
  if (examples.jsonYamlFiles.size) {
    const list = [...examples.jsonYamlFiles].sort();
    bag.add('MX1308', `${list.length} example file(s) hold JSON in a .yaml file and were read as YAML (which accepts JSON): ${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}`, { file: list[0]!, line: 1, column: 1 });
  }

  const version = opts.version ?? inferVersion(dir);
  const date = opts.date ?? defaultDate();
  const linkVersion = version === 'unversioned' ? 'latest' : version;
  const out: OutputSource[] = [];
  const keep = opts.keepAsRead ?? false;

  // Which documents there are: one per API with operations, one for events and schemas.
  const apiDocs: { api: string; docId: string; groups: ImportedGroup[] }[] = [];
  const groupIds = new Set<string>();
  for (const api of apis) {
    const docId = kebabCase(api);
    const mine = groups.filter((g) => g.source.startsWith(`data/api/${api}/`));
    if (!mine.length) continue;
    for (const g of mine) {
      // Group ids are file names; two API folders may share one.
      if (groupIds.has(g.id)) g.id = `${docId}-${g.id}`;
      groupIds.add(g.id);
    }
    apiDocs.push({ api, docId, groups: mine });
  }
  const setNames = [...sets.keys()].sort();
  const hasEvents = Object.keys(events.result.eventTypes).length + Object.keys(events.result.eduTypes).length > 0;
  const eventsDocId = hasEvents || setNames.length ? (apiDocs.some((d) => d.docId === 'events') ? 'imported-events' : 'events') : undefined;
  const drafts = draftNames(apiDocs.map((d) => d.docId), eventsDocId, opts.docName, bag);

  // The documents, in mxspec's own words; their anchors decide which anchor-only links stay links.
  const facts = (id: string, rendered: unknown[]): DocumentFacts => ({ id, version, authors: [IMPORT_AUTHOR_ID], rendered });
  const setValues = setNames.map((n) => sets.get(n)!);
  const eventsDoc = eventsDocId
    ? eventsDocument(eventsDocId, { eventTypes: Object.keys(events.result.eventTypes).length > 0, eduTypes: Object.keys(events.result.eduTypes).length > 0, schemaSets: setNames }, facts(eventsDocId, [events.result, ...setValues]))
    : undefined;
  const typesDoc = eventsDocId ? { id: eventsDocId, referenceId: draftReferenceId(drafts.get(eventsDocId)!.docName) } : undefined;
  const docs = apiDocs.map((d) => apiDocument(d.api, `data/api/${d.api}`, d.groups, facts(d.docId, d.groups.flatMap((g) => [g.rpcs, g.bindings])), typesDoc));

  for (const [i, d] of apiDocs.entries()) {
    const anchors = docs[i]!.anchors;
    for (const g of d.groups) {
      rewriteDescriptionLinks(g.rpcs, { version: linkVersion, anchors });
      rewriteDescriptionLinks(g.bindings, { version: linkVersion, anchors });
      const header = `Imported from ${g.source} by mxspec import matrix-spec.`;
      out.push({ path: `rpcs/${g.id}.yaml`, ...yamlFile(header, { group: { id: g.id, title: g.title, document: d.docId }, rpcs: g.rpcs }, keep) });
      out.push({ path: `bindings/${g.id}.yaml`, ...yamlFile(header, { group: { id: g.id, document: d.docId, title: g.title }, bindings: g.bindings }, keep) });
    }
    out.push({ path: `documents/${d.docId}.md`, content: docs[i]!.content });
  }
  const eventAnchors = { version: linkVersion, anchors: eventsDoc?.anchors ?? new Set<string>() };
  for (const s of setNames) {
    const entries = sets.get(s)!;
    const sorted: Record<string, Node> = {};
    for (const k of Object.keys(entries).sort()) sorted[k] = entries[k]!;
    rewriteDescriptionLinks(sorted, eventAnchors);
    out.push({ path: `schemas/${s}.yaml`, ...yamlFile('Named schemas written by mxspec import matrix-spec (one per $ref target or hoisted inline schema).', { schemas: sorted }, keep) });
  }
  if (hasEvents) {
    const sortKeys = (o: Record<string, Node>): Record<string, Node> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
    const value: Node = {};
    if (Object.keys(events.result.eventTypes).length) value.eventTypes = sortKeys(events.result.eventTypes);
    if (Object.keys(events.result.eduTypes).length) value.eduTypes = sortKeys(events.result.eduTypes);
    rewriteDescriptionLinks(value, eventAnchors);
    out.push({ path: 'events/events.yaml', ...yamlFile('Event and EDU types written by mxspec import matrix-spec.', value, keep) });
  }
  const allDocs = eventsDoc ? [...docs, eventsDoc] : docs;
  if (eventsDoc) out.push({ path: `documents/${eventsDoc.id}.md`, content: eventsDoc.content });
  out.push({ path: 'editions.yaml', ...editionsFile({ version, date, edition: opts.edition ?? 'matrix-org', documents: allDocs.map((d) => d.id), drafts, keepAsRead: keep }) });
  const draftRefs = eventsDoc && typesDoc && docs.length
    ? [{ id: typesDoc.referenceId, title: eventsDoc.title, docName: drafts.get(eventsDoc.id)!.docName, revision: 0, date }]
    : [];
  out.push({ path: 'references.yaml', ...referencesFile(allDocs.flatMap((d) => d.cites), draftRefs, keep) });
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: out, diagnostics: bag.sorted(), operations: ops.operations };
}

export type { OutputSource };
