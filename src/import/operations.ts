/**
 * OpenAPI 3.1 operations to RPCs and HTTP bindings: one RPC and one binding
 * per operation, named from operationId, with the server's basePath folded
 * into the path. Parameters and the JSON body become the RPC's request
 * fields; the first 2xx response is the RPC's response; error responses
 * give the RPC's error codes (from their examples) and the binding's
 * statuses.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceLocation } from '../ir/types.js';
import type { ExampleResolver } from './examples.js';
import { lifecycleKeys } from './lifecycle.js';
import { camelCase, fileStem, kebabCase, pascalCase } from './names.js';
import { isRaw, type Node, type SchemaConverter } from './schema-convert.js';
import type { SourceFiles } from './source-files.js';

type Raw = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface ImportedGroup {
  id: string;
  title: string;
  /** Source file, relative to the checkout. */
  source: string;
  rpcs: Record<string, Node>;
  bindings: Record<string, Node>;
}

export interface ImportedOperation {
  rpc: string;
  method: string;
  path: string;
  source: string;
}

const JSON_TYPES = ['application/json'];

function firstJson(content: unknown): { type: string; media: Raw } | undefined {
  if (!isRaw(content)) return undefined;
  for (const t of JSON_TYPES) if (isRaw(content[t])) return { type: t, media: content[t] as Raw };
  const [t, media] = Object.entries(content)[0] ?? [];
  return t && isRaw(media) ? { type: t, media } : undefined;
}

/** The example values of a media type object, by name. */
function mediaExamples(media: Raw): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (media.example !== undefined) out.push(['example', media.example]);
  if (isRaw(media.examples)) for (const [n, e] of Object.entries(media.examples)) if (isRaw(e) && e.value !== undefined) out.push([n, e.value]);
  return out;
}

export class OperationImporter {
  readonly groups: ImportedGroup[] = [];
  readonly operations: ImportedOperation[] = [];
  private readonly routes = new Map<string, { rpc: string; loc: SourceLocation }>();
  private readonly rpcNames = new Set<string>();

  constructor(
    private readonly files: SourceFiles,
    private readonly diags: DiagnosticBag,
    private readonly schemas: SchemaConverter,
    private readonly examples: ExampleResolver,
  ) {}

  /** Resolves a `$ref`'d component (parameter, response), returning it and the file it lives in. */
  private deref(value: unknown, file: string, depth = 0): { value: Raw; file: string } | undefined {
    if (!isRaw(value)) return undefined;
    if (typeof value.$ref !== 'string' || depth > 10) return { value, file };
    const target = this.files.resolveRef(file, value.$ref);
    const v = this.files.get(target, this.files.loc(file, value, '$ref'));
    return this.deref(v, target.file, depth + 1);
  }

