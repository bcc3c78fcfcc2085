/**
 * The matrix-spec v1.19 server-server API imported into a temporary spec
 * folder (from ../shared; callers skip when CORPUS_V19_PRESENT is false).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importMatrixSpec } from '../../src/import/index.js';
import { CORPUS, tempDir } from './cli.js';

export const CORPUS_V19 = path.join(CORPUS, 'v1.19');
export const CORPUS_V19_PRESENT = existsSync(path.join(CORPUS_V19, 'data/api/server-server'));

/** Writes generated files (an import's output) under dir. */
export function writeTree(dir: string, files: { path: string; content: string }[]): void {
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.content);
  }
}

/** Imports the API (no event schemas beyond the API's) and returns the spec folder. */
export function importedV19Spec(prefix: string): string {
  const dir = path.join(tempDir(prefix), 'spec');
  writeTree(dir, importMatrixSpec(CORPUS_V19, { api: 'server-server', date: '2026-07-08' }).files);
  return dir;
}
