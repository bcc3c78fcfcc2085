/**
 * The output side of `mxspec watch`: remembers what each artifact on disk
 * holds and writes only the files whose content changed, each one atomically
 * (written to a temporary file inside out/, then renamed over the target),
 * so a reader never sees a half-written file. Files the build no longer
 * produces are removed, but only inside the folders the build owns.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, promises as fs, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../../generators/generator.js';
import { safeOutputPath } from '../build/write-output.js';
import { writeTextFileSync } from '../build/write-text.js';

export interface ApplyResult {
  written: string[];
  removed: string[];
  unchanged: number;
}

function hashOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

let tempCounter = 0;

export class ArtifactStore {
  /**
   * Relative path -> what is on disk, as far as this store knows: the text
   * this store wrote or found equal, or the hash of a file that was there
   * before (prime). Keeping the text costs no memory (the generators' cache
   * holds the same strings) and comparing it is cheaper than hashing it: a
   * generator whose input did not change hands back the same string, and
   * texts that differ mostly differ in length.
   */
  private readonly onDisk = new Map<string, { text: string } | { hash: string }>();
  /** Folders known to exist (mkdir once per folder, not per write). */
  private readonly dirs = new Set<string>();
  private primed = false;

  /**
   * @param outDir the output folder
   * @param scope top-level folders of out/ this build owns (others are never touched)
   */
  constructor(readonly outDir: string, readonly scope: readonly string[]) {}

  /** Hashes what is already in out/, so the first rebuild rewrites nothing that is current. */
  async prime(): Promise<void> {
    this.primed = true;
    const walk = async (rel: string): Promise<void> => {
      let ents: import('node:fs').Dirent[];
      try {
        ents = await fs.readdir(path.join(this.outDir, rel), { withFileTypes: true });
      } catch {
        return;
      }
      await Promise.all(
        ents.map(async (e) => {
          const r = `${rel}/${e.name}`;
          if (e.isDirectory()) return walk(r);
          if (!e.isFile() || e.name.startsWith('.mxspec-tmp-')) return;
          this.onDisk.set(r, { hash: hashOf(await fs.readFile(path.join(this.outDir, r))) });
        }),
      );
    };
    await Promise.all(this.scope.map((s) => walk(s)));
  }

  private inScope(rel: string): boolean {
    return this.scope.some((s) => rel === s || rel.startsWith(`${s}/`));
  }

  async apply(files: OutputFile[]): Promise<ApplyResult> {
    if (!this.primed) await this.prime();
    const want = new Map<string, OutputFile>();
    for (const f of files) want.set(safeOutputPath(f.path), f);
    const written: string[] = [];
    let unchanged = 0;
    for (const [rel, f] of want) {
      const known = this.onDisk.get(rel);
      const same = known !== undefined && ('text' in known ? known.text === f.content : known.hash === hashOf(f.content));
      if (same) unchanged++;
      else {
        this.writeAtomically(rel, f.content);
        written.push(rel);
      }
      this.onDisk.set(rel, { text: f.content });
    }

    const removed: string[] = [];
    for (const rel of [...this.onDisk.keys()]) {
      if (want.has(rel) || !this.inScope(rel)) continue;
      await fs.rm(path.join(this.outDir, rel), { force: true });
      this.onDisk.delete(rel);
      removed.push(rel);
    }
    return { written: written.sort(), removed: removed.sort(), unchanged };
  }

  /**
   * Synchronous: the rebuild writes once everything is generated, when
   * nothing else waits for the main thread, and the synchronous calls skip
   * the thread pool's hand-offs (about half of an edit's few milliseconds
   * of writing).
   */
  private writeAtomically(rel: string, content: string): void {
    const target = path.join(this.outDir, rel);
    const dir = path.dirname(target);
    if (!this.dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    // The temporary file sits in the target's folder: rename is atomic only within one file system.
    const tmp = path.join(dir, `.mxspec-tmp-${process.pid}-${tempCounter++}`);
    try {
      try {
        writeTextFileSync(tmp, content);
      } catch (e) {
        // The folder went away since it was made (someone removed out/): make it again, once.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        mkdirSync(dir, { recursive: true });
        writeTextFileSync(tmp, content);
      }
      renameSync(tmp, target);
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing more can be done about a temporary file that cannot be removed; the write's error is what matters.
      }
      throw e;
    }
  }
}