  importFile(rel: string): void {
    const f = this.files.load(rel);
    if (!f || !isRaw(f.value)) return;
    const doc = f.value;
    if (!isRaw(doc.paths)) {
      this.diags.add('MX1309', `${rel} has no "paths"; not an OpenAPI API description, skipped`, this.files.loc(rel));
      return;
    }
    const basePath = this.basePath(doc);
    const info = isRaw(doc.info) ? doc.info : {};
    const group: ImportedGroup = {
      id: kebabCase(fileStem(rel)),
      title: typeof info.title === 'string' ? info.title : fileStem(rel),
      source: rel,
      rpcs: {},
      bindings: {},
    };
    const schemes = this.securitySchemes(doc, rel);
    for (const [rawKey, pathItemRaw] of Object.entries(doc.paths)) {
      const pathItem = this.deref(pathItemRaw, rel)?.value;
      if (!pathItem) continue;
      const key = rawKey.trim();
      const keyLoc = this.files.loc(rel, doc.paths, rawKey);
      if (key !== rawKey) this.schemas.note(`path key ${JSON.stringify(rawKey)} has surrounding whitespace; imported as "${key}"`, keyLoc);
      for (const m of Object.keys(pathItem)) {
        if (['head', 'options', 'trace'].includes(m)) this.diags.add('MX1309', `${m.toUpperCase()} ${key} is not imported: the IR binds GET, PUT, POST, DELETE and PATCH`, this.files.loc(rel, pathItem, m));
      }
      for (const method of METHODS) {
        const op = pathItem[method];
        if (!isRaw(op)) continue;
        const fullPath = joinPath(basePath, key);
        const opLoc = this.files.loc(rel, pathItem, method);
        const route = `${method.toUpperCase()} ${fullPath.replace(/\{[^}]+\}/g, '{}')}`;
        const prev = this.routes.get(route);
        if (prev) {
          this.diags.add('MX1304', `${method.toUpperCase()} ${fullPath} is also the route of "${prev.rpc}"${key !== rawKey ? ' (the path key differs only by whitespace)' : ''}; this operation is not imported`, opLoc, [{ loc: prev.loc, message: 'first imported here' }]);
          continue;
        }
        const name = this.rpcName(op, method, fullPath, opLoc);
        this.routes.set(route, { rpc: name, loc: opLoc });
        this.importOperation(group, name, method, fullPath, pathItem, op, rel, schemes, doc);
        this.operations.push({ rpc: name, method: method.toUpperCase(), path: fullPath, source: rel });
      }
    }
    if (Object.keys(group.rpcs).length) this.groups.push(group);
  }

  private basePath(doc: Raw): string {
    const servers = Array.isArray(doc.servers) ? doc.servers : [];
    const s = servers.find(isRaw);
    if (!s) return '';
    const vars = isRaw(s.variables) ? s.variables : {};
    const url = typeof s.url === 'string' ? s.url : '';
    // Substitute every variable's default, then keep the path part of the URL.
    const filled = url.replace(/\{([^}]+)\}/g, (_, v: string) => {
      if (v === 'protocol' || v === 'hostname') return '';
      const d = isRaw(vars[v]) ? (vars[v] as Raw).default : undefined;
      return typeof d === 'string' ? d : '';
    });
    const m = /^(?:[a-z]+:)?\/\/[^/]*(\/.*)?$/.exec(filled) ?? /^:\/\/(\/.*)?$/.exec(filled);
    const p = m ? (m[1] ?? '') : filled.replace(/^:\/\//, '');
    return p.replace(/\/+$/, '');
  }

  private securitySchemes(doc: Raw, rel: string): Map<string, Raw> {
    const out = new Map<string, Raw>();
    const comps = isRaw(doc.components) ? doc.components : {};
    const ss = isRaw(comps.securitySchemes) ? comps.securitySchemes : {};
    for (const [n, v] of Object.entries(ss)) {
      const d = this.deref(v, rel);
      if (d) out.set(n, d.value);
    }
    return out;
  }

  private rpcName(op: Raw, method: string, path: string, loc: SourceLocation): string {
    let base = typeof op.operationId === 'string' && op.operationId.trim() ? op.operationId.trim() : '';
    if (!base) {
      base = camelCase(`${method} ${path.replace(/\{([^}]+)\}/g, 'by $1')}`);
      this.diags.add('MX1309', `operation ${method.toUpperCase()} ${path} has no operationId; imported as "${base}"`, loc);
    } else if (!/^[a-z][A-Za-z0-9]*$/.test(base)) {
      const fixed = camelCase(base);
      this.diags.add('MX1309', `operationId "${base}" is not lowerCamelCase; imported as "${fixed}"`, loc);
      base = fixed;
    }
    let name = base;
    for (let i = 2; this.rpcNames.has(name); i++) name = `${base}${i}`;
    if (name !== base) this.diags.add('MX1309', `operationId "${base}" is used twice; this operation is imported as "${name}"`, loc);
    this.rpcNames.add(name);
    return name;
  }

