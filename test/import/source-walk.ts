/**
 * An independent reading of OpenAPI/JSON Schema for the import tests: walks
 * the corpus files (with their cross-file $refs) and the generated OpenAPI
 * document the same way, so the two can be compared field by field. Kept
 * apart from src/import on purpose: the test must not agree with the
 * importer just because it shares its code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

type Raw = Record<string, unknown>;
const isRaw = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A schema and the document it must be read in (for its $refs). */
export interface Located {
  schema: unknown;
  doc: string;
}

export interface SchemaSpace {
  /** Dereferences a $ref written in `doc`. */
  deref(ref: string, doc: string): Located;
}

/** Files of a checkout, $refs relative to the file. */
export class FileSpace implements SchemaSpace {
  private readonly cache = new Map<string, unknown>();
  constructor(readonly root: string) {}
  load(rel: string): unknown {
    if (!this.cache.has(rel)) {
      const text = readFileSync(path.join(this.root, rel), 'utf8');
      this.cache.set(rel, rel.endsWith('.json') ? JSON.parse(text) : parse(text));
    }
    return this.cache.get(rel);
  }
  deref(ref: string, doc: string): Located {
    const [file, pointer] = ref.split('#') as [string, string | undefined];
    const target = file ? path.posix.normalize(path.posix.join(path.posix.dirname(doc), file)) : doc;
    let v = this.load(target);
    for (const seg of (pointer ?? '').split('/').filter(Boolean)) v = (v as Raw)[decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~')];
    return { schema: v, doc: target };
  }
}

/** One OpenAPI document: $refs are JSON pointers into it. */
export class DocSpace implements SchemaSpace {
  constructor(private readonly root: unknown) {}
  deref(ref: string): Located {
    let v = this.root;
    for (const seg of ref.replace(/^#/, '').split('/').filter(Boolean)) v = (v as Raw)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    return { schema: v, doc: '' };
  }
}

export function resolve(space: SchemaSpace, l: Located, depth = 0): Located {
  if (isRaw(l.schema) && typeof l.schema.$ref === 'string' && depth < 30) return resolve(space, space.deref(l.schema.$ref, l.doc), depth + 1);
  return l;
}

export interface Shape {
  /** object | array | string | integer | number | boolean | null | any | union */
  type: string;
  properties?: Map<string, { required: boolean; schema: Located }>;
  items?: Located;
}

/**
 * The shape of a schema: allOf members merged (later declarations win,
 * required flags accumulate), `type: [T, "null"]` read as T, an object
 * without properties but with additionalProperties/patternProperties read
 * as a dictionary ("map"), oneOf/anyOf as "union".
 */
export function shapeOf(space: SchemaSpace, start: Located, depth = 0): Shape {
  const l = resolve(space, start);
  const s = l.schema;
  if (!isRaw(s) || depth > 30) return { type: 'any' };
  if (Array.isArray(s.allOf)) {
    const props = new Map<string, { required: boolean; schema: Located }>();
    const required = new Set<string>();
    let type = 'any';
    const parts: Located[] = [...s.allOf.map((m) => ({ schema: m, doc: l.doc }))];
    const rest: Raw = { ...s };
    delete rest.allOf;
    parts.push({ schema: rest, doc: l.doc });
    for (const p of parts) {
      const sh = shapeOf(space, p, depth + 1);
      const r = resolve(space, p).schema;
      if (isRaw(r) && Array.isArray(r.required)) for (const n of r.required) required.add(String(n));
      if (sh.type === 'object') {
        type = 'object';
        for (const [k, v] of sh.properties ?? []) {
          const before = props.get(k);
          props.set(k, { required: v.required || Boolean(before?.required), schema: v.schema });
        }
      } else if (sh.type !== 'any' && type === 'any') type = sh.type;
    }
    for (const k of required) {
      const p = props.get(k);
      if (p) p.required = true;
    }
    return type === 'object' ? { type, properties: props } : { type };
  }
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) {
    const members = ((s.oneOf ?? s.anyOf) as unknown[]).filter((m) => !(isRaw(m) && m.type === 'null'));
    return members.length === 1 ? shapeOf(space, { schema: members[0], doc: l.doc }, depth + 1) : { type: 'union' };
  }
  let type = s.type;
  if (Array.isArray(type)) {
    const nn = type.filter((t) => t !== 'null');
    type = nn.length === 1 ? nn[0] : nn.length === 0 ? 'null' : 'union';
  }
  if (type === undefined) {
    if (s.properties || s.additionalProperties || s.patternProperties) type = 'object';
    else if (s.items) type = 'array';
  }
  if (type === 'object') {
    const own = isRaw(s.properties) ? Object.keys(s.properties) : [];
    if (own.length === 0 && (isRaw(s.additionalProperties) || isRaw(s.patternProperties))) return { type: 'map' };
    const req = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
    const props = new Map<string, { required: boolean; schema: Located }>();
    for (const k of own) props.set(k, { required: req.has(k), schema: { schema: (s.properties as Raw)[k], doc: l.doc } });
    return { type: 'object', properties: props };
  }
  if (type === 'array') return { type: 'array', items: { schema: s.items, doc: l.doc } };
  if (typeof type === 'string') return { type };
  if (Array.isArray(s.enum)) return { type: typeof s.enum[0] === 'number' ? 'number' : typeof s.enum[0] };
  return { type: 'any' };
}

/** How many property pairs compareShapes has looked at (so a test can tell a real walk from a vacuous one). */
export const compareStats = { properties: 0 };

/** Differences between two schemas' shapes, down to `depth` levels of properties and items. */
export function compareShapes(a: { space: SchemaSpace; at: Located }, b: { space: SchemaSpace; at: Located }, where: string, depth: number, out: string[]): void {
  const sa = shapeOf(a.space, a.at);
  const sb = shapeOf(b.space, b.at);
  const norm = (t: string): string => (t === 'integer' ? 'number' : t);
  if (norm(sa.type) !== norm(sb.type) && sa.type !== 'any' && sb.type !== 'any' && sa.type !== 'union' && sb.type !== 'union') {
    out.push(`${where}: type ${sa.type} in the source, ${sb.type} generated`);
    return;
  }
  if (sa.type !== sb.type && (sa.type === 'integer' || sb.type === 'integer')) out.push(`${where}: type ${sa.type} in the source, ${sb.type} generated`);
  if (depth <= 0) return;
  if (sa.type === 'object' && sb.type === 'object') {
    const na = [...sa.properties!.keys()].sort();
    const nb = [...sb.properties!.keys()].sort();
    if (na.join(',') !== nb.join(',')) out.push(`${where}: properties [${na.join(', ')}] in the source, [${nb.join(', ')}] generated`);
    for (const k of na) {
      const pa = sa.properties!.get(k)!;
      const pb = sb.properties!.get(k);
      if (!pb) continue;
      compareStats.properties++;
      if (pa.required !== pb.required) out.push(`${where}.${k}: required ${pa.required} in the source, ${pb.required} generated`);
      compareShapes({ space: a.space, at: pa.schema }, { space: b.space, at: pb.schema }, `${where}.${k}`, depth - 1, out);
    }
  } else if (sa.type === 'array' && sb.type === 'array') {
    compareShapes({ space: a.space, at: sa.items! }, { space: b.space, at: sb.items! }, `${where}[]`, depth - 1, out);
  }
}

export interface SourceOperation {
  method: string;
  path: string;
  file: string;
  op: Raw;
  pathItem: Raw;
}

/** Every operation of the API files in a folder, with the basePath folded in. */
export function sourceOperations(space: FileSpace, files: string[]): SourceOperation[] {
  const out: SourceOperation[] = [];
  for (const file of files) {
    const doc = space.load(file) as Raw;
    const server = (Array.isArray(doc.servers) ? doc.servers[0] : undefined) as Raw | undefined;
    const base = String(((server?.variables as Raw | undefined)?.basePath as Raw | undefined)?.default ?? '');
    for (const [p, item] of Object.entries((doc.paths ?? {}) as Raw)) {
      for (const m of ['get', 'put', 'post', 'delete', 'patch']) {
        const op = (item as Raw)[m];
        if (isRaw(op)) out.push({ method: m, path: `${base}${p.trim()}`, file, op, pathItem: item as Raw });
      }
    }
  }
  return out;
}
