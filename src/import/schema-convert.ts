/**
 * JSON Schema (OpenAPI 3.1 dialect, as the corpus writes it) to mxspec
 * schema nodes (spec/README.md), as plain values ready to be written as
 * YAML. Every `$ref` target becomes one named schema (deduplicated by
 * target); names are given at the end, from the target's file name and
 * pointer, so they do not depend on the order files were visited in.
 * Constructs the IR has no exact form for are normalised as docs/import.md
 * describes, each with an MX1306 note.
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceLocation } from '../ir/types.js';
import type { ExampleResolver } from './examples.js';
import { mapStringFormat, NUMERIC_ENCODING_FORMATS } from './formats.js';
import { lifecycleKeys } from './lifecycle.js';
import { fileStem, pascalCase } from './names.js';
import { targetId, type RefTarget, type SourceFiles } from './source-files.js';

export type Node = Record<string, unknown>;
type Raw = Record<string, unknown>;

/** Stands in for a named schema's name until names are assigned. */
export const REF_MARK = '\u0000ref:';

export function isRaw(v: unknown): v is Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export interface NamedTarget {
  id: string;
  target: RefTarget;
  /** The converted schema (set once converted). */
  node?: Node;
  /** Preferred name (a position-derived name for hoisted inline schemas). */
  hint?: string;
  /** Lifecycle keys of the named schema itself. */
  scope: Record<string, unknown>;
  /** Schema file (without .yaml) the named schema is written to. */
  setName: string;
}

const STRUCTURAL_KEYS = ['type', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'const', 'oneOf', 'anyOf', 'allOf', '$ref', 'format', 'pattern', 'x-pattern-format'];

function isAnnotationOnly(raw: Raw): boolean {
  return !STRUCTURAL_KEYS.some((k) => raw[k] !== undefined);
}

/** Source-format keys a property mapping may carry beside its schema. */
const PROPERTY_SCOPE = ['added', 'changed', 'deprecated'];

export class SchemaConverter {
  readonly named = new Map<string, NamedTarget>();
  private readonly converting = new Set<string>();
  private readonly queue: string[] = [];
  /** Normalisation notes, one per kind and place (MX1306). */
  private readonly noted = new Set<string>();
  /** Raw schemas being converted as members of an allOf (their "required" may name other members' properties). */
  private readonly allOfMembers = new WeakSet<object>();

  constructor(
    private readonly files: SourceFiles,
    private readonly diags: DiagnosticBag,
    private readonly examples: ExampleResolver,
  ) {}

  note(what: string, loc: SourceLocation): void {
    const k = `${loc.file}:${loc.line}:${loc.column}|${what}`;
    if (this.noted.has(k)) return;
    this.noted.add(k);
    this.diags.add('MX1306', what, loc);
  }

  /** The named schema for a `$ref` target (converted later, by drain()). */
  namedFor(target: RefTarget): NamedTarget {
    const id = targetId(target);
    let n = this.named.get(id);
    if (!n) {
      n = { id, target, scope: {}, setName: schemaSetFor(target.file) };
      this.named.set(id, n);
      this.queue.push(id);
    }
    return n;
  }

  /** Registers an already converted schema under a position-derived name (hoisted inline schema). */
  hoist(id: string, hint: string, node: Node, setName: string, scope: Record<string, unknown> = {}): string {
    const n: NamedTarget = { id, target: { file: id, pointer: '' }, node, hint, scope, setName };
    this.named.set(id, n);
    return REF_MARK + id;
  }

  /** Converts every named target reached so far (and those they reach). */
  drain(): void {
    while (this.queue.length) {
      const id = this.queue.shift()!;
      this.ensureConverted(id);
    }
  }

