/**
 * commonjs.ts as the types worker's bundle has it (dist/types-worker.cjs,
 * scripts/tools/bundle-cli.ts, which puts this module in place of that one).
 *
 * The packages are required here by name, so that the bundler puts them,
 * and the small packages they load, into the bundle: one file read and
 * compiled through the code cache instead of a hundred module files
 * resolved and read one by one. Only the TypeScript compiler stays a file
 * of its own (9 MB, loaded through the code cache). @ts-morph/common's own
 * copy of the compiler is replaced by the typescript package when the
 * bundle is made, if their versions agree (what shareTypescriptWithTsMorph
 * in commonjs.ts decides at run time for the module files), so nothing
 * here needs to share it.
 *
 * Only ever run inside that CommonJS bundle, where `require` is the
 * bundle's: as a module file of its own this module cannot load anything.
 */
import type * as TsMorph from 'ts-morph';
import type * as TypeScript from 'typescript';
import { openapiTypescriptTransform, type OpenapiTypescriptTransform } from './openapi-typescript-parts.js';

export function requireTsMorph(): typeof TsMorph {
  return require('ts-morph') as typeof TsMorph;
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
