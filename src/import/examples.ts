/**
 * Example values of the corpus, with their `$ref`s resolved. An example may
 * be `{"$ref": "other.json", ...siblings}`: the referenced example is the
 * base and each sibling key replaces the base's key of that name whole
 * (a shallow override: the corpus relies on it, e.g. an event example's
 * `content` replaces the generic example content rather than merging). `$ref`s may appear at any depth and
 * chain across files; a cycle stops with a diagnostic. An example that is
 * only `{"allOf": [a, b, ...]}` is the members merged in order (the corpus
 * composes PDU examples that way).
 */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceLocation } from '../ir/types.js';
import type { SourceFiles } from './source-files.js';

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Shallow override: `over`'s keys replace `base`'s; a non-object base is replaced whole. */
export function overlay(base: unknown, over: Record<string, unknown>): unknown {
  if (!isObj(base)) return over;
  return { ...base, ...over };
}

export class ExampleResolver {
  constructor(private readonly files: SourceFiles, private readonly diags: DiagnosticBag) {}

  /** A deep copy of `value` (written in `file`) with every `$ref` resolved. */
  resolve(value: unknown, file: string, from?: SourceLocation, seen: string[] = []): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v, file, from, seen));
    if (!isObj(value)) return value;
    // The corpus composes examples with allOf: the members' keys merged in order.
    if (Array.isArray(value.allOf) && Object.keys(value).length === 1 && value.allOf.every(isObj)) {
      let merged: Record<string, unknown> = {};
      for (const m of value.allOf) {
        const r = this.resolve(m, file, from, seen);
        if (isObj(r)) merged = { ...merged, ...r };
      }
      return merged;
    }
    const ref = value.$ref;
    const own: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== '$ref') own[k] = this.resolve(v, file, from, seen);
    if (typeof ref !== 'string') return own;
    const target = this.files.resolveRef(file, ref);
    const id = `${target.file}#${target.pointer}`;
    if (seen.includes(id)) {
      this.diags.add('MX1303', `example $ref cycle: ${[...seen, id].join(' -> ')}`, from);
      return own;
    }
    const raw = this.files.get(target, from ?? this.files.loc(file, value, '$ref'));
    if (raw === undefined) return own;
    if (this.files.isJsonText(target.file)) this.noteJsonYaml(target.file);
    const base = this.resolve(raw, target.file, from, [...seen, id]);
    return Object.keys(own).length ? overlay(base, own) : base;
  }

  /** .yaml example files whose text is JSON (the corpus has many); reported once, together, by the importer. */
  readonly jsonYamlFiles = new Set<string>();

  noteJsonYaml(rel: string): void {
    this.jsonYamlFiles.add(rel);
  }
}