  private ensureConverted(id: string): Node | undefined {
    const n = this.named.get(id);
    if (!n) return undefined;
    if (n.node || this.converting.has(id)) return n.node;
    this.converting.add(id);
    const raw = this.files.get(n.target);
    if (raw === undefined) {
      n.node = { type: 'any', description: `Unresolved reference to ${id}.` };
    } else if (!isRaw(raw)) {
      this.diags.add('MX1303', `$ref target ${id} is not a schema`, { file: n.target.file, line: 1, column: 1 });
      n.node = { type: 'any' };
    } else {
      n.scope = lifecycleKeys(raw);
      n.node = this.convert(raw, n.target.file);
    }
    this.converting.delete(id);
    return n.node;
  }

  /** The converted node a reference mark stands for, following aliases (a named schema that is only a ref). */
  resolveMark(mark: string, depth = 0): { id: string; node: Node } | undefined {
    if (!mark.startsWith(REF_MARK) || depth > 20) return undefined;
    const id = mark.slice(REF_MARK.length);
    const node = this.ensureConverted(id);
    if (!node) return undefined;
    if (typeof node.ref === 'string' && Object.keys(node).every((k) => ['ref', 'description', 'title', 'examples'].includes(k))) {
      return this.resolveMark(node.ref, depth + 1) ?? { id, node };
    }
    return { id, node };
  }

  private isObjectNode(node: Node): boolean {
    return node.type === 'object' && !node.nullable;
  }

  /** Converts one schema written in `file`. */
  convert(raw: unknown, file: string): Node {
    if (raw === true || raw === undefined) return { type: 'any' };
    if (!isRaw(raw)) {
      this.note('a schema that is not a mapping was imported as "any"', this.files.loc(file));
      return { type: 'any' };
    }
    const loc = this.files.loc(file, raw);
    let node: Node;
    if (typeof raw.$ref === 'string') {
      const target = this.files.resolveRef(file, raw.$ref);
      const named = this.namedFor(target);
      node = { ref: REF_MARK + named.id };
      const siblings = Object.keys(raw).filter((k) => k !== '$ref' && !k.startsWith('x-') && !['description', 'title', 'example', 'examples'].includes(k));
      if (siblings.length) this.note(`keys beside $ref (${siblings.join(', ')}) are dropped; the referenced schema applies`, loc);
    } else if (Array.isArray(raw.allOf)) {
      node = this.convertAllOf(raw, file, loc);
    } else if (Array.isArray(raw.oneOf) || Array.isArray(raw.anyOf)) {
      const list = (raw.oneOf ?? raw.anyOf) as unknown[];
      if (raw.anyOf) this.note('anyOf is imported as a union (oneOf)', loc);
      const members = list.filter((m) => !(isRaw(m) && m.type === 'null' && Object.keys(m).length === 1));
      const nullable = members.length < list.length;
      const converted = members.map((m) => this.convert(m, file));
      node = converted.length === 1 ? { ...converted[0]! } : { type: 'union', oneOf: converted };
      if (nullable) node.nullable = true;
    } else if (Array.isArray(raw.type)) {
      const types = (raw.type as unknown[]).filter((t): t is string => typeof t === 'string');
      const nonNull = types.filter((t) => t !== 'null');
      const nullable = nonNull.length < types.length;
      if (nonNull.length === 0) node = { type: 'null' };
      else if (nonNull.length === 1) node = this.convertTyped({ ...raw, type: nonNull[0] }, file, loc);
      else {
        const annotations = new Set(['description', 'title', 'example', 'examples', 'default']);
        node = {
          type: 'union',
          oneOf: nonNull.map((t) => {
            const part: Raw = { type: t };
            for (const [k, v] of Object.entries(raw)) if (k !== 'type' && !annotations.has(k) && !k.startsWith('x-')) part[k] = v;
            return this.convertTyped(part, file, loc);
          }),
        };
      }
      if (nullable && node.type !== 'null') node.nullable = true;
    } else {
      node = this.convertTyped(raw, file, loc);
    }
    return this.annotate(node, raw, file);
  }

