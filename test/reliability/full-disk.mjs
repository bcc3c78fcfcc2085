/**
 * Test preload: pretends the disk is full below MXSPEC_TEST_FULL_DISK_UNDER.
 * Creating a folder or writing a file there fails with ENOSPC, the way a
 * full file system answers. It lives in the tests, not in src/: nothing in a
 * spec (or in mxspec itself) can switch it on.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const fs = require('node:fs');
const under = process.env.MXSPEC_TEST_FULL_DISK_UNDER ? path.resolve(process.env.MXSPEC_TEST_FULL_DISK_UNDER) : undefined;

function full(p) {
  // Node's module loader opens files by file: URL; read as a relative path it would land under the cwd.
  if (typeof p === 'string' && p.startsWith('file:')) p = fileURLToPath(p);
  return under !== undefined && typeof p === 'string' && path.resolve(p).startsWith(under + path.sep);
}
function enospc(op, p) {
  const err = new Error(`ENOSPC: no space left on device, ${op} '${p}'`);
  err.code = 'ENOSPC';
  err.errno = -28;
  err.syscall = op;
  err.path = p;
  return err;
}

/** A full disk refuses to create or grow files, not to read them: `open` fails only when it would write. */
function writes(op, rest) {
  if (op !== 'open') return true;
  const flags = rest[0];
  return typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags);
}

for (const op of ['mkdir', 'writeFile', 'appendFile', 'copyFile', 'cp', 'open']) {
  const orig = fs.promises[op];
  fs.promises[op] = async (p, ...rest) => {
    if (writes(op, rest) && full(String(op === 'copyFile' || op === 'cp' ? rest[0] : p))) throw enospc(op, p);
    return orig.call(fs.promises, p, ...rest);
  };
  const origSync = fs[`${op}Sync`];
  if (origSync) {
    fs[`${op}Sync`] = (p, ...rest) => {
      if (writes(op, rest) && full(String(op === 'copyFile' || op === 'cp' ? rest[0] : p))) throw enospc(op, p);
      return origSync.call(fs, p, ...rest);
    };
  }
}
syncBuiltinESMExports();
