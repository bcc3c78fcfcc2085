/**
 * A V8 code cache for the large CommonJS files mxspec loads (the TypeScript
 * compiler is 9 MB of JavaScript, ts-morph 3.5 MB more).
 *
 * Why: compiling them to bytecode was a third of a cold build's CPU time
 * (~0.4 s of 1.9 s on the shipped spec), paid again by every process. V8 can
 * serialise the bytecode it built, including the functions compiled lazily
 * while the build ran, and accept it back in the next process, checking the
 * V8 version, its flags and the source length itself. Node 22 offers the same
 * as `module.enableCompileCache()`; Node 20, our runtime, does not, so
 * mxspec does it for the files it names here.
 *
 * The cache is an artefact of the installed tool, not of any spec: it lives
 * in `<mxspec>/node_modules/.cache/mxspec/` (the usual place for tool caches)
 * or where MXSPEC_CODE_CACHE points; `MXSPEC_CODE_CACHE=off` turns it off.
 * Every entry also records a hash of its source text and Node's version, and
 * anything that does not match, cannot be read or cannot be written is
 * ignored: the cache can make loading faster, never different or failing.
 *
 * Hashing the source is itself ~25 ms for the TypeScript compiler (in the
 * types worker, whose loading is a cold build's critical path), so an entry
 * also records the file's identity as the file system gave it when it was
 * read — device, inode, size, modification and change times in nanoseconds
 * — and a file with that identity is taken to hold the same text without
 * hashing it, as git's index does. Any write to a file sets its change time
 * (which no program can set back), so an edited file has another identity
 * and is hashed. The identity is trusted only when the file had not changed
 * for SETTLED_MS before it was read: on a file system with coarse
 * timestamps, a file written again within the same tick could keep its
 * identity (git's "racy clean" case), and then only the hash can tell.
 *
 * V8 accepts bytecode only under the flags it was written under, and the
 * CLI changes a flag at run time on large specs (src/cli/heap-growth.ts),
 * while a worker may be loading: a file compiled before the change and one
 * compiled after it need different entries, and a small spec's build and a
 * large one's would otherwise overwrite each other's entry on every switch
 * (each then compiling the 2.5 MB of ts-morph, sometimes the 9 MB
 * compiler, from source). So an entry is named by the file and by V8's
 * cached-data version tag (V8's version, its flags and the CPU's features)
 * as it is when the entry is read, and as it is when it is written.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Below this size a file compiles in well under a millisecond; caching it costs more than it saves. */
export const MIN_CACHED_SOURCE_BYTES = 64 * 1024;

/**
 * How long a file must have been unchanged when it was read for its identity
 * to stand for its text (longer than any file system's timestamp tick: FAT's
 * is two seconds).
 */
export const SETTLED_MS = 3000;

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The cache folder for this Node version, or undefined when the cache is off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.MXSPEC_CODE_CACHE;
  if (setting !== undefined && /^(off|0|false|no)$/i.test(setting.trim())) return undefined;
  const base = setting && setting.trim() ? path.resolve(setting) : path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'mxspec');
  return path.join(base, `code-${process.version}-${process.arch}`);
}

interface Loaded {
  script: vm.Script;
  file: string;
  sourceHash: string;
  /** The file's identity when it was read, when it may stand for its text (see the module comment). */
  identity: string | undefined;
  /** Written already (once per thread, whatever happened). */
  saved: boolean;
}

export interface CodeCacheStats {
  /** Files compiled from the cache. */
  hits: number;
  /** Files compiled from source (no entry, a stale one, or one V8 rejected). */
  misses: number;
  /** Entries written by `saveCodeCache`. */
  written: number;
  /** Files whose text was hashed to check an entry (the others were known by their identity). */
  hashed: number;
}

/** What the cache holds for one thread. */
interface ThreadCache {
  dir: string | undefined;
  /** Node's own compile, once the cache is enabled. */
  original: ((content: string, filename: string, ...rest: unknown[]) => unknown) | undefined;
  loaded: Loaded[];
  stats: CodeCacheStats;
}

/**
 * One state per thread, kept on the thread's global object rather than in
 * this module: a thread may hold several copies of this module (the
 * launcher loads it as a module file, then a bundle with its own copy; the
 * types worker likewise), and whichever copy is asked must know what the
 * others enabled and loaded, so that the cache is enabled once and every
 * entry is written.
 */
const THREAD_KEY = Symbol.for('mxspec.codeCache');
const thread = ((globalThis as { [THREAD_KEY]?: ThreadCache })[THREAD_KEY] ??= {
  dir: undefined,
  original: undefined,
  loaded: [],
  stats: { hits: 0, misses: 0, written: 0, hashed: 0 },
});
const { loaded, stats } = thread;

const HEADER_END = 0x0a; // one header line of JSON, then the V8 data

/**
 * From now on, CommonJS files of at least MIN_CACHED_SOURCE_BYTES load
 * through the cache in this thread (each worker thread enables its own).
 * Returns false when the cache is off.
 */