  /** title, description, examples, default, deprecated, readOnly, writeOnly. */
  private annotate(node: Node, raw: Raw, file: string): Node {
    if (typeof raw.title === 'string' && node.title === undefined) node.title = raw.title;
    if (typeof raw.description === 'string' && raw.description.trim()) node.description = raw.description.trim();
    const examples: unknown[] = [];
    if (raw.example !== undefined) examples.push(this.examples.resolve(raw.example, file, this.files.loc(file, raw, 'example')));
    if (Array.isArray(raw.examples)) for (const e of raw.examples) examples.push(this.examples.resolve(e, file, this.files.loc(file, raw, 'examples')));
    if (examples.length) node.examples = examples;
    if (raw.default !== undefined && node.type !== 'ref' && node.ref === undefined) node.default = raw.default;
    if (raw.deprecated === true) node.deprecated = {};
    if (raw.readOnly === true) node.readOnly = true;
    if (raw.writeOnly === true) node.writeOnly = true;
    return node;
  }

  private convertTyped(raw: Raw, file: string, loc: SourceLocation): Node {
    let type = typeof raw.type === 'string' ? raw.type : undefined;
    if (!type) {
      if (raw.properties !== undefined || raw.additionalProperties !== undefined || raw.patternProperties !== undefined) type = 'object';
      else if (raw.items !== undefined) type = 'array';
      else if (Array.isArray(raw.enum) && raw.enum.length) type = scalarTypeOf(raw.enum);
      else if (raw.const !== undefined) type = scalarTypeOf([raw.const]);
      else if (raw.format !== undefined || raw.pattern !== undefined) type = 'string';
    }
    switch (type) {
      case 'object':
        return this.convertObject(raw, file, loc);
      case 'array': {
        const node: Node = { type: 'array', items: isRaw(raw.items) ? this.convert(raw.items, file) : { type: 'any' } };
        if (Array.isArray(raw.items)) this.note('tuple "items" is imported as an array of any', loc);
        for (const k of ['minItems', 'maxItems', 'uniqueItems']) if (raw[k] !== undefined) node[k] = raw[k];
        return node;
      }
      case 'string': {
        const node: Node = { type: 'string' };
        const fmt = (raw.format ?? raw['x-pattern-format']) as unknown;
        if (typeof fmt === 'string') {
          const m = mapStringFormat(fmt);
          if ('format' in m) node.format = m.format;
          else this.diags.add('MX1307', `string format "${fmt}" has no IR identifier format; imported as a plain string`, this.files.loc(file, raw, raw.format !== undefined ? 'format' : 'x-pattern-format'));
        }
        if (typeof raw.pattern === 'string' && validPattern(raw.pattern)) node.pattern = raw.pattern;
        for (const k of ['minLength', 'maxLength']) if (typeof raw[k] === 'number') node[k] = raw[k];
        if (Array.isArray(raw.enum)) node.enum = raw.enum.filter(isScalar);
        if (typeof raw.const === 'string') node.const = raw.const;
        return node;
      }
      case 'integer':
      case 'number': {
        const node: Node = { type };
        if (typeof raw.format === 'string' && !NUMERIC_ENCODING_FORMATS.has(raw.format)) {
          this.note(`number format "${raw.format}" has no IR form and is dropped`, loc);
        }
        for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) if (typeof raw[k] === 'number') node[k] = raw[k];
        if (Array.isArray(raw.enum)) node.enum = raw.enum.filter(isScalar);
        if (typeof raw.const === 'number') node.const = raw.const;
        return node;
      }
      case 'boolean': {
        const node: Node = { type: 'boolean' };
        if (typeof raw.const === 'boolean') node.const = raw.const;
        if (Array.isArray(raw.enum)) this.note('enum on a boolean is dropped', loc);
        return node;
      }
      case 'null':
        return { type: 'null' };
      case undefined:
        return { type: 'any' };
      default:
        this.note(`type "${type}" is not a JSON Schema type; imported as "any"`, loc);
        return { type: 'any' };
    }
  }

  private convertObject(raw: Raw, file: string, loc: SourceLocation): Node {
    const props = isRaw(raw.properties) ? raw.properties : {};
    const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r): r is string => typeof r === 'string') : []);
    const pattern = isRaw(raw.patternProperties) ? Object.entries(raw.patternProperties) : [];
    const ap = raw.additionalProperties;
    const hasProps = Object.keys(props).length > 0;
    if (!hasProps && (pattern.length || isRaw(ap))) {
      // A JSON object used as a dictionary.
      const node: Node = { type: 'map' };
      if (pattern.length) {
        const [pat, valueRaw] = pattern[0]!;
        node.values = this.convert(valueRaw, file);
        const keys: Node = {};
        if (validPattern(pat)) keys.pattern = pat;
        const fmt = isRaw(valueRaw) ? valueRaw['x-pattern-format'] : undefined;
        if (typeof fmt === 'string') {
          const m = mapStringFormat(fmt);
          if ('format' in m) keys.format = m.format;
        }
        // x-pattern-format describes the key, not the value.
        if (isRaw(node.values) && node.values.type === 'string' && isRaw(valueRaw) && valueRaw.format === undefined && valueRaw['x-pattern-format'] !== undefined) delete node.values.format;
        if (Object.keys(keys).length) node.keys = keys;
        if (pattern.length > 1) this.note(`${pattern.length} patternProperties are imported as one map keyed by the first pattern, with a union of the value schemas`, loc);
        if (pattern.length > 1) node.values = { type: 'union', oneOf: pattern.map(([, v]) => this.convert(v, file)) };
        if (isRaw(ap)) this.note('additionalProperties beside patternProperties is dropped (the map admits the pattern only)', loc);
      } else node.values = this.convert(ap, file);
      if (required.size) this.note('"required" on a dictionary is dropped', loc);
      return node;
    }
    const properties: Node = {};
    for (const [name, p] of Object.entries(props)) properties[name] = this.property(p, file, required.has(name));
    const node: Node = { type: 'object', properties };
    if (ap === false) node.additionalProperties = false;
    else if (isRaw(ap)) node.additionalProperties = this.convert(ap, file);
    if (pattern.length) {
      this.note('patternProperties beside properties are imported as additionalProperties (the key pattern is dropped)', loc);
      if (node.additionalProperties === undefined) {
        node.additionalProperties = pattern.length === 1 ? this.convert(pattern[0]![1], file) : { type: 'union', oneOf: pattern.map(([, v]) => this.convert(v, file)) };
      }
    }
    const missing = [...required].filter((r) => !(r in props));
    // Inside allOf the merge resolves these against the other members; elsewhere they name nothing.
    if (missing.length && !this.allOfMembers.has(raw)) this.note(`required ${missing.map((m) => `"${m}"`).join(', ')} not declared in properties; the requirement is dropped`, loc);
    return node;
  }

  /** A property: its schema plus required and lifecycle keys. */
  property(raw: unknown, file: string, required: boolean): Node {
    const node = this.convert(raw, file);
    if (required) node.required = true;
    if (isRaw(raw)) Object.assign(node, lifecycleKeys(raw));
    return node;
  }

  /**
   * allOf: references to object schemas become `extends`, inline members and
   * the keys beside allOf are merged into the object's own properties.
   * Members that are not objects are flattened where one member carries
   * the shape, otherwise the first structural member wins (noted).
   */
  private convertAllOf(raw: Raw, file: string, loc: SourceLocation): Node {
    const members = (raw.allOf as unknown[]).filter(isRaw);
    const siblings: Raw = {};
    for (const [k, v] of Object.entries(raw)) if (k !== 'allOf' && !['description', 'title', 'example', 'examples', 'default', 'deprecated'].includes(k) && !k.startsWith('x-')) siblings[k] = v;
    const parts: Raw[] = [...members];
    if (!isAnnotationOnly(siblings)) parts.push(siblings);
    const annotations: Raw[] = [];
    const structural: { raw: Raw; node: Node }[] = [];
    for (const m of parts) {
      if (isAnnotationOnly(m)) annotations.push(m);
      else {
        this.allOfMembers.add(m);
        structural.push({ raw: m, node: this.convert(m, file) });
      }
    }
    const requiredNames = new Set<string>();
    for (const s of structural) if (!s.raw.$ref && Array.isArray(s.raw.required)) for (const r of s.raw.required) if (typeof r === 'string') requiredNames.add(r);
    let node: Node;
    if (structural.length === 0) node = { type: 'any' };
    else if (structural.length === 1) node = { ...structural[0]!.node };
    else {
      const parents: string[] = [];
      const own: Node = {};
      let additional: unknown;
      let ok = true;
      for (const s of structural) {
        if (typeof s.node.ref === 'string') {
          const r = this.resolveMark(s.node.ref);
          if (r && this.isObjectNode(r.node)) parents.push(REF_MARK + r.id);
          else ok = false;
        } else if (this.isObjectNode(s.node) && !s.node.extends) {
          Object.assign(own, s.node.properties as Node);
          if (s.node.additionalProperties !== undefined) additional = s.node.additionalProperties;
        } else if (this.isObjectNode(s.node) && Array.isArray(s.node.extends)) {
          parents.push(...(s.node.extends as string[]));
          Object.assign(own, s.node.properties as Node);
        } else ok = false;
      }
      if (ok) {
        const inherited = this.inheritedProperties([...new Set(parents)]);
        const overlap = Object.keys(own).filter((k) => k in inherited.properties);
        if (overlap.length) {
          // A later member redeclares a referenced schema's property: the corpus means an override
          // (later wins), which `extends` (a conjunction) cannot say, so the members are flattened.
          this.note(`allOf redeclares ${overlap.map((o) => `"${o}"`).join(', ')} of a referenced schema; flattened into one object, the later declaration winning`, loc);
          const merged: Node = structuredClone(inherited.properties);
          for (const [k, v] of Object.entries(own)) {
            const before = merged[k];
            merged[k] = isRaw(before) && before.required === true && isRaw(v) ? { ...v, required: true } : v;
          }
          node = { type: 'object', properties: merged };
          const ap = additional !== undefined ? additional : inherited.additionalProperties;
          if (ap !== undefined) node.additionalProperties = ap;
        } else {
          node = { type: 'object', properties: own };
          if (parents.length) node.extends = [...new Set(parents)];
          if (additional !== undefined) node.additionalProperties = additional;
        }
      } else {
        this.note('allOf of members that are not all objects: the first member that carries a shape is kept', loc);
        node = { ...structural[0]!.node };
      }
    }
    if (node.type === 'object') {
      const props = (node.properties ?? {}) as Node;
      const stillMissing: string[] = [];
      for (const name of requiredNames) {
        const p = props[name];
        if (isRaw(p)) p.required = true;
        else stillMissing.push(name);
      }
      for (const name of stillMissing) {
        // Required here, declared in a parent: redeclare it as required (the IR marks required per property).
        const parentProp = this.findInherited(node, name);
        if (parentProp) props[name] = { ...structuredClone(parentProp), required: true };
        else this.note(`"${name}" is listed as required but no member declares it; the requirement is dropped`, loc);
      }
      node.properties = props;
    }
    for (const a of annotations) this.annotate(node, a, file);
    return node;
  }

  /** Properties of the named objects `marks` stand for, with their own parents', earlier ones first. */
  private inheritedProperties(marks: string[], depth = 0): { properties: Node; additionalProperties?: unknown } {
    const out: { properties: Node; additionalProperties?: unknown } = { properties: {} };
    if (depth > 20) return out;
    for (const m of marks) {
      const r = this.resolveMark(m);
      if (!r) continue;
      const up = this.inheritedProperties((r.node.extends as string[] | undefined) ?? [], depth + 1);
      Object.assign(out.properties, up.properties, (r.node.properties ?? {}) as Node);
      if (r.node.additionalProperties !== undefined) out.additionalProperties = r.node.additionalProperties;
      else if (up.additionalProperties !== undefined) out.additionalProperties = up.additionalProperties;
    }
    return out;
  }

  private findInherited(node: Node, name: string, depth = 0): Node | undefined {
    if (depth > 20) return undefined;
    for (const p of (node.extends as string[] | undefined) ?? []) {
      const r = this.resolveMark(p);
      if (!r) continue;
      const props = (r.node.properties ?? {}) as Node;
      if (isRaw(props[name])) {
        const copy = { ...(props[name] as Node) };
        delete copy.required;
        for (const k of PROPERTY_SCOPE) delete copy[k];
        return copy;
      }
      const deeper = this.findInherited(r.node, name, depth + 1);
      if (deeper) return deeper;
    }
    return undefined;
  }

  /**
   * Gives every named target its name: the preferred (position) name, else
   * the file name (plus the pointer's last segment), made unique by
   * prefixing folder names; ties resolve in sorted id order.
   */
  assignNames(reserved: Set<string> = new Set()): Map<string, string> {
    const names = new Map<string, string>();
    const taken = new Set(reserved);
    const ids = [...this.named.keys()].sort();
    const candidates = (n: NamedTarget): string[] => {
      if (n.hint) return [n.hint];
      const stem = fileStem(n.target.file);
      const tail = n.target.pointer ? n.target.pointer.split('/').filter(Boolean).filter((s) => !['components', 'schemas', 'definitions', 'properties', '$defs'].includes(s)).pop() : undefined;
      const base = pascalCase(tail ? `${stem} ${tail}` : stem);
      const dirs = n.target.file.split('/').slice(0, -1).reverse().filter((d) => !['data', 'api', 'schema', 'definitions', 'schemas'].includes(d));
      const out = [base];
      let prefix = '';
      for (const d of dirs) {
        prefix = pascalCase(d) + prefix;
        out.push(prefix + base);
      }
      return out;
    };
    // Hinted names and unique base names first, so a clash never steals a plain name from a later file.
    const ordered = [...ids.filter((id) => this.named.get(id)!.hint), ...ids.filter((id) => !this.named.get(id)!.hint)];
    for (const id of ordered) {
      const n = this.named.get(id)!;
      let chosen = candidates(n).find((c) => !taken.has(c));
      if (!chosen) {
        const base = candidates(n)[0]!;
        let i = 2;
        while (taken.has(`${base}${i}`)) i++;
        chosen = `${base}${i}`;
      }
      taken.add(chosen);
      names.set(id, chosen);
    }
    return names;
  }
}

