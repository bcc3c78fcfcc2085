/**
 * The types generator's heavy dependencies, loaded with require().
 *
 * Why not `import`: Node 20 imports a CommonJS package from ESM by reading
 * it up to three times — once to detect its module format, once with the
 * export-name lexer, once to compile it — and typescript, ts-morph and
 * openapi-typescript (which ships a CommonJS build) are several megabytes
 * each. require() compiles each once: about 400 ms less per process.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TsMorph from 'ts-morph';
import type * as TypeScript from 'typescript';
import { openapiTypescriptTransform, type OpenapiTypescriptTransform } from './openapi-typescript-parts.js';

const require = createRequire(import.meta.url);

export function requireTsMorph(): typeof TsMorph {
  shareTypescriptWithTsMorph();
  return require('ts-morph') as typeof TsMorph;
}

/**
 * ts-morph's @ts-morph/common ships its own bundled copy of the TypeScript
 * compiler (9 MB) and loads it with `require('./typescript')`, while
 * openapi-typescript loads the `typescript` package: two compilers, about
 * 300 ms of compiling JavaScript per process. When both are the same
 * TypeScript minor version, the bundled copy's module-cache entry is filled
 * with the `typescript` package before ts-morph loads, so one compiler serves
 * both (Node documents adding entries to require.cache). On a version
 * mismatch nothing is shared and each loads its own, as before.
 */
export function shareTypescriptWithTsMorph(): boolean {
  const bundled = bundledTypescriptPath();
  if (require.cache[bundled]) return require.cache[bundled]!.exports === requireTypescript();
  const ts = requireTypescript();
  if (bundledTypescriptMinor(bundled) !== ts.versionMajorMinor) return false;
  const entry = new Module(bundled);
  entry.filename = bundled;
  entry.loaded = true;
  entry.exports = ts;
  require.cache[bundled] = entry;
  return true;
}

/** Where @ts-morph/common (resolved from ts-morph, as ts-morph itself does) keeps its compiler. */
export function bundledTypescriptPath(): string {
  const common = createRequire(require.resolve('ts-morph')).resolve('@ts-morph/common');
  return join(dirname(common), 'typescript.js');
}

/** Reads `versionMajorMinor` from the head of the bundled compiler without loading it. */
export function bundledTypescriptMinor(file: string): string | undefined {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(256 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return /\bversionMajorMinor = "(\d+\.\d+)"/.exec(head.toString('utf8', 0, n))?.[1];
  } finally {
    closeSync(fd);
  }
}

export function requireTypescript(): typeof TypeScript {
  return require('typescript') as typeof TypeScript;
}

export function requireOpenapiTypescriptTransform(): OpenapiTypescriptTransform {
  return openapiTypescriptTransform(
    require('openapi-typescript/dist/lib/utils.cjs'),
    require('openapi-typescript/dist/lib/ts.cjs'),
    require('openapi-typescript/dist/transform/index.cjs'),
  );
}
