/**
 * Validation of example data against one edition's IR schemas.
 *
 * The IR is first turned into the JSON Schema 2020-12 that the OpenAPI
 * document publishes (src/ir/json-schema.ts, bare: no descriptions), and that
 * schema is interpreted here. Why not ajv: ajv generates and evaluates code
 * per schema, which pays off when one schema checks many documents; the
 * example check validates each example once, and compiling was most of its
 * time (~290 ms of a cold build, seconds at 50× scale). The interpreter knows
 * only the keywords json-schema.ts emits and refuses any other, so the two
 * cannot drift apart silently; test/checks/validator-vs-ajv.test.ts holds it
 * to ajv's verdicts and first errors (same options as before: allErrors off,
 * formats not validated, Unicode patterns and code-point lengths).
 *
 * Keywords are tried in ajv's order so that, of several problems, the same
 * one is reported: the type, then const/enum/anyOf/oneOf/allOf, then the
 * number, string, array and object keywords, stopping at the first failing
 * group.
 */
import type { EditionModel, SchemaNode } from './types.js';
import { toJsonSchema } from './json-schema.js';

export const BLOCK_PREFIX = 'block:';

/** Marks a reference to a named definition; resolved against the edition's schemas and content blocks. */
const PLACEHOLDER = 'mxspec-def:';

/** One failed keyword, in the shape ajv reports (so messages read the same). */
export interface SchemaViolation {
  /** JSON Pointer into the validated data. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

type Json = Record<string, unknown>;

/** Every keyword json-schema.ts can emit with `bare`, and what the interpreter does with it. */
const KNOWN_KEYWORDS = new Set([
  'type', 'const', 'enum', 'anyOf', 'oneOf', 'allOf', '$ref',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern',
  'minItems', 'maxItems', 'uniqueItems', 'items',
  'required', 'propertyNames', 'additionalProperties', 'properties',
  // Annotations: no effect on validity (formats are not validated, as with ajv's validateFormats: false).
  'format', 'deprecated', 'readOnly', 'writeOnly', 'x-mxspec-format', 'x-mxspec-key-format',
]);

/** Verdicts by schema node and example data (see validateRemembered). */
const remembered = new WeakMap<SchemaNode, WeakMap<object, { reached: [string, SchemaNode | undefined][]; error: SchemaViolation | undefined }>>();

/** The `$ref` values inside a schema object, found once per object. */
const refsOf = new WeakMap<object, string[]>();

function refsIn(schema: Json): string[] {
  let refs = refsOf.get(schema);
  if (!refs) {
    const found: string[] = [];
    const walk = (v: unknown): void => {
      if (v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) {
        for (const x of v) walk(x);
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string') found.push(x);
        else walk(x);
      }
    };
    walk(schema);
    refsOf.set(schema, (refs = found));
  }
  return refs;
}

const BARE_OPTIONS = { refPrefix: PLACEHOLDER, blockRef: (b: string) => PLACEHOLDER + BLOCK_PREFIX + b, bare: true };

/**
 * Schema nodes' JSON Schemas, for validators to share: a node's depends on
 * the node alone (references stay names, resolved per edition), and the
 * editions' models hold the same node objects wherever an element does not
 * vary, so the second edition's validator converts only what differs. The
 * caller decides how long it lives (the example check: one run), since at
 * scale the schemas are tens of MiB.
 */
export class SchemaConversions {
  private readonly bare = new WeakMap<SchemaNode, Json>();
  /** Schema objects whose keywords were checked against KNOWN_KEYWORDS (once each, not on every value). */
  readonly vetted = new WeakSet<Json>();

  of(node: SchemaNode): Json {
    let json = this.bare.get(node);
    if (!json) this.bare.set(node, (json = toJsonSchema(node, BARE_OPTIONS)));
    return json;
  }
}

export class EditionValidator {
  private readonly defs = new Map<string, SchemaNode>();

  constructor(model: EditionModel, private readonly conversions = new SchemaConversions()) {
    for (const s of model.schemas) this.defs.set(s.name, s.schema);
    for (const b of model.contentBlocks) this.defs.set(BLOCK_PREFIX + b.name, b.schema);
  }

  /** Returns undefined when valid, else the error that says most precisely what is wrong. */
  validate(node: SchemaNode, data: unknown): SchemaViolation | undefined {
    return this.validateJson(this.conversions.of(node), data);
  }