function scalarTypeOf(values: unknown[]): string | undefined {
  const kinds = new Set(values.filter((v) => v !== null).map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v)));
  if (kinds.size !== 1) return kinds.size === 0 ? undefined : 'string';
  const k = [...kinds][0]!;
  return ['string', 'integer', 'number', 'boolean'].includes(k) ? k : undefined;
}

function isScalar(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function validPattern(p: string): boolean {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Which schemas/<set>.yaml a named schema from `file` is written to. */
export function schemaSetFor(file: string): string {
  const parts = file.split('/');
  const i = parts.indexOf('data');
  const rest = (i >= 0 ? parts.slice(i + 1) : parts).slice(0, -1).filter((p) => !['api', 'schema'].includes(p));
  return rest.length ? rest.join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-') : 'imported';
}

/** Replaces reference marks with the assigned names (in refs and extends), in place. */
export function applyNames(value: unknown, names: Map<string, string>): void {
  const name = (mark: string): string => names.get(mark.slice(REF_MARK.length)) ?? mark;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (!isRaw(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (k === 'examples' || k === 'default' || k === 'enum' || k === 'const') continue;
      if (k === 'ref' && typeof x === 'string' && x.startsWith(REF_MARK)) v.ref = name(x);
      else if (k === 'extends' && Array.isArray(x)) v.extends = x.map((e) => (typeof e === 'string' && e.startsWith(REF_MARK) ? name(e) : e));
      else walk(x);
    }
  };
  walk(value);
}
