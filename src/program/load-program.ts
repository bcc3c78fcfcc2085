/**
 * Loads a spec folder into a Program: read (src/load), parse each file by
 * kind (src/parse), assemble. Semantic checks run afterwards (src/checks).
 * A per-file cache keyed by content hash lets `mxspec watch` re-parse only
 * the files that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DiagnosticBag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ELEMENT_LISTS, type Program, type EditionId, type Edition } from '../ir/types.js';
import { readSpecTree, type SourceFile } from '../load/read-tree.js';
import { LocatedYaml, parseLocatedYaml } from '../load/yaml-located.js';
import type { YamlAsRead } from '../text/yaml-writer.js';
import { offloadYaml } from '../load/yaml-offload.js';
import { validateSource } from '../load/validate-source.js';
import {
  parseBindingGroup, parseEditions, parseEventSet, parseReferences, parseRoomVersion, parseRpcGroup, parseSchemaSet,
} from '../parse/elements.js';
import { parseMarkdownDocument } from '../parse/markdown.js';
import type { MarkdownPieceMemo } from '../parse/gfm.js';
import { keepUnchangedElements, type ElementLists, type ParsedElements } from './keep-unchanged-elements.js';

/** What one file contributes to the Program. */
export interface FileContribution {
  hash: string;
  diagnostics: Diagnostic[];
  apply(program: Program): void;
  /** A YAML file's elements, kept by `mxspec watch` for the file's next parse (keep-unchanged-elements.ts). */
  elements?: ParsedElements;
}

export type ParseCache = Map<string, FileContribution>;

function hashOf(f: SourceFile): string {
  return createHash('sha256').update(f.kind).update('\0').update(f.text).digest('hex');
}

/**
 * `pieces`: Markdown pieces of earlier builds; `read`: the file's YAML as
 * already read elsewhere (yaml-offload.ts), otherwise it is read here;
 * `hash`: the file's hashOf when the caller has it; `keepElements`: builds
 * follow (`mxspec watch`), so the contribution keeps the file's elements for
 * its next parse; `previous`: the file's contribution from the last build
 * that parsed it, whose unchanged elements are taken over.
 */
export function parseSourceFile(
  f: SourceFile,
  opts: { pieces?: MarkdownPieceMemo; read?: LocatedYaml; hash?: string; keepElements?: boolean; previous?: FileContribution } = {},
): FileContribution {
  const { pieces, read } = opts;
  const diags = new DiagnosticBag();
  const hash = opts.hash ?? hashOf(f);
  const none = (): void => {};
  if (f.kind === 'document') {
    const doc = parseMarkdownDocument(f.rel, f.text, diags, pieces);
    if (doc) doc.sourceHash = hash;
    return { hash, diagnostics: diags.items, apply: doc ? (p) => void p.documents.push(doc) : none };
  }
  const located = read ?? parseLocatedYaml(f.rel, f.text, diags);
  if (!located) return { hash, diagnostics: diags.items, apply: none };
  if (located.value === null || typeof located.value !== 'object' || Array.isArray(located.value)) {
    diags.add('MX1102', 'the file must be a YAML mapping at the top level', { file: f.rel, line: 1, column: 1 });
    return { hash, diagnostics: diags.items, apply: none };
  }
  if (!validateSource(f.kind, located, diags)) return { hash, diagnostics: diags.items, apply: none };
  const ctx = { doc: located, diags };
  // Files of elements add them to the Program's lists; the others set parts of it.
  let lists: ElementLists | undefined;
  let apply: (p: Program) => void = none;
  switch (f.kind) {
    case 'editions': {
      const { editions, authors } = parseEditions(ctx);
      apply = (p) => {
        p.editions = editions as Record<EditionId, Edition>;
        p.authors = authors;
      };
      break;
    }
    case 'references': {
      const refs = parseReferences(ctx);
      apply = (p) => {
        for (const r of refs) p.references[r.id] = r;
      };
      break;
    }
    case 'rpc-group': {
      const { group, rpcs } = parseRpcGroup(ctx);
      lists = { rpcGroups: [group], rpcs };
      break;
    }
    case 'binding-group': {
      const { group, bindings } = parseBindingGroup(ctx);
      lists = { bindingGroups: [group], bindings };
      break;
    }
    case 'schema-set':
      lists = { schemas: parseSchemaSet(ctx, path.posix.basename(f.rel, '.yaml')) };
      break;
    case 'event-set': {
      const { blocks, eventTypes, eduTypes } = parseEventSet(ctx);
      lists = { contentBlocks: blocks, eventTypes, eduTypes };
      break;
    }
    case 'room-version':
      lists = { roomVersions: [parseRoomVersion(ctx)] };
      break;
  }
  if (!lists) return { hash, diagnostics: diags.items, apply };
  const elements: ParsedElements = { lists, text: f.text, plain: located.composedPlain };
  if (opts.previous?.elements) keepUnchangedElements(opts.previous.elements, elements);
  const add = lists;
  apply = (p) => {
    for (const list of ELEMENT_LISTS) {
      const els = add[list];
      if (els) (p[list] as object[]).push(...els);
    }
  };
  return { hash, diagnostics: diags.items, apply, ...(opts.keepElements ? { elements } : {}) };
}