export function enableCodeCache(env: NodeJS.ProcessEnv = process.env): boolean {
  if (thread.original) return true;
  const dir = (thread.dir = codeCacheDir(env));
  if (!dir) return false;
  const proto = Module.prototype as unknown as { _compile(content: string, filename: string, ...rest: unknown[]): unknown };
  const compileFromSource = (thread.original = proto._compile);
  proto._compile = function compileWithCache(this: Module, content: string, filename: string, ...rest: unknown[]): unknown {
    // Node passes the file's format after the file name; since 20.19 require() also reaches ES modules
    // (format "module"), which only Node can compile. Plain CommonJS comes without a format or as "commonjs".
    const format = rest[0];
    const commonJs = format === undefined || format === 'commonjs';
    if (!commonJs || content.length < MIN_CACHED_SOURCE_BYTES || !/\.c?js$/.test(filename)) return compileFromSource.call(this, content, filename, ...rest);
    return runCached(this, content, filename);
  };
  return true;
}

/** What the cache did in this thread so far (for tests and --stats). */
export function codeCacheStats(): CodeCacheStats {
  return { ...stats };
}

/**
 * Where the entry of `filename` is kept for bytecode read or written now:
 * V8's version tag changes with its flags, also when they are changed
 * while the process runs (in every thread), so it is asked at each use.
 */
function entryPath(filename: string): string {
  return path.join(thread.dir!, `${createHash('sha256').update(filename).digest('hex').slice(0, 32)}-${v8.cachedDataVersionTag().toString(16)}.bin`);
}

/** What an entry's header line records. */
interface EntryHeader {
  source?: unknown;
  node?: unknown;
  identity?: unknown;
}

/**
 * The file's identity (device, inode, size, modification and change times
 * in nanoseconds) when it may stand for its text: when the file had not
 * changed for SETTLED_MS. Undefined otherwise, or when it cannot be read.
 */
export function settledIdentity(filename: string, now: number = Date.now()): string | undefined {
  try {
    const st = statSync(filename, { bigint: true });
    const changed = st.ctimeNs > st.mtimeNs ? st.ctimeNs : st.mtimeNs;
    if (Number(changed / 1_000_000n) + SETTLED_MS > now) return undefined;
    return [st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].join(':');
  } catch {
    return undefined;
  }
}

/** The bytecode of a current entry: one written for this text (by its identity or its hash) and this Node. */
function readEntry(entry: string, identity: string | undefined, sourceHash: () => string): { data: Buffer; byIdentity: boolean } | undefined {
  let blob: Buffer;
  try {
    blob = readFileSync(entry);
  } catch {
    return undefined;
  }
  const end = blob.indexOf(HEADER_END);
  if (end < 0) return undefined;
  let header: EntryHeader;
  try {
    header = JSON.parse(blob.toString('utf8', 0, end)) as EntryHeader;
  } catch {
    return undefined;
  }
  if (header.node !== process.version || typeof header.source !== 'string') return undefined;
  const byIdentity = identity !== undefined && header.identity === identity;
  if (!byIdentity && sourceHash() !== header.source) return undefined;
  return { data: blob.subarray(end + 1), byIdentity };
}

function hashSource(content: string): string {
  stats.hashed++;
  return createHash('sha256').update(content).digest('hex');
}

/**
 * What Node's own loader does for a CommonJS file — wrap, compile, call with
 * (exports, require, module, __filename, __dirname) — with cached bytecode.
 */
function runCached(mod: Module, content: string, filename: string): unknown {
  const identity = settledIdentity(filename);
  const entry = entryPath(filename);
  let hash: string | undefined;
  const sourceHash = (): string => (hash ??= hashSource(content));
  const current = readEntry(entry, identity, sourceHash);
  const cachedData = current?.data;
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${stripShebang(content)}\n});`;
  const script = new vm.Script(wrapper, { filename, cachedData });
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  if (accepted) stats.hits++;
  else stats.misses++;
  // Written later: what was compiled from source, and an entry found by its hash for a file that has an identity now
  // (copied or touched since), so that the next process knows it by that identity.
  if (!accepted || (identity !== undefined && !current!.byIdentity)) {
    loaded.push({ script, file: filename, sourceHash: sourceHash(), identity, saved: false });
  }
  const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const require = createRequire(filename);
  return fn.call(mod.exports, mod.exports, require, mod, filename, path.dirname(filename));
}

function stripShebang(content: string): string {
  return content.startsWith('#!') ? `//${content.slice(2)}` : content;
}

/**
 * Writes the bytecode of every file that was compiled from source in this
 * thread, and the new identity of a file found by its hash. Call it once
 * the work is done, so the entries hold the functions that work compiled
 * too. Failures (a read-only install, a full disk) leave the cache as it
 * was.
 */
export function saveCodeCache(): void {
  const dir = thread.dir;
  if (!dir) return;
  for (const l of loaded) {
    if (l.saved) continue;
    l.saved = true;
    try {
      const data = l.script.createCachedData();
      // Named by the flags in force now, which V8 wrote into the data (they may have changed since it was compiled).
      const entry = entryPath(l.file);
      const header = Buffer.from(`${JSON.stringify({ source: l.sourceHash, node: process.version, identity: l.identity, file: path.basename(l.file) })}\n`);
      mkdirSync(dir, { recursive: true });
      // Other mxspec processes may read or write the same entry: write aside, then rename over it in one step.
      const tmp = `${entry}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([header, data]));
        renameSync(tmp, entry);
        stats.written++;
      } catch {
        rmSync(tmp, { force: true });
      }
    } catch {
      // no cache this time
    }
  }
}