  private importOperation(group: ImportedGroup, name: string, method: string, path: string, pathItem: Raw, op: Raw, rel: string, schemes: Map<string, Raw>, doc: Raw): void {
    const opLoc = this.files.loc(rel, op);
    const properties: Node = {};
    const binding: Node = { method: method.toUpperCase(), path };
    const query: string[] = [];
    const headers: Record<string, string> = {};
    const requestExample: Record<string, unknown> = {};
    const required: string[] = [];

    // Path-level parameters, overridden by operation parameters of the same name and location.
    const params = new Map<string, { p: Raw; file: string }>();
    for (const list of [pathItem.parameters, op.parameters]) {
      if (!Array.isArray(list)) continue;
      for (const item of list) {
        const d = this.deref(item, rel);
        if (!d || typeof d.value.name !== 'string') continue;
        params.set(`${String(d.value.in)}:${d.value.name}`, { p: d.value, file: d.file });
      }
    }
    for (const { p, file } of params.values()) {
      const pname = p.name as string;
      const where = String(p.in);
      if (where === 'cookie') {
        this.diags.add('MX1309', `cookie parameter "${pname}" of ${name} is not imported: the IR binds path, query and header fields`, this.files.loc(file, p));
        continue;
      }
      if (properties[pname]) {
        this.diags.add('MX1309', `parameter "${pname}" of ${name} appears in more than one location; only the first is imported`, this.files.loc(file, p));
        continue;
      }
      const schema = this.schemas.convert(isRaw(p.schema) ? p.schema : {}, file);
      if (typeof p.description === 'string' && p.description.trim()) schema.description = p.description.trim();
      const isRequired = where === 'path' || p.required === true;
      if (isRequired) {
        schema.required = true;
        required.push(pname);
      }
      if (p.deprecated === true) schema.deprecated = {};
      Object.assign(schema, lifecycleKeys(p));
      properties[pname] = schema;
      if (where === 'query') query.push(pname);
      else if (where === 'header') headers[pname] = pname;
      if (p.example !== undefined) requestExample[pname] = this.examples.resolve(p.example, file);
      else if (isRaw(p.examples)) {
        const first = Object.values(p.examples).find((e) => isRaw(e) && e.value !== undefined) as Raw | undefined;
        if (first) requestExample[pname] = this.examples.resolve(first.value, file);
      }
    }
    for (const m of path.matchAll(/\{([^}]+)\}/g)) {
      if (!properties[m[1]!]) {
        this.diags.add('MX1309', `path parameter "${m[1]}" of ${name} is not declared; imported as a required string`, opLoc);
        properties[m[1]!] = { type: 'string', required: true };
        required.push(m[1]!);
      }
    }

    // The body: an inline object's properties become request fields; anything else is one field.
    const body = this.deref(op.requestBody, rel);
    let bodyField: string | undefined;
    if (body) {
      const media = firstJson(body.value.content);
      if (media) {
        const raw = this.derefSchema(media.media.schema, body.file);
        const inlineObject = raw && isRaw(raw.value) && !raw.value.$ref && !raw.value.allOf && !raw.value.oneOf && !raw.value.anyOf
          && isRaw(raw.value.properties) && Object.keys(raw.value.properties).length > 0
          && raw.value.patternProperties === undefined && !isRaw(raw.value.additionalProperties)
          && Object.keys(raw.value.properties).every((k) => !(k in properties));
        const bodyExamples = mediaExamples(media.media).map(([, v]) => this.examples.resolve(v, body.file));
        if (inlineObject && media.type === 'application/json') {
          const converted = this.schemas.convert(raw.value, raw.file);
          for (const [k, v] of Object.entries((converted.properties ?? {}) as Node)) properties[k] = v;
          if (bodyExamples[0] !== undefined && isRaw(bodyExamples[0])) Object.assign(requestExample, bodyExamples[0]);
        } else {
          bodyField = properties.body ? 'requestBody' : 'body';
          const schema = media.type === 'application/json' ? this.schemas.convert(isRaw(media.media.schema) ? media.media.schema : {}, body.file) : { type: 'binary' };
          if (typeof body.value.description === 'string' && body.value.description.trim() && !schema.description) schema.description = body.value.description.trim();
          if (body.value.required === true) schema.required = true;
          properties[bodyField] = schema;
          binding.body = bodyField;
          if (media.type !== 'application/json') this.schemas.note(`request body of type ${media.type} is imported as a binary field`, opLoc);
          if (bodyExamples[0] !== undefined) requestExample[bodyField] = bodyExamples[0];
        }
      }
    } else if (method === 'get' || method === 'delete') binding.body = 'none';

