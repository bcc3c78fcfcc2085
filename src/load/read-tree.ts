/**
 * Reads the spec folder into memory: every source file as text, in a stable
 * order, with the safety rules applied before any parser sees a byte —
 * nothing outside the folder (symbolic links are resolved and checked), no
 * byte-order mark, valid UTF-8, bounded size.
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export type SourceKind =
  | 'editions' | 'references' | 'document' | 'rpc-group' | 'binding-group'
  | 'schema-set' | 'event-set' | 'room-version';

export interface SourceFile {
  /** Relative to the spec root, forward slashes. */
  rel: string;
  kind: SourceKind;
  text: string;
}

/** Which kind a relative path is; undefined = not a source file. */
export function kindOf(rel: string): SourceKind | undefined {
  if (rel === 'editions.yaml') return 'editions';
  if (rel === 'references.yaml') return 'references';
  const m = /^([a-z-]+)\/[^/]+\.(yaml|md)$/.exec(rel);
  if (!m) return undefined;
  const dir = m[1];
  const ext = m[2];
  if (ext === 'md') return dir === 'documents' ? 'document' : undefined;
  switch (dir) {
    case 'rpcs': return 'rpc-group';
    case 'bindings': return 'binding-group';
    case 'schemas': return 'schema-set';
    case 'events': return 'event-set';
    case 'room-versions': return 'room-version';
    default: return undefined;
  }
}

const KNOWN_DIRS = new Set(['documents', 'rpcs', 'bindings', 'schemas', 'events', 'room-versions']);

function loc(rel: string, line = 1, column = 1) {
  return { file: rel, line, column };
}

/** Decode strictly; returns undefined for bytes that are not UTF-8 text (or contain NUL). */
function decodeUtf8(buf: Buffer): string | undefined {
  if (buf.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

export async function readSpecTree(root: string, diags: DiagnosticBag): Promise<SourceFile[]> {
  const realRoot = await fs.realpath(root);
  const rels: string[] = [];

  async function walk(dirRel: string, depth: number): Promise<void> {
    const abs = path.join(realRoot, dirRel);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (e) {
      diags.add('MX1001', `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, loc(dirRel || '.'));
      return;
    }
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const rel = dirRel ? `${dirRel}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        // A link may point anywhere; only follow it when it stays inside the spec folder.
        let target: string;
        try {
          target = await fs.realpath(path.join(realRoot, rel));
        } catch {
          diags.add('MX1001', 'symbolic link is broken', loc(rel));
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
          diags.add('MX1008', `symbolic link points outside the spec folder (to ${target}); copy the file into spec/ instead`, loc(rel));
          continue;
        }
        const st = await fs.stat(target);
        isDir = st.isDirectory();
        isFile = st.isFile();
      }
      if (isDir) {
        if (depth === 0 && KNOWN_DIRS.has(ent.name)) await walk(rel, depth + 1);
        continue;
      }
      if (isFile) rels.push(rel);
      else if (kindOf(rel)) {
        // A FIFO, socket or device under a source name: reading it could block
        // forever or yield endless bytes, and skipping it silently would drop a
        // source the author meant to include.
        diags.add('MX1001', 'not a regular file (a pipe, socket or device); replace it with a plain text file', loc(rel));
      }
    }
  }

  await walk('', 0);
  rels.sort();

  const files: SourceFile[] = [];
  for (const rel of rels) {
    const kind = kindOf(rel);
    if (!kind) {
      if (/\.(ya?ml|md)$/.test(rel) && rel !== 'README.md') {
        diags.add('MX1012', 'not in a known source folder (see spec/README.md); the file is ignored', loc(rel));
      }
      continue;
    }
    const abs = path.join(realRoot, rel);
    let buf: Buffer;
    try {
      // Synchronous on purpose: these are small regular files (checked above), and one thread-pool round trip per
      // call made reading the shipped spec take ~20 ms of each `mxspec watch` rebuild.
      const st = statSync(abs);
      if (st.size > MAX_FILE_BYTES) {
        diags.add('MX1005', `file is ${st.size} bytes; the limit is ${MAX_FILE_BYTES} bytes per source file — split it`, loc(rel));
        continue;
      }
      buf = readFileSync(abs);
    } catch (e) {
      diags.add('MX1001', `cannot read file: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, loc(rel));
      continue;
    }
    if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      diags.add('MX1003', 'file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM', loc(rel));
      continue;
    }
    const text = decodeUtf8(buf);
    if (text === undefined) {
      diags.add('MX1004', 'file is not UTF-8 text (binary content or invalid byte sequence)', loc(rel));
      continue;
    }
    if (text.trim() === '') {
      diags.add('MX1010', 'file is empty; delete it or give it content', loc(rel));
      continue;
    }
    files.push({ rel, kind, text });
  }
  return files;
}
