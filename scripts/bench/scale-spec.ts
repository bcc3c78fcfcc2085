/**
 * Synthetic corpora for the benchmark: the shipped spec scaled by a factor.
 * Copy k (k = 2..factor) of every RPC group, binding group, schema set and
 * event set is added beside the original, with every global name renamed
 * (RPCs, groups, schemas, schema sets, content blocks, event types, EDU
 * types, HTTP paths) and every reference to those names inside the copy
 * renamed the same way: links and directives in Markdown,
 * `ref`/`block`/`extends`/`replacement` in schema nodes, event examples'
 * `type`. Each document grows in place: its numbered sections are repeated
 * once per copy (headings and anchors renamed, placing the renamed groups
 * and schemas) before the appendices, so the drafts stay the same
 * documents, each about `factor` times as long, citing what the originals
 * cite. Room versions, references and editions are shared. The result is
 * valid by construction: `mxspec check` reports nothing the shipped spec
 * does not.
 *
 *   node dist/scripts/bench/scale-spec.js --factor 10 --spec spec --out /tmp/spec-10x
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { parseMarkdownDocument } from '../../src/parse/markdown.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import type { Section } from '../../src/ir/types.js';

type Json = unknown;
type Mapping = Record<string, Json>;

/** Every global name of the spec, by kind. */
interface Names {
  rpcs: Set<string>;
  rpcGroups: Set<string>;
  bindingGroups: Set<string>;
  schemas: Set<string>;
  schemaSets: Set<string>;
  blocks: Set<string>;
  events: Set<string>;
  edus: Set<string>;
  documents: Set<string>;
}

const COPIED_FOLDERS = ['rpcs', 'bindings', 'schemas', 'events'] as const;

/** Directives that place everything of a kind (or fixed content): they stay in the original sections only. */
const GLOBAL_DIRECTIVE = /^\s*::(content-blocks|event-types|edu-types|errors|bcp14-boilerplate|room-version)\b/;

function readYaml(file: string): Mapping {
  return (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Mapping;
}

function yamlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort() : [];
}

function keysOf(v: Json): string[] {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
}

export function collectNames(spec: string): Names {
  const n: Names = {
    rpcs: new Set(), rpcGroups: new Set(), bindingGroups: new Set(), schemas: new Set(), schemaSets: new Set(),
    blocks: new Set(), events: new Set(), edus: new Set(), documents: new Set(),
  };
  for (const f of yamlFiles(path.join(spec, 'rpcs'))) {
    const y = readYaml(path.join(spec, 'rpcs', f));
    n.rpcGroups.add(String((y.group as Mapping).id));
    for (const k of keysOf(y.rpcs)) n.rpcs.add(k);
  }
  for (const f of yamlFiles(path.join(spec, 'bindings'))) n.bindingGroups.add(String((readYaml(path.join(spec, 'bindings', f)).group as Mapping).id));
  for (const f of yamlFiles(path.join(spec, 'schemas'))) {
    n.schemaSets.add(path.basename(f, '.yaml'));
    for (const k of keysOf(readYaml(path.join(spec, 'schemas', f)).schemas)) n.schemas.add(k);
  }
  for (const f of yamlFiles(path.join(spec, 'events'))) {
    const y = readYaml(path.join(spec, 'events', f));
    for (const k of keysOf(y.contentBlocks)) n.blocks.add(k);
    for (const k of keysOf(y.eventTypes)) n.events.add(k);
    for (const k of keysOf(y.eduTypes)) n.edus.add(k);
  }
  for (const f of existsSync(path.join(spec, 'documents')) ? readdirSync(path.join(spec, 'documents')) : []) {
    if (f.endsWith('.md')) n.documents.add(path.basename(f, '.md'));
  }
  return n;
}

/** Renames of one copy. Names keep the casing rules of their kind. */
class Renamer {
  constructor(readonly names: Names, readonly k: number) {}
  private camel(s: string, set: Set<string>): string {
    return set.has(s) ? `${s}X${this.k}` : s;
  }
  private dotted(s: string, set: Set<string>): string {
    return set.has(s) ? `${s}.x${this.k}` : s;
  }
  private dashed(s: string, set: Set<string>): string {
    return set.has(s) ? `${s}-x${this.k}` : s;
  }
  rpc = (s: string): string => this.camel(s, this.names.rpcs);
  schema = (s: string): string => this.camel(s, this.names.schemas);
  block = (s: string): string => this.dotted(s, this.names.blocks);
  event = (s: string): string => this.dotted(s, this.names.events);
  edu = (s: string): string => this.dotted(s, this.names.edus);
  rpcGroup = (s: string): string => this.dashed(s, this.names.rpcGroups);
  bindingGroup = (s: string): string => this.dashed(s, this.names.bindingGroups);
  schemaSet = (s: string): string => this.dashed(s, this.names.schemaSets);