  /**
   * `validate`, remembered across validators (so across builds) for object
   * data: the verdict holds while the node and the data are the same objects
   * and every definition the schema reaches, directly or through other
   * definitions, is the same node as then. Projection keeps the objects of
   * unchanged elements, so in `mxspec watch` an edit validates again only the
   * examples of the edited elements and of those that reach them.
   */
  validateRemembered(node: SchemaNode, data: unknown): SchemaViolation | undefined {
    if (data === null || typeof data !== 'object') return this.validate(node, data);
    const known = remembered.get(node)?.get(data);
    if (known && known.reached.every(([name, def]) => this.defs.get(name) === def)) return known.error;
    const error = this.validate(node, data);
    let byData = remembered.get(node);
    if (!byData) remembered.set(node, (byData = new WeakMap()));
    byData.set(data, { reached: this.reached(this.conversions.of(node)), error });
    return error;
  }

  /** The definitions a schema reaches, each with its node now (undefined for a name with no definition). */
  private reached(schema: Json): [string, SchemaNode | undefined][] {
    const names = new Set<string>();
    const pending = [schema];
    while (pending.length) {
      for (const ref of refsIn(pending.pop()!)) {
        const name = ref.startsWith(PLACEHOLDER) ? ref.slice(PLACEHOLDER.length) : ref;
        if (names.has(name)) continue;
        names.add(name);
        const def = this.definition(ref);
        if (def) pending.push(def);
      }
    }
    return [...names].map((n) => [n, this.defs.get(n)]);
  }

  /** Validates against a JSON Schema in the emitted subset, its references resolved in this edition. */
  validateJson(schema: Record<string, unknown>, data: unknown): SchemaViolation | undefined {
    const errors: SchemaViolation[] = [];
    if (this.check(schema, data, '', errors)) return undefined;
    return pickError(errors);
  }

  private definition(ref: string): Json | undefined {
    const node = this.defs.get(ref.startsWith(PLACEHOLDER) ? ref.slice(PLACEHOLDER.length) : ref);
    // An unknown name is reported by the reference check; here it constrains nothing.
    return node && this.conversions.of(node);
  }

  /** Validates data at `path` against one schema object, appending errors; true when valid. */
  private check(s: Json, data: unknown, path: string, errors: Array<SchemaViolation>): boolean {
    if (!this.conversions.vetted.has(s)) {
      for (const k in s) {
        if (!KNOWN_KEYWORDS.has(k)) throw new Error(`validator: JSON Schema keyword "${k}" is not supported (json-schema.ts emits it; teach src/ir/validator.ts)`);
      }
      this.conversions.vetted.add(s);
    }
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    // ajv checks the type first unless the schema has keywords for its one type; then it checks it with them, after the untyped ones.
    const typeWithKeywords = types.length === 1 && hasKeywordsFor(s, types[0]!);
    if (types.length && !typeWithKeywords && !hasType(data, types)) return typeError(s, path, errors);
    if (typeof s.$ref === 'string') {
      const target = this.definition(s.$ref);
      if (target && !this.check(target, data, path, errors)) return false;
    }
    if ('const' in s && !jsonEqual(data, s.const)) {
      errors.push({ instancePath: path, keyword: 'const', params: { allowedValue: s.const }, message: 'must be equal to constant' });
      return false;
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => jsonEqual(data, e))) {
      errors.push({ instancePath: path, keyword: 'enum', params: { allowedValues: s.enum }, message: 'must be equal to one of the allowed values' });
      return false;
    }
    if (Array.isArray(s.anyOf) && !this.anyOf(s.anyOf as Json[], data, path, errors)) return false;
    if (Array.isArray(s.oneOf) && !this.oneOf(s.oneOf as Json[], data, path, errors)) return false;
    if (Array.isArray(s.allOf)) {
      for (const sub of s.allOf as Json[]) if (!this.check(sub, data, path, errors)) return false;
    }
    if (typeWithKeywords && !hasType(data, types)) return typeError(s, path, errors);
    if (typeof data === 'number') return checkNumber(s, data, path, errors);
    if (typeof data === 'string') return checkString(s, data, path, errors);
    if (Array.isArray(data)) return this.checkArray(s, data, path, errors);
    if (data !== null && typeof data === 'object') return this.checkObject(s, data as Json, path, errors);
    return true;
  }

  private anyOf(subs: Json[], data: unknown, path: string, errors: SchemaViolation[]): boolean {
    const before = errors.length;
    for (const sub of subs) {
      if (this.check(sub, data, path, errors)) {
        errors.length = before;
        return true;
      }
    }
    errors.push({ instancePath: path, keyword: 'anyOf', params: {}, message: 'must match a schema in anyOf' });
    return false;
  }

