/**
 * Event schemas to event types and EDU types.
 *
 * - data/event-schemas/schema/<type>.yaml: a room event (its allOf reaches
 *   core-event-schema/room_event.yaml) is a message event type, a state
 *   event (state_event.yaml) a state event type. Other events (account
 *   data, ephemeral and to-device events) have no event kind in the IR and
 *   are imported as EDU types, unless the API itself defines an EDU of the
 *   same name (the federation form wins).
 * - <type>$<variant>.yaml: for m.room.message, the schema of one msgtype;
 *   for other types, a named schema of that content variant.
 * - data/api/<api>/definitions/event-schemas/*.yaml: the API's EDUs.
 * - data/event-schemas/examples/<type>[$<name>].yaml|json: examples of the
 *   type, with `$ref` + sibling overrides resolved.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { ExampleResolver } from './examples.js';
import { lifecycleKeys } from './lifecycle.js';
import { fileStem, pascalCase } from './names.js';
import { isRaw, type Node, type SchemaConverter } from './schema-convert.js';
import type { SourceFiles } from './source-files.js';

type Raw = Record<string, unknown>;

export interface ImportedEvents {
  eventTypes: Record<string, Node>;
  eduTypes: Record<string, Node>;
}

interface Flattened {
  /** property name -> raw schema and the file it is written in */
  props: Map<string, { raw: unknown; file: string }>;
  /** core-event-schema files reached through allOf */
  bases: Set<string>;
}

function listYaml(root: string, rel: string): string[] {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ya?ml|json)$/.test(d.name))
    .map((d) => `${rel}/${d.name}`)
    .sort();
}

export class EventImporter {
  readonly result: ImportedEvents = { eventTypes: {}, eduTypes: {} };
  /** Types imported from data/event-schemas (their examples live there; the API's EDUs carry their own). */
  private readonly fromEventSchemas = new Set<string>();
  /** Client-side forms of the API's own EDUs, kept as named content schemas: type -> schema node. */
  private readonly clientForms = new Map<string, Node>();

  constructor(
    private readonly files: SourceFiles,
    private readonly diags: DiagnosticBag,
    private readonly schemas: SchemaConverter,
    private readonly examples: ExampleResolver,
  ) {}

  /** Own and inherited properties of an event schema: own first, then allOf members from the last. */
  private flatten(raw: unknown, file: string, depth = 0, out: Flattened = { props: new Map(), bases: new Set() }): Flattened {
    if (!isRaw(raw) || depth > 20) return out;
    if (typeof raw.$ref === 'string') {
      const t = this.files.resolveRef(file, raw.$ref);
      out.bases.add(path.posix.basename(t.file));
      return this.flatten(this.files.get(t, this.files.loc(file, raw, '$ref')), t.file, depth + 1, out);
    }
    if (isRaw(raw.properties)) for (const [k, v] of Object.entries(raw.properties)) if (!out.props.has(k)) out.props.set(k, { raw: v, file });
    // allOf members override the ones before them (the corpus's reading), so the last is asked first.
    for (const m of (Array.isArray(raw.allOf) ? [...raw.allOf] : []).reverse()) this.flatten(m, file, depth + 1, out);
    return out;
  }

  private typeName(flat: Flattened, key: 'type' | 'edu_type'): string | undefined {
    const t = flat.props.get(key);
    if (!t || !isRaw(t.raw)) return undefined;
    if (Array.isArray(t.raw.enum) && typeof t.raw.enum[0] === 'string') return t.raw.enum[0];
    if (typeof t.raw.const === 'string') return t.raw.const;
    return undefined;
  }

  private content(flat: Flattened): Node {
    const c = flat.props.get('content');
    return c ? this.schemas.convert(c.raw, c.file) : { type: 'object', properties: {} };
  }