  /** Markdown text: link targets and leaf-directive attributes. */
  markdown(text: string): string {
    const byScheme: Record<string, (s: string) => string> = {
      rpc: this.rpc, binding: this.rpc, schema: this.schema, event: this.event, block: this.block, edu: this.edu,
      // Documents are not copied, so links to them stay as they are.
      doc: (s) => s,
    };
    let out = text.replace(/\]\((rpc|binding|schema|event|block|edu|doc):([^)#\s]+)((?:#[^)\s]*)?)\)/g, (_m, scheme: string, name: string, frag: string) => `](${scheme}:${byScheme[scheme]!(name)}${frag})`);
    const attr: Record<string, Record<string, (s: string) => string>> = {
      rpcs: { group: this.rpcGroup }, rpc: { name: this.rpc }, bindings: { group: this.bindingGroup }, binding: { rpc: this.rpc },
      schema: { name: this.schema }, schemas: { file: this.schemaSet },
    };
    out = out.replace(/^(\s*)::([a-z-]+)\{([^}\n]*)\}/gm, (m, indent: string, name: string, attrs: string) => {
      const map = attr[name];
      if (!map) return m;
      const renamed = attrs.replace(/([a-zA-Z-]+)="([^"]*)"/g, (a, key: string, value: string) => (map[key] ? `${key}="${map[key]!(value)}"` : a));
      return `${indent}::${name}{${renamed}}`;
    });
    return out;
  }

  /** Any YAML value: schema-node references, and Markdown in every string. */
  value(v: Json, key?: string): Json {
    if (typeof v === 'string') {
      if (key === 'ref') return this.schema(v);
      if (key === 'block') return this.block(v);
      if (key === 'replacement') return this.rpc(v);
      return v.includes('](') ? this.markdown(v) : v;
    }
    if (Array.isArray(v)) return key === 'extends' ? v.map((x) => (typeof x === 'string' ? this.schema(x) : x)) : v.map((x) => this.value(x));
    if (v && typeof v === 'object') {
      const out: Mapping = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.value(x, k);
      return out;
    }
    return v;
  }

  renameKeys(m: Json, rename: (s: string) => string, each?: (v: Json) => Json): Mapping {
    const out: Mapping = {};
    for (const [k, v] of Object.entries((m ?? {}) as Mapping)) out[rename(k)] = each ? each(v) : this.value(v);
    return out;
  }
}

function copyRpcGroup(y: Mapping, r: Renamer): Mapping {
  const group = r.value(y.group) as Mapping;
  group.id = r.rpcGroup(String(group.id));
  return { ...y, group, rpcs: r.renameKeys(y.rpcs, r.rpc) };
}

function copyBindingGroup(y: Mapping, r: Renamer): Mapping {
  const group = r.value(y.group) as Mapping;
  group.id = r.bindingGroup(String(group.id));
  const withPath = (b: Json): Json => {
    const out = r.value(b) as Mapping;
    // Routes must stay unique per edition: the copy lives under its own trailing segment.
    const suffix = (p: Json): Json => (typeof p === 'string' ? `${p.replace(/\/$/, '')}/x${r.k}` : p);
    out.path = suffix(out.path);
    if (out.variants && typeof out.variants === 'object') {
      for (const v of Object.values(out.variants as Mapping)) if (v && typeof v === 'object' && 'path' in v) (v as Mapping).path = suffix((v as Mapping).path);
    }
    return out;
  };
  return { ...y, group, bindings: r.renameKeys(y.bindings, r.rpc, withPath) };
}

function copyEventSet(y: Mapping, r: Renamer): Mapping {
  const out: Mapping = { ...y };
  if (y.contentBlocks) out.contentBlocks = r.renameKeys(y.contentBlocks, r.block);
  if (y.eventTypes) {
    out.eventTypes = r.renameKeys(y.eventTypes, r.event, (e) => {
      const ev = r.value(e) as Mapping;
      // An event example names its own type; so do the examples of per-edition variants.
      const retype = (m: Mapping): void => {
        if (!Array.isArray(m.examples)) return;
        m.examples = m.examples.map((x) => (x && typeof x === 'object' && typeof (x as Mapping).type === 'string' ? { ...(x as Mapping), type: r.event((x as Mapping).type as string) } : x));
      };
      retype(ev);
      for (const v of Object.values((ev.variants ?? {}) as Mapping)) if (v && typeof v === 'object') retype(v as Mapping);
      return ev;
    });
  }
  if (y.eduTypes) out.eduTypes = r.renameKeys(y.eduTypes, r.edu);
  return out;
}