  private oneOf(subs: Json[], data: unknown, path: string, errors: SchemaViolation[]): boolean {
    const before = errors.length;
    let passing: number | [number, number] | null = null;
    for (let i = 0; i < subs.length; i++) {
      if (!this.check(subs[i]!, data, path, errors)) continue;
      if (passing === null) passing = i;
      else {
        // Like ajv: the second match decides, later branches are not tried.
        passing = [passing as number, i];
        break;
      }
    }
    if (typeof passing === 'number') {
      errors.length = before;
      return true;
    }
    errors.push({ instancePath: path, keyword: 'oneOf', params: { passingSchemas: passing }, message: 'must match exactly one schema in oneOf' });
    return false;
  }

  private checkArray(s: Json, data: unknown[], path: string, errors: SchemaViolation[]): boolean {
    if (typeof s.maxItems === 'number' && data.length > s.maxItems) {
      errors.push({ instancePath: path, keyword: 'maxItems', params: { limit: s.maxItems }, message: `must NOT have more than ${s.maxItems} items` });
      return false;
    }
    if (typeof s.minItems === 'number' && data.length < s.minItems) {
      errors.push({ instancePath: path, keyword: 'minItems', params: { limit: s.minItems }, message: `must NOT have fewer than ${s.minItems} items` });
      return false;
    }
    if (s.uniqueItems === true) {
      const dup = duplicatePair(data, s.items as Json | undefined);
      if (dup) {
        errors.push({ instancePath: path, keyword: 'uniqueItems', params: dup, message: `must NOT have duplicate items (items ## ${dup.j} and ${dup.i} are identical)` });
        return false;
      }
    }
    if (s.items && typeof s.items === 'object') {
      for (let i = 0; i < data.length; i++) if (!this.check(s.items as Json, data[i], `${path}/${i}`, errors)) return false;
    }
    return true;
  }

  private checkObject(s: Json, data: Json, path: string, errors: SchemaViolation[]): boolean {
    if (Array.isArray(s.required)) {
      for (const name of s.required as string[]) {
        if (data[name] === undefined || !Object.prototype.hasOwnProperty.call(data, name)) {
          errors.push({ instancePath: path, keyword: 'required', params: { missingProperty: name }, message: `must have required property '${name}'` });
          return false;
        }
      }
    }
    if (s.propertyNames && typeof s.propertyNames === 'object') {
      for (const key of Object.keys(data)) {
        const inner: SchemaViolation[] = [];
        if (!this.check(s.propertyNames as Json, key, path, inner)) {
          errors.push(...inner.map((e) => ({ ...e, params: { ...e.params }, propertyName: key })));
          errors.push({ instancePath: path, keyword: 'propertyNames', params: { propertyName: key }, message: 'property name must be valid' });
          return false;
        }
      }
    }
    const props = (s.properties ?? {}) as Record<string, Json>;
    if (s.additionalProperties !== undefined) {
      for (const key of Object.keys(data)) {
        if (Object.prototype.hasOwnProperty.call(props, key)) continue;
        if (s.additionalProperties === false) {
          errors.push({ instancePath: path, keyword: 'additionalProperties', params: { additionalProperty: key }, message: 'must NOT have additional properties' });
          return false;
        }
        if (!this.check(s.additionalProperties as Json, data[key], `${path}/${pointerToken(key)}`, errors)) return false;
      }
    }
    for (const key of Object.keys(props)) {
      if (!Object.prototype.hasOwnProperty.call(data, key) || data[key] === undefined) continue;
      if (!this.check(props[key]!, data[key], `${path}/${pointerToken(key)}`, errors)) return false;
    }
    return true;
  }
}

/**
 * The duplicate ajv finds first, named as ajv names it: for items of scalar
 * types it scans from the end remembering where each value was seen (i the
 * earlier index); otherwise it compares each item from the end with those
 * before it (i the later index).
 */
function duplicatePair(data: unknown[], items: Json | undefined): { i: number; j: number } | undefined {
  const itemTypes = items?.type === undefined ? [] : Array.isArray(items.type) ? (items.type as string[]) : [items.type as string];
  if (itemTypes.length && !itemTypes.some((t) => t === 'object' || t === 'array')) {
    const seen = new Map<string, number>();
    for (let i = data.length - 1; i >= 0; i--) {
      const item = data[i];
      if (!hasType(item, itemTypes)) continue;
      const key = String(typeof item === 'string' && itemTypes.length > 1 ? `${item}_` : item);
      const j = seen.get(key);
      if (j !== undefined) return { i, j };
      seen.set(key, i);
    }
    return undefined;
  }
  for (let i = data.length - 1; i > 0; i--) {
    for (let j = i - 1; j >= 0; j--) if (jsonEqual(data[i], data[j])) return { i, j };
  }
  return undefined;
}