  /** The API's own EDUs (definitions/event-schemas of the imported API folders). */
  importApiEdus(apiDir: string): void {
    for (const rel of listYaml(this.files.root, `${apiDir}/definitions/event-schemas`)) {
      const f = this.files.load(rel);
      if (!f || !isRaw(f.value)) continue;
      const flat = this.flatten(f.value, rel);
      const name = this.typeName(flat, 'edu_type') ?? fileStem(rel);
      if (this.result.eduTypes[name]) {
        this.diags.add('MX1309', `EDU type "${name}" is defined twice; ${rel} is not imported`, this.files.loc(rel));
        continue;
      }
      const edu: Node = { description: describe(f.value, name), ...lifecycleKeys(f.value), content: this.content(flat) };
      const examples = this.collectSchemaExamples(f.value, rel);
      if (examples.length) edu.examples = examples;
      this.result.eduTypes[name] = edu;
    }
  }

  /** Examples written on an EDU schema (a whole EDU) or on its content (content only). */
  private collectSchemaExamples(raw: Raw, rel: string): unknown[] {
    const out: unknown[] = [];
    const visit = (s: unknown, depth: number): void => {
      if (!isRaw(s) || depth > 5) return;
      if (s.example !== undefined) out.push(this.examples.resolve(s.example, rel));
      for (const m of Array.isArray(s.allOf) ? s.allOf : []) if (isRaw(m) && !m.$ref) visit(m, depth + 1);
    };
    visit(raw, 0);
    return out.filter((e) => isRaw(e) && (e.content !== undefined || e.edu_type !== undefined));
  }

  /** data/event-schemas: event types, msgtypes and examples. */
  importEventSchemas(dir = 'data/event-schemas'): void {
    const schemaFiles = listYaml(this.files.root, `${dir}/schema`);
    const base = (rel: string): { type: string; variant?: string } => {
      const stem = fileStem(rel);
      const i = stem.indexOf('$');
      return i < 0 ? { type: stem } : { type: stem.slice(0, i), variant: stem.slice(i + 1) };
    };
    const variants: string[] = [];
    for (const rel of schemaFiles) {
      if (base(rel).variant !== undefined) {
        variants.push(rel);
        continue;
      }
      const f = this.files.load(rel);
      if (!f || !isRaw(f.value)) continue;
      const flat = this.flatten(f.value, rel);
      const core = ['event.yaml', 'room_event.yaml', 'state_event.yaml', 'sync_room_event.yaml', 'sync_state_event.yaml'].some((b) => flat.bases.has(b));
      let name = this.typeName(flat, 'type');
      if (!name && core) {
        // An event schema that does not pin its "type": the file name is the type.
        name = fileStem(rel);
        this.schemas.note(`event schema declares no "type" enum; imported as "${name}" from its file name`, this.files.loc(rel));
      }
      if (!name) continue; // a schema fragment referenced by events, not an event
      const state = flat.bases.has('state_event.yaml') || flat.bases.has('sync_state_event.yaml');
      const room = state || flat.bases.has('room_event.yaml') || flat.bases.has('sync_room_event.yaml');
      const description = describe(f.value, name);
      if (room) {
        const ev: Node = { kind: state ? 'state' : 'message', description, ...lifecycleKeys(f.value) };
        if (state) {
          const sk = flat.props.get('state_key');
          const stateKey: Node = {};
          if (sk && isRaw(sk.raw)) {
            if (typeof sk.raw.description === 'string' && sk.raw.description.trim()) stateKey.description = sk.raw.description.trim();
            const conv = this.schemas.convert(sk.raw, sk.file);
            if (typeof conv.format === 'string') stateKey.format = conv.format;
            else if ((Array.isArray(sk.raw.enum) && sk.raw.enum.length === 1 && sk.raw.enum[0] === '') || sk.raw.const === '') stateKey.format = 'empty';
          }
          ev.stateKey = stateKey;
        }
        ev.content = this.content(flat);
        this.result.eventTypes[name] = ev;
        this.fromEventSchemas.add(name);
      } else if (this.result.eduTypes[name]) {
        // The API defines an EDU of this name (its federation form). The client-side
        // form is a different shape, so it is kept as a named content schema, and its
        // examples go with it, rather than being dropped.
        const schema = this.content(flat);
        if (description && !schema.description) schema.description = description;
        const schemaName = `${pascalCase(name)}ClientContent`;
        this.schemas.hoist(`client-form:${name}`, schemaName, schema, 'client-events');
        this.clientForms.set(name, schema);
        this.diags.add('MX1309', `${rel} is the client-side form of "${name}", an EDU the API defines too; imported as the named schema ${schemaName}`, this.files.loc(rel));
      } else {
        this.schemas.note(`"${name}" is neither a room nor a state event; imported as an EDU type (the IR has no other event kind)`, this.files.loc(rel));
        this.result.eduTypes[name] = { description, ...lifecycleKeys(f.value), content: this.content(flat) };
        this.fromEventSchemas.add(name);
      }
    }
    for (const rel of variants) {
      const { type, variant } = base(rel);
      const f = this.files.load(rel);
      if (!f || !isRaw(f.value)) continue;
      const flat = this.flatten(f.value, rel);
      const owner = this.result.eventTypes[type];
      const contentRaw = flat.props.get('content');
      const hasMsgtype = !!contentRaw && isRaw(contentRaw.raw) && isRaw(contentRaw.raw.properties) && 'msgtype' in contentRaw.raw.properties;
      if (owner && hasMsgtype) {
        const msgtypes = (owner.msgtypes ??= {}) as Node;
        const schema = this.content(flat);
        const d = describe(f.value, '');
        if (d && !schema.description) schema.description = d;
        msgtypes[variant!] = schema;
      } else {
        // No msgtype to key it on: keep the variant's content as a named schema.
        const schema = this.content(flat);
        const d = describe(f.value, '');
        if (d && !schema.description) schema.description = d;
        this.schemas.hoist(`event-variant:${type}$${variant}`, `${pascalCase(type)}${pascalCase(variant!)}Content`, schema, 'event-variants');
        this.diags.add('MX1309', `${rel} is a variant of "${type}" not keyed on msgtype; imported as the named schema ${pascalCase(type)}${pascalCase(variant!)}Content`, this.files.loc(rel));
      }
    }
    this.importEventExamples(`${dir}/examples`);
  }

