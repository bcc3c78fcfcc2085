/**
 * Writes a complete output tree atomically: everything goes to a staging
 * folder beside out/, and only when all of it is written is the staging
 * folder swapped in (two renames on the same file system). A failed or
 * killed build leaves the previous out/ as it was; a leftover from a build
 * killed between the two renames is recovered on the next run.
 */
import { promises as fs, existsSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../../generators/generator.js';
import { writeTextFileSync } from './write-text.js';

export class OutputError extends Error {
  constructor(message: string, readonly errno?: string) {
    super(message);
  }
}

/** Rejects paths that would leave the output folder. */
export function safeOutputPath(rel: string): string {
  if (rel === '' || path.posix.isAbsolute(rel) || rel.includes('\\') || rel.split('/').some((p) => p === '..' || p === '' || p === '.')) {
    throw new OutputError(`refusing to write "${rel}": output paths must stay inside the output folder`);
  }
  return rel;
}

/** Restores out/ if a previous build died between the two renames; removes stale staging folders. */
export function recoverOutput(outDir: string): void {
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(path.resolve(outDir));
  if (!existsSync(parent)) return;
  const leftovers = readdirSync(parent).filter((n) => n.startsWith(`.${base}.old-`) || n.startsWith(`.${base}.staging-`));
  for (const n of leftovers) {
    const abs = path.join(parent, n);
    if (n.startsWith(`.${base}.old-`) && !existsSync(path.resolve(outDir))) {
      renameSync(abs, path.resolve(outDir));
    } else {
      rmSync(abs, { recursive: true, force: true });
    }
  }
}

async function copyTree(src: string, dst: string): Promise<void> {
  await fs.cp(src, dst, { recursive: true, errorOnExist: false, force: true });
}

export interface WriteOptions {
  /** Top-level entries of the old out/ to carry over unchanged (e.g. the editions not rebuilt). */
  keep?: string[];
}

export async function writeOutputTree(outDir: string, files: OutputFile[], opts: WriteOptions = {}): Promise<void> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const base = path.basename(out);
  // The swap below renames whatever is at `out` away and deletes it: never do
  // that to something that is not an output folder (a file the user named).
  let existing: import('node:fs').Stats | undefined;
  try {
    existing = lstatSync(out);
  } catch {
    existing = undefined;
  }
  if (existing && !existing.isDirectory()) {
    throw new OutputError(`cannot write the output to ${outDir}: it exists and is not a folder; ${outDir} is unchanged`, 'ENOTDIR');
  }
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const old = path.join(parent, `.${base}.old-${process.pid}`);
  try {
    // Inside the try: the parent may be unusable (a file, unreadable), which is an output error, not a crash.
    recoverOutput(out);
    await fs.mkdir(parent, { recursive: true });
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging);
    if (existsSync(out)) {
      for (const k of opts.keep ?? []) {
        const src = path.join(out, k);
        if (existsSync(src)) await copyTree(src, path.join(staging, k));
      }
    }
    const dirs = new Set<string>();
    for (const f of files) {
      const rel = safeOutputPath(f.path);
      // One level at a time: Node's recursive mkdir reports ENOSPC and EROFS
      // as ENOENT, which would hide "the disk is full" from the user.
      const parts = path.posix.dirname(rel).split('/').filter((p) => p !== '.');
      for (let i = 1; i <= parts.length; i++) {
        const dir = path.join(staging, ...parts.slice(0, i));
        if (dirs.has(dir)) continue;
        await fs.mkdir(dir).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
        });
        dirs.add(dir);
      }
    }
    // Through one reused buffer (write-text.ts): at scale the outputs are over 100 MB, and a buffer per file
    // as large as the file is fresh memory each time, at the build's memory peak.
    for (const f of files) writeTextFileSync(path.join(staging, f.path), f.content);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => {});
    if (e instanceof OutputError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new OutputError(`cannot write the output to ${outDir}: ${err.code === 'ENOSPC' ? 'the disk is full' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.code === 'EROFS' ? 'read-only file system' : err.message}; ${outDir} is unchanged`, err.code);
  }
  try {
    const hadOld = existsSync(out);
    if (hadOld) renameSync(out, old);
    renameSync(staging, out);
    if (hadOld) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    // Put things back if the swap itself failed half-way.
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    rmSync(staging, { recursive: true, force: true });
    const err = e as NodeJS.ErrnoException;
    throw new OutputError(`cannot replace ${outDir}: ${err.code ?? err.message}; ${outDir} is unchanged`, err.code);
  }
}

/** Compares generated files with an existing out/: the stale and the extra paths. */
export async function compareOutputTree(outDir: string, files: OutputFile[], scope: string[]): Promise<{ changed: string[]; missing: string[]; extra: string[] }> {
  const changed: string[] = [];
  const missing: string[] = [];
  const want = new Set(files.map((f) => f.path));
  for (const f of files) {
    try {
      const cur = await fs.readFile(path.join(outDir, f.path), 'utf8');
      if (cur !== f.content) changed.push(f.path);
    } catch {
      missing.push(f.path);
    }
  }
  const extra: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let ents: import('node:fs').Dirent[];
    try {
      ents = await fs.readdir(path.join(outDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of ents) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (!want.has(r)) extra.push(r);
    }
  };
  for (const s of scope) await walk(s);
  return { changed: changed.sort(), missing: missing.sort(), extra: extra.sort() };
}