    // Responses: the first 2xx is the RPC's; 4xx/5xx give error codes.
    const responses = isRaw(op.responses) ? op.responses : {};
    const statuses = Object.keys(responses).sort();
    const success = statuses.filter((s) => /^2\d\d$/.test(s));
    let response: Node = { type: 'object', properties: {} };
    const responseExamples: [string, unknown][] = [];
    if (success.length) {
      const status = success[0]!;
      if (status !== '200') binding.status = Number(status);
      if (success.length > 1) this.schemas.note(`${name} has ${success.length} success responses (${success.join(', ')}); the IR keeps one, ${status}`, this.files.loc(rel, responses, success[1]!));
      const r = this.deref(responses[status], rel);
      const media = r ? firstJson(r.value.content) : undefined;
      if (r && media) {
        if (media.type !== 'application/json') {
          response = { type: 'binary' };
          binding.responseContentType = media.type;
        } else {
          const schemaRaw = media.media.schema;
          response = this.schemas.convert(isRaw(schemaRaw) ? schemaRaw : {}, r.file);
          if (isRaw(schemaRaw) && typeof schemaRaw.$ref !== 'string' && response.type === 'object') {
            // An inline response object becomes a named schema called after its operation.
            if (typeof r.value.description === 'string' && !response.description) response.description = r.value.description.trim();
            const ref = this.schemas.hoist(`rpc:${name}:response`, `${pascalCase(name)}Response`, response, `${kebabCase(group.source.split('/')[2] ?? 'api')}-responses`);
            response = { ref };
          }
        }
        for (const [n, v] of mediaExamples(media.media)) responseExamples.push([n, this.examples.resolve(v, r.file)]);
      } else if (r) {
        if (isRaw(r.value.headers)) this.schemas.note(`response headers of ${name} are not imported`, this.files.loc(r.file, r.value, 'headers'));
      }
      if (r && isRaw(r.value.headers) && media) this.schemas.note(`response headers of ${name} are not imported`, this.files.loc(r.file, r.value, 'headers'));
    } else {
      this.schemas.note(`${name} has no success response; its response is imported as an empty object`, opLoc);
    }

    const errors: Node[] = [];
    const errorStatus: Record<string, number> = {};
    for (const status of statuses) {
      if (!/^[45]\d\d$/.test(status)) continue;
      const r = this.deref(responses[status], rel);
      if (!r) continue;
      const codes = this.errorCodes(r.value, r.file);
      if (status === '429') binding.rateLimited = true;
      if (!codes.length) {
        this.schemas.note(`error response ${status} of ${name} names no errcode in its examples; the IR keeps errors by code, so this status is not imported`, this.files.loc(rel, responses, status));
        continue;
      }
      for (const code of codes) {
        if (errorStatus[code] !== undefined) {
          if (errorStatus[code] !== Number(status)) this.schemas.note(`${code} of ${name} is returned with ${errorStatus[code]} and ${status}; the IR keeps one status per code (${errorStatus[code]})`, this.files.loc(rel, responses, status));
          continue;
        }
        errorStatus[code] = Number(status);
        const description = typeof r.value.description === 'string' && r.value.description.trim() ? r.value.description.trim() : `Returned with HTTP status ${status}.`;
        errors.push({ code, description });
      }
    }
    if (errors.length) binding.errors = errorStatus;

