/**
 * The types worker thread's entry (prestart.ts starts it). It turns the code
 * cache on, then loads the worker (worker.ts) from its bundle,
 * dist/types-worker.cjs (scripts/tools/bundle-cli.ts), through that cache:
 * the worker's modules and the packages they load but the TypeScript
 * compiler are one file there, read and compiled once from cached bytecode,
 * where as module files they are ~120 files, each resolved, read and
 * compiled, on the critical path of a small build. Without a bundle (a
 * checkout not yet compiled, MXSPEC_BUNDLE=off to debug against the modules)
 * the module files run, with the same result.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { enableCodeCache } from '../../src/runtime/code-cache.js';

const TYPES_WORKER_BUNDLE = fileURLToPath(new URL('../../types-worker.cjs', import.meta.url));

enableCodeCache();
if (process.env.MXSPEC_BUNDLE !== 'off' && existsSync(TYPES_WORKER_BUNDLE)) createRequire(import.meta.url)(TYPES_WORKER_BUNDLE);
else await import('./worker.js');
