/**
 * Reads the files of a matrix-spec checkout on demand and resolves `$ref`s
 * between them. Every file is parsed once; YAML keeps positions so import
 * diagnostics point at the source line. JSON files are parsed as JSON; a
 * `.yaml` file whose text is JSON is read as YAML (JSON is YAML 1.2) and
 * noted, because the corpus has such example files.
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';
import type { SourceLocation } from '../ir/types.js';
import { parseLocatedYaml, type LocatedYaml } from '../load/yaml-located.js';

export interface LoadedFile {
  /** Path relative to the checkout root, forward slashes. */
  rel: string;
  value: unknown;
  located?: LocatedYaml;
}

/** Where a `$ref` points: a file and a JSON pointer inside it. */
export interface RefTarget {
  file: string;
  pointer: string;
}

export function targetId(t: RefTarget): string {
  return t.pointer ? `${t.file}#${t.pointer}` : t.file;
}

function decodePointerSegment(s: string): string {
  return decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~');
}

export class SourceFiles {
  private readonly cache = new Map<string, LoadedFile | null>();

  constructor(readonly root: string, private readonly diags: DiagnosticBag) {}

  exists(rel: string): boolean {
    const abs = path.join(this.root, rel);
    return existsSync(abs) && statSync(abs).isFile();
  }

  /** The parsed file, or undefined (with a diagnostic) when it cannot be read. */
  load(rel: string, from?: SourceLocation): LoadedFile | undefined {
    const hit = this.cache.get(rel);
    if (hit !== undefined) return hit ?? undefined;
    const file = this.read(rel, from);
    this.cache.set(rel, file ?? null);
    return file;
  }

  private read(rel: string, from?: SourceLocation): LoadedFile | undefined {
    const abs = path.join(this.root, rel);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      this.diags.add('MX1302', `${rel} cannot be read`, from ?? { file: rel, line: 1, column: 1 });
      return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (rel.endsWith('.json')) {
      try {
        return { rel, value: JSON.parse(text) };
      } catch (e) {
        this.diags.add('MX1302', `${rel} is not valid JSON (${(e as Error).message})`, { file: rel, line: 1, column: 1 });
        return undefined;
      }
    }
    const located = parseLocatedYaml(rel, text, this.diags);
    if (!located) return undefined;
    return { rel, value: located.value, located };
  }

  /** True when a .yaml file's text is a JSON document (the corpus has example files like that). */
  isJsonText(rel: string): boolean {
    if (!rel.endsWith('.yaml') && !rel.endsWith('.yml')) return false;
    try {
      const text = readFileSync(path.join(this.root, rel), 'utf8').replace(/^(\s*#.*\n)*/, '').trim();
      if (!text.startsWith('{') && !text.startsWith('[')) return false;
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  }

  /** Position of an object (or of `key` inside it) read from a YAML file; the file start otherwise. */
  loc(rel: string, obj?: unknown, key?: string): SourceLocation {
    const f = this.cache.get(rel);
    if (f?.located && obj && typeof obj === 'object') {
      try {
        return key !== undefined ? f.located.keyLoc(obj, key) : f.located.locOf(obj);
      } catch {
        /* positions are best-effort */
      }
    }
    return { file: rel, line: 1, column: 1 };
  }

  /** Resolves a `$ref` string written in file `fromFile`. */
  resolveRef(fromFile: string, ref: string): RefTarget {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    const file = filePart ? path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), filePart)) : fromFile;
    return { file, pointer: pointer === '/' ? '' : pointer };
  }

  /** The value a target points at, or undefined with a diagnostic. */
  get(target: RefTarget, from?: SourceLocation): unknown {
    if (target.file.startsWith('..')) {
      this.diags.add('MX1303', `$ref to ${target.file} leaves the imported folder`, from);
      return undefined;
    }
    const f = this.load(target.file, from);
    if (!f) return undefined;
    if (!target.pointer) return f.value;
    let cur: unknown = f.value;
    for (const seg of target.pointer.replace(/^\//, '').split('/')) {
      const key = decodePointerSegment(seg);
      if (cur && typeof cur === 'object' && key in (cur as object)) cur = (cur as Record<string, unknown>)[key];
      else {
        this.diags.add('MX1303', `$ref target ${targetId(target)} does not exist`, from);
        return undefined;
      }
    }
    return cur;
  }
}