    // Authentication.
    const security = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
    const used = security.filter(isRaw).flatMap((s) => Object.keys(s));
    if (used.length === 0) binding.auth = 'none';
    for (const s of used) {
      const scheme = schemes.get(s);
      if (!scheme) {
        this.diags.add('MX1305', `${name} uses security scheme "${s}", which ${rel} does not define; imported as x-matrix (the only authenticated scheme the IR has)`, this.files.loc(rel, op, 'security'));
      } else if (!(scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'x-matrix')) {
        this.schemas.note(`security scheme "${s}" is not X-Matrix; imported as x-matrix (the only authenticated scheme the IR has)`, this.files.loc(rel, op, 'security'));
      }
    }

    if (query.length) binding.query = query;
    if (Object.keys(headers).length) binding.headers = headers;

    const rpc: Node = {
      summary: typeof op.summary === 'string' && op.summary.trim() ? op.summary.trim() : name,
    };
    if (typeof op.description === 'string' && op.description.trim()) rpc.description = op.description.trim();
    if (op.deprecated === true) rpc.deprecated = {};
    Object.assign(rpc, lifecycleKeys(op));
    rpc.request = { type: 'object', properties };
    rpc.response = response;
    if (errors.length) rpc.errors = errors;
    const examples: Node[] = [];
    const requiredFields = Object.entries(properties).filter(([, p]) => isRaw(p) && p.required === true).map(([k]) => k);
    const requestComplete = requiredFields.every((r) => r in requestExample);
    const request = requestComplete && (Object.keys(requestExample).length > 0 || Object.keys(properties).length === 0) ? requestExample : undefined;
    if (!requestComplete && Object.keys(requestExample).length) {
      this.schemas.note(`the request example of ${name} lacks required fields (${requiredFields.filter((r) => !(r in requestExample)).join(', ')}); only the response example is imported`, opLoc);
    }
    if (responseExamples.length) {
      responseExamples.forEach(([n, v], i) => {
        const ex: Node = { name: n };
        if (i === 0 && request) ex.request = request;
        ex.response = v;
        examples.push(ex);
      });
    } else if (request) examples.push({ name: 'request', request });
    if (examples.length) rpc.examples = examples;
    group.rpcs[name] = rpc;
    group.bindings[name] = binding;
  }

  private derefSchema(schema: unknown, file: string): { value: unknown; file: string } | undefined {
    if (!isRaw(schema)) return undefined;
    return { value: schema, file };
  }

  /** errcodes named by an error response: its examples, else the schema's errcode enum or example. */
  private errorCodes(resp: Raw, file: string): string[] {
    const media = firstJson(resp.content);
    if (!media) return [];
    const codes = new Set<string>();
    for (const [, v] of mediaExamples(media.media)) {
      const ex = this.examples.resolve(v, file);
      if (isRaw(ex) && typeof ex.errcode === 'string' && /^M_[A-Z0-9_]+$/.test(ex.errcode)) codes.add(ex.errcode);
    }
    if (codes.size === 0) {
      const seen = new Set<string>();
      const fromSchema = (s: unknown, f: string, depth: number): void => {
        if (!isRaw(s) || depth > 10) return;
        if (typeof s.$ref === 'string') {
          const t = this.files.resolveRef(f, s.$ref);
          const k = `${t.file}#${t.pointer}`;
          if (seen.has(k)) return;
          seen.add(k);
          fromSchema(this.files.get(t), t.file, depth + 1);
          return;
        }
        for (const m of Array.isArray(s.allOf) ? s.allOf : []) fromSchema(m, f, depth + 1);
        const props = isRaw(s.properties) ? s.properties : {};
        const ec = props.errcode;
        if (isRaw(ec)) {
          if (Array.isArray(ec.enum)) for (const c of ec.enum) if (typeof c === 'string' && /^M_[A-Z0-9_]+$/.test(c)) codes.add(c);
          if (typeof ec.example === 'string' && /^M_[A-Z0-9_]+$/.test(ec.example) && ec.example !== 'M_UNKNOWN') codes.add(ec.example);
        }
      };
      fromSchema(media.media.schema, file, 0);
    }
    return [...codes].sort();
  }
}

function joinPath(base: string, p: string): string {
  const path = p.startsWith('/') ? p : `/${p}`;
  return `${base}${path}`.replace(/\/{2,}/g, '/');
}