  private importEventExamples(dir: string): void {
    for (const rel of listYaml(this.files.root, dir)) {
      const stem = fileStem(rel);
      const type = stem.includes('$') ? stem.slice(0, stem.indexOf('$')) : stem;
      const owner = this.fromEventSchemas.has(type) ? (this.result.eventTypes[type] ?? this.result.eduTypes[type]) : undefined;
      const clientForm = owner ? undefined : this.clientForms.get(type);
      if (clientForm) {
        const f = this.files.load(rel);
        if (!f) continue;
        if (this.files.isJsonText(rel)) this.examples.noteJsonYaml(rel);
        const ex = this.examples.resolve(f.value, rel);
        // A schema example is validated by mxspec check; the schema describes the content.
        if (isRaw(ex) && ex.content !== undefined) ((clientForm.examples ??= []) as unknown[]).push(ex.content);
        continue;
      }
      if (!owner) continue; // examples of fragments (invite_room_state.json ...) are used through $ref
      const f = this.files.load(rel);
      if (!f) continue;
      if (this.files.isJsonText(rel)) this.examples.noteJsonYaml(rel);
      const ex = this.examples.resolve(f.value, rel);
      const list = (owner.examples ??= []) as unknown[];
      list.push(ex);
    }
  }
}

function describe(raw: Raw, fallback: string): string {
  if (typeof raw.description === 'string' && raw.description.trim()) return raw.description.trim();
  if (typeof raw.title === 'string' && raw.title.trim()) return raw.title.trim();
  return fallback;
}