function flatten(sections: Section[], out: Section[] = []): Section[] {
  for (const sec of sections) {
    out.push(sec);
    flatten(sec.sections, out);
  }
  return out;
}

/**
 * A document with its numbered top-level sections repeated for copies
 * 2..factor, inserted before the first appendix or unnumbered section
 * (numbered sections must come first).
 */
export function scaleDocument(rel: string, text: string, names: Names, factor: number): string {
  if (factor < 2) return text;
  const doc = parseMarkdownDocument(rel, text, new DiagnosticBag());
  if (!doc || doc.sections.length === 0) return text;
  const lines = text.split('\n');
  const top = doc.sections;
  const firstLine = top[0]!.loc.line - 1;
  const end = top.find((sec) => sec.appendix || !sec.numbered);
  const endLine = end ? end.loc.line - 1 : lines.length;
  if (endLine <= firstLine) return text;
  const headings = new Map<number, string>(flatten(top).map((sec) => [sec.loc.line - 1, sec.anchor]));
  const anchors = new Set(headings.values());
  const copies: string[] = [];
  for (let k = 2; k <= factor; k++) {
    const r = new Renamer(names, k);
    for (let i = firstLine; i < endLine; i++) {
      let line = lines[i]!;
      const anchor = headings.get(i);
      if (anchor !== undefined) {
        const m = /^(#{1,6})\s+(.*?)(?:\s*\{([^}]*)\})?\s*$/.exec(line);
        if (m) {
          const classes = (m[3] ?? '').split(/\s+/).filter((t) => t.startsWith('.'));
          line = `${m[1]} ${m[2]} (copy ${k}) {${[`#${anchor}-x${k}`, ...classes].join(' ')}}`;
        }
      } else if (GLOBAL_DIRECTIVE.test(line)) {
        continue;
      } else {
        line = r.markdown(line).replace(/\]\(#([^)\s]+)\)/g, (mm, a: string) => (anchors.has(a) ? `](#${a}-x${k})` : mm));
      }
      copies.push(line);
    }
  }
  return [...lines.slice(0, endLine), ...copies, ...lines.slice(endLine)].join('\n');
}

export interface ScaleResult {
  files: number;
  bytes: number;
}

/** Writes the spec scaled by `factor` (an integer ≥ 1) to `out` (replaced if it exists). */
export function scaleSpec(spec: string, out: string, factor: number): ScaleResult {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer, not ${factor}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  cpSync(spec, out, { recursive: true });
  const names = collectNames(spec);
  let files = 0;
  let bytes = 0;
  const emit = (rel: string, text: string): void => {
    writeFileSync(path.join(out, rel), text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  const header = (file: string): string => {
    const first = readFileSync(file, 'utf8').split('\n', 1)[0] ?? '';
    return first.startsWith('# yaml-language-server:') ? `${first}\n` : '';
  };
  for (let k = 2; k <= factor; k++) {
    const r = new Renamer(names, k);
    for (const folder of COPIED_FOLDERS) {
      const dir = path.join(spec, folder);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) {
        const src = path.join(dir, f);
        if (!f.endsWith('.yaml')) continue;
        const y = readYaml(src);
        const base = path.basename(f, '.yaml');
        let copy: Mapping;
        let name = `${base}-x${k}`;
        if (folder === 'rpcs') copy = copyRpcGroup(y, r);
        else if (folder === 'bindings') copy = copyBindingGroup(y, r);
        else if (folder === 'schemas') {
          copy = { ...y, schemas: r.renameKeys(y.schemas, r.schema) };
          name = r.schemaSet(base);
        } else copy = copyEventSet(y, r);
        emit(`${folder}/${name}.yaml`, header(src) + stringifyYaml(copy, { lineWidth: 0 }));
      }
    }
  }
  for (const doc of [...names.documents].sort()) {
    const rel = `documents/${doc}.md`;
    if (factor > 1) emit(rel, scaleDocument(rel, readFileSync(path.join(spec, rel), 'utf8'), names, factor));
  }
  return { files, bytes };
}

function main(argv: string[]): number {
  const arg = (name: string, dflt?: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const factor = Number(arg('--factor'));
  const out = arg('--out');
  const spec = arg('--spec', 'spec')!;
  if (!out || !Number.isInteger(factor) || factor < 1) {
    process.stderr.write('usage: node dist/scripts/bench/scale-spec.js --factor N --out DIR [--spec spec]\n');
    return 2;
  }
  const r = scaleSpec(spec, out, factor);
  process.stderr.write(`scale-spec: ${factor}× written to ${out} (${r.files} files added or rewritten, ${(r.bytes / 1024).toFixed(0)} KiB)\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
