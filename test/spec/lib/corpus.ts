/**
 * Reads the Matrix specification corpus in ../shared (never copied into the
 * project): the server-server OpenAPI files with their `$ref`s resolved, and
 * every description/summary text the corpus holds, for the prose check.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CORPUS } from '../../helpers/cli.js';

export { CORPUS };

export const SERVER_SERVER_V119 = path.join(CORPUS, 'v1.19/data/api/server-server');

export function corpusPresent(): boolean {
  return existsSync(SERVER_SERVER_V119);
}

const docCache = new Map<string, unknown>();

function loadYamlFile(file: string): unknown {
  let doc = docCache.get(file);
  if (doc === undefined) {
    doc = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
    docCache.set(file, doc);
  }
  return doc;
}

/** A schema node together with the file it was found in (refs are file-relative). */
export interface Located {
  node: unknown;
  file: string;
}

function pointer(doc: unknown, frag: string): unknown {
  let cur = doc;
  for (const raw of frag.replace(/^\//, '').split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    cur = (cur as Record<string, unknown> | undefined)?.[key];
  }
  return cur;
}

/** Follows `$ref` until the node is not a reference. */
export function deref(at: Located): Located {
  let cur = at;
  for (let hops = 0; hops < 32; hops++) {
    const n = cur.node as { $ref?: unknown } | null;
    if (!n || typeof n !== 'object' || typeof n.$ref !== 'string') return cur;
    const [target, frag = ''] = n.$ref.split('#');
    const file = target ? path.resolve(path.dirname(cur.file), target) : cur.file;
    cur = { node: pointer(loadYamlFile(file), frag), file };
  }
  throw new Error(`$ref chain too long at ${at.file}`);
}

/** Top-level property names of a corpus schema, through $ref, allOf, oneOf and anyOf. */
export function corpusPropertyNames(at: Located, seen = new Set<unknown>()): Set<string> {
  const r = deref(at);
  const out = new Set<string>();
  const n = r.node as Record<string, unknown> | null;
  if (!n || typeof n !== 'object' || seen.has(n)) return out;
  seen.add(n);
  if (n.properties && typeof n.properties === 'object') for (const k of Object.keys(n.properties)) out.add(k);
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = n[key];
    if (Array.isArray(list)) for (const m of list) for (const k of corpusPropertyNames({ node: m, file: r.file }, seen)) out.add(k);
  }
  return out;
}

export interface CorpusOperation {
  file: string;
  operationId: string;
  method: string;
  /** basePath default + path key, trimmed. */
  path: string;
  pathParams: string[];
  query: string[];
  headers: string[];
  body: string[];
  /**
   * The corpus gives the body as an object with an explicitly empty
   * `properties` and no composition (the policy-signing PDU): it names no
   * fields, so it cannot contradict a more precise model.
   */
  bodyOpaque: boolean;
  response: string[];
}

function isOpaqueObject(at: Located): boolean {
  const n = deref(at).node as Record<string, unknown> | null;
  return Boolean(
    n && typeof n === 'object' && n.properties && typeof n.properties === 'object' &&
      Object.keys(n.properties).length === 0 && !n.allOf && !n.oneOf && !n.anyOf,
  );
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function parameterNames(params: unknown, file: string, where: string): string[] {
  if (!Array.isArray(params)) return [];
  return params
    .map((p) => deref({ node: p, file }).node as { in?: string; name?: string })
    .filter((p) => p.in === where && typeof p.name === 'string')
    .map((p) => p.name as string);
}

/** The operations of one API folder (v1.19 server-server by default). */
export function corpusOperations(dir = SERVER_SERVER_V119): CorpusOperation[] {
  const ops: CorpusOperation[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const file = path.join(dir, f);
    const doc = loadYamlFile(file) as {
      servers?: { variables?: { basePath?: { default?: string } } }[];
      paths?: Record<string, Record<string, unknown>>;
    };
    const base = (doc.servers?.[0]?.variables?.basePath?.default ?? '').trim();
    for (const [key, item] of Object.entries(doc.paths ?? {})) {
      for (const method of METHODS) {
        const op = item[method] as
          | {
              operationId: string;
              parameters?: unknown[];
              requestBody?: unknown;
              responses?: Record<string, unknown>;
            }
          | undefined;
        if (!op) continue;
        const params = [...((item.parameters as unknown[]) ?? []), ...(op.parameters ?? [])];
        const reqBody = op.requestBody ? (deref({ node: op.requestBody, file }).node as { content?: Record<string, { schema?: unknown }> }) : undefined;
        const reqSchema = reqBody?.content?.['application/json']?.schema;
        const ok = op.responses?.['200'] ? (deref({ node: op.responses['200'], file }).node as { content?: Record<string, { schema?: unknown }> }) : undefined;
        const resSchema = ok?.content?.['application/json']?.schema;
        ops.push({
          file: f,
          operationId: op.operationId,
          method: method.toUpperCase(),
          path: base + key.trim(),
          pathParams: parameterNames(params, file, 'path'),
          query: parameterNames(params, file, 'query'),
          headers: parameterNames(params, file, 'header'),
          body: reqSchema ? [...corpusPropertyNames({ node: reqSchema, file })].sort() : [],
          bodyOpaque: reqSchema ? isOpaqueObject({ node: reqSchema, file }) : false,
          response: resSchema ? [...corpusPropertyNames({ node: resSchema, file })].sort() : [],
        });
      }
    }
  }
  return ops;
}

/** Every `description` and `summary` string anywhere in the corpus YAML/JSON files of one version. */
export function corpusProse(version: string): string[] {
  const root = path.join(CORPUS, version);
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'description' || k === 'summary' || k === 'title') && typeof x === 'string') out.push(x);
        else visit(x);
      }
    }
  };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(ya?ml|json)$/.test(name)) {
        try {
          visit(name.endsWith('.json') ? JSON.parse(readFileSync(abs, 'utf8')) : parse(readFileSync(abs, 'utf8'), { maxAliasCount: -1 }));
        } catch {
          // A corpus file that does not parse contributes no prose.
        }
      }
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}