function checkNumber(s: Json, data: number, path: string, errors: SchemaViolation[]): boolean {
  const limits: Array<[string, string, (a: number, b: number) => boolean]> = [
    ['maximum', '<=', (a, b) => a <= b],
    ['minimum', '>=', (a, b) => a >= b],
    ['exclusiveMaximum', '<', (a, b) => a < b],
    ['exclusiveMinimum', '>', (a, b) => a > b],
  ];
  for (const [keyword, comparison, ok] of limits) {
    const limit = s[keyword];
    if (typeof limit === 'number' && !ok(data, limit)) {
      errors.push({ instancePath: path, keyword, params: { comparison, limit }, message: `must be ${comparison} ${limit}` });
      return false;
    }
  }
  return true;
}

const patterns = new Map<string, RegExp | null>();

function checkString(s: Json, data: string, path: string, errors: SchemaViolation[]): boolean {
  if (typeof s.maxLength === 'number' || typeof s.minLength === 'number') {
    const length = codePointLength(data);
    if (typeof s.maxLength === 'number' && length > s.maxLength) {
      errors.push({ instancePath: path, keyword: 'maxLength', params: { limit: s.maxLength }, message: `must NOT have more than ${s.maxLength} characters` });
      return false;
    }
    if (typeof s.minLength === 'number' && length < s.minLength) {
      errors.push({ instancePath: path, keyword: 'minLength', params: { limit: s.minLength }, message: `must NOT have fewer than ${s.minLength} characters` });
      return false;
    }
  }
  if (typeof s.pattern === 'string') {
    let re = patterns.get(s.pattern);
    if (re === undefined) {
      // Patterns were checked when the source was parsed (schema-node.ts); one that still fails to compile constrains nothing.
      try {
        re = new RegExp(s.pattern, 'u');
      } catch {
        re = null;
      }
      patterns.set(s.pattern, re);
    }
    if (re && !re.test(data)) {
      errors.push({ instancePath: path, keyword: 'pattern', params: { pattern: s.pattern }, message: `must match pattern "${s.pattern}"` });
      return false;
    }
  }
  return true;
}

function typeError(s: Json, path: string, errors: SchemaViolation[]): false {
  errors.push({ instancePath: path, keyword: 'type', params: { type: s.type }, message: `must be ${String(s.type)}` });
  return false;
}

/** Keywords that apply to one JSON type (integer, boolean and null have none of their own). */
const TYPE_KEYWORDS: Record<string, string[]> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['maxItems', 'minItems', 'uniqueItems', 'prefixItems', 'items', 'contains'],
  object: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties'],
};

function hasKeywordsFor(s: Json, type: string): boolean {
  return (TYPE_KEYWORDS[type] ?? []).some((k) => s[k] !== undefined);
}

function hasType(data: unknown, types: string[]): boolean {
  return types.some((t) => isOfType(data, t));
}

function isOfType(data: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return data !== null && typeof data === 'object' && !Array.isArray(data);
    case 'array':
      return Array.isArray(data);
    case 'string':
      return typeof data === 'string';
    case 'boolean':
      return typeof data === 'boolean';
    case 'null':
      return data === null;
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return typeof data === 'number' && Number.isFinite(data) && data % 1 === 0;
    default:
      return false;
  }
}

/** Lengths in Unicode code points, as JSON Schema counts them (a surrogate pair is one character). */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    n++;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Structural equality of JSON values (key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual((a as Json)[k], (b as Json)[k]));
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The deepest error is usually the one that says what is wrong (ajv's errors have the same shape). */
export function pickError<E extends { keyword: string; instancePath: string }>(errors: E[]): E | undefined {
  let best: E | undefined;
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    if (!best || e.instancePath.length > best.instancePath.length) best = e;
  }
  return best ?? errors[0];
}

export function describeError(e: SchemaViolation): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'the value';
  switch (e.keyword) {
    case 'required':
      return `${where} is missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${where} has property "${(e.params as { additionalProperty: string }).additionalProperty}", which the schema does not allow`;
    case 'type':
      return `${where} must be ${(e.params as { type: string }).type}`;
    case 'enum':
      return `${where} must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}`;
  }
}
