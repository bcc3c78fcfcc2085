/**
 * The example validator as it was before src/ir/validator.ts interpreted the
 * JSON Schema itself: ajv 2020-12 with the same options (allErrors off,
 * formats not validated, references not inlined). Kept only as the oracle the
 * interpreter is compared with (test/checks/example-validator.test.ts).
 */
import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { EditionModel, SchemaNode } from '../../src/ir/types.js';
import { toJsonSchema } from '../../src/ir/json-schema.js';
import { BLOCK_PREFIX, pickError } from '../../src/ir/validator.js';

/** Marks a reference to a named definition until its content id is known. */
const PLACEHOLDER = 'mxspec-def:';
const ID_PREFIX = 'mxspec:schema:';
/** Beyond this many registered schemas a long-running watch starts a fresh cache. */
const MAX_SHARED_SCHEMAS = 50_000;

interface SharedCache {
  ajv: Ajv2020;
  registered: Set<string>;
  compiled: Map<string, ValidateFunction>;
}

let shared: SharedCache | undefined;

function sharedCache(): SharedCache {
  if (!shared || shared.registered.size + shared.compiled.size > MAX_SHARED_SCHEMAS) {
    shared = {
      // inlineRefs off: a referenced schema becomes its own function, compiled once.
      ajv: new Ajv2020({ strict: false, allErrors: false, validateFormats: false, inlineRefs: false, code: { optimize: false } }),
      registered: new Set(),
      compiled: new Map(),
    };
  }
  return shared;
}

type Json = unknown;

/** Calls fn for every placeholder reference in a JSON Schema. */
function visitRefs(s: Json, fn: (name: string) => void): void {
  if (Array.isArray(s)) {
    for (const x of s) visitRefs(x, fn);
  } else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(PLACEHOLDER)) fn(v.slice(PLACEHOLDER.length));
      else if (k !== 'const' && k !== 'enum' && k !== 'examples' && k !== 'default') visitRefs(v, fn);
    }
  }
}

/** A copy with placeholder references replaced by content ids. */
function resolveRefs(s: Json, idOf: (name: string) => string): Json {
  if (Array.isArray(s)) return s.map((x) => resolveRefs(x, idOf));
  if (s && typeof s === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(PLACEHOLDER)) out[k] = idOf(v.slice(PLACEHOLDER.length));
      else if (k !== 'const' && k !== 'enum' && k !== 'examples' && k !== 'default') out[k] = resolveRefs(v, idOf);
      else out[k] = v;
    }
    return out;
  }
  return s;
}

export class AjvEditionValidator {
  private readonly cache = new Map<SchemaNode, ValidateFunction>();
  private readonly defs = new Map<string, { schema: Json; text: string; deps: string[] }>();
  private readonly ids = new Map<string, string>();
  private readonly opts = { refPrefix: PLACEHOLDER, blockRef: (b: string) => PLACEHOLDER + BLOCK_PREFIX + b, bare: true };

  constructor(model: EditionModel) {
    const add = (name: string, node: SchemaNode): void => {
      const schema = toJsonSchema(node, this.opts);
      const deps = new Set<string>();
      visitRefs(schema, (n) => deps.add(n));
      this.defs.set(name, { schema, text: JSON.stringify(schema), deps: [...deps] });
    };
    for (const s of model.schemas) add(s.name, s.schema);
    for (const b of model.contentBlocks) add(BLOCK_PREFIX + b.name, b.schema);
  }

  /** The content id of a definition: its name and the JSON of everything it reaches. */
  private idOf(name: string): string {
    const known = this.ids.get(name);
    if (known) return known;
    const reach = new Set<string>([name]);
    const stack = [name];
    while (stack.length) {
      const d = this.defs.get(stack.pop()!);
      for (const n of d?.deps ?? []) {
        if (!reach.has(n)) {
          reach.add(n);
          stack.push(n);
        }
      }
    }
    const h = createHash('sha256').update(name);
    for (const n of [...reach].sort()) h.update('\0').update(n).update('\0').update(this.defs.get(n)?.text ?? '(missing)');
    const id = ID_PREFIX + h.digest('hex').slice(0, 32);
    this.ids.set(name, id);
    const c = sharedCache();
    const d = this.defs.get(name);
    if (d && !c.registered.has(id)) {
      c.ajv.addSchema({ ...(resolveRefs(d.schema, (n) => this.idOf(n)) as object), $id: id });
      c.registered.add(id);
    }
    return id;
  }

  private compile(node: SchemaNode): ValidateFunction {
    const schema = resolveRefs(toJsonSchema(node, this.opts), (n) => this.idOf(n));
    const key = JSON.stringify(schema);
    const c = sharedCache();
    let fn = c.compiled.get(key);
    if (!fn) {
      fn = c.ajv.compile(schema as object);
      c.compiled.set(key, fn);
    }
    return fn;
  }

  /** Returns undefined when valid, else the first error. */
  validate(node: SchemaNode, data: unknown): ErrorObject | undefined {
    let fn = this.cache.get(node);
    if (!fn) {
      fn = this.compile(node);
      this.cache.set(node, fn);
    }
    if (fn(data)) return undefined;
    return pickError(fn.errors ?? []) ?? { instancePath: '', keyword: '(none)', params: {}, message: '' };
  }
}