export function emptyProgram(root: string): Program {
  return {
    root,
    editions: {} as Program['editions'],
    authors: {},
    documents: [],
    rpcGroups: [],
    rpcs: [],
    bindingGroups: [],
    bindings: [],
    schemas: [],
    contentBlocks: [],
    eventTypes: [],
    eduTypes: [],
    roomVersions: [],
    references: {},
  };
}

export interface LoadResult {
  program?: Program;
  diagnostics: DiagnosticBag;
  /** Relative paths and hashes of the files read (for watch and caching). */
  files: { rel: string; hash: string }[];
  /** Milliseconds spent reading files, parsing them (cache misses only) and assembling the Program (for --stats). */
  phases?: { read: number; parse: number; assemble: number };
  /** How many YAML files a worker thread read (yaml-offload.ts; for --stats). */
  readInWorker?: number;
  /** How many YAML files were taken as this process wrote them, not read back (LoadOptions.written; for --stats). */
  takenAsWritten?: number;
}

/**
 * YAML files this process has just written, by path relative to the spec
 * folder, with what a reading of their text gives (jsonToYamlAsRead in
 * src/text/yaml-writer.ts). One build takes each value as its own.
 */
export type WrittenYaml = ReadonlyMap<string, { text: string; asRead: YamlAsRead }>;

export interface LoadOptions {
  /** Overrides when YAML is read in a worker (tests). */
  yamlOffloadMinChars?: number;
  /** A file listed here whose text is still the one written is not read again (`mxspec import --build`). */
  written?: WrittenYaml;
}

/**
 * `cache` and `pieces` are kept by `mxspec watch` between builds: files and
 * Markdown pieces that did not change are not parsed again.
 */
export async function loadProgram(specRoot: string, cache?: ParseCache, pieces?: MarkdownPieceMemo, opts: LoadOptions = {}): Promise<LoadResult> {
  const diagnostics = new DiagnosticBag();
  const root = path.resolve(specRoot);
  if (!existsSync(path.join(root, 'editions.yaml'))) {
    diagnostics.add('MX1013', `no spec found at ${specRoot}: the folder must contain editions.yaml (see spec/README.md)`);
    return { diagnostics, files: [] };
  }
  const t0 = performance.now();
  const files = await readSpecTree(root, diagnostics);
  const phases = { read: performance.now() - t0, parse: 0, assemble: 0 };
  const program = emptyProgram(root);
  const seen: { rel: string; hash: string }[] = [];
  const hashes = new Map(files.map((f) => [f, hashOf(f)]));
  const fresh = new Map<SourceFile, FileContribution>();
  const tp = performance.now();
  const toParse = files.filter((f) => cache?.get(f.rel)?.hash !== hashes.get(f));
  // What this process wrote and still reads the same needs no reading; the other YAML is read in a worker
  // meanwhile when there is a lot of it; the Markdown first, here.
  const readAlready = new Map<SourceFile, LocatedYaml>();
  for (const f of toParse) {
    const w = f.kind === 'document' ? undefined : opts.written?.get(f.rel);
    if (w && w.text === f.text) readAlready.set(f, LocatedYaml.fromValue(f.rel, f.text, w.asRead.value, w.asRead.places));
  }
  const yaml = toParse.filter((f) => f.kind !== 'document' && !readAlready.has(f));
  const offload = offloadYaml(yaml, { minChars: opts.yamlOffloadMinChars });
  let readInWorker = 0;
  try {
    for (const f of toParse) if (f.kind === 'document') fresh.set(f, parseSourceFile(f, { pieces, hash: hashes.get(f) }));
    for (const [f, read] of readAlready) fresh.set(f, parseSourceFile(f, { read, hash: hashes.get(f), keepElements: cache !== undefined, previous: cache?.get(f.rel) }));
    for (const [i, f] of yaml.entries()) {
      const read = await offload?.take(i);
      if (read) readInWorker++;
      fresh.set(f, parseSourceFile(f, { read, hash: hashes.get(f), keepElements: cache !== undefined, previous: cache?.get(f.rel) }));
    }
  } finally {
    offload?.close();
  }
  phases.parse += performance.now() - tp;
  for (const f of files) {
    const hash = hashes.get(f)!;
    let contribution = fresh.get(f);
    if (contribution) cache?.set(f.rel, contribution);
    else contribution = cache!.get(f.rel)!;
    seen.push({ rel: f.rel, hash });
    diagnostics.push(...contribution.diagnostics);
    const ta = performance.now();
    contribution.apply(program);
    phases.assemble += performance.now() - ta;
  }
  if (cache) {
    const present = new Set(files.map((f) => f.rel));
    for (const k of [...cache.keys()]) if (!present.has(k)) cache.delete(k);
  }
  if (!program.editions.ietf) {
    if (!diagnostics.hasErrors()) diagnostics.add('MX1013', 'editions.yaml did not define the editions');
    return { diagnostics, files: seen, phases, readInWorker, takenAsWritten: readAlready.size };
  }
  return { program, diagnostics, files: seen, phases, readInWorker, takenAsWritten: readAlready.size };
}
