/**
 * The types generator's heavy dependencies, loaded with require().
 *
 * Why not `import`: Node 20 imports a CommonJS package from ESM by reading
 * it up to three times — once to detect its module format, once with the
 * export-name lexer, once to compile it — and typescript, ts-morph and
 * openapi-typescript (which ships a CommonJS build) are several megabytes
 * each. require() compiles each once: about 400 ms less per process.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import type * as TypeScript from 'typescript';
import type * as OpenapiTypescript from 'openapi-typescript';
import type * as RedoclyCore from '@redocly/openapi-core';

const require = createRequire(import.meta.url);

export function requireTsMorph(): typeof TsMorph {
  return require('ts-morph') as typeof TsMorph;
}

export function requireTypescript(): typeof TypeScript {
  return require('typescript') as typeof TypeScript;
}

export function requireOpenapiTypescript(): typeof OpenapiTypescript {
  return require('openapi-typescript') as typeof OpenapiTypescript;
}

/** The @redocly/openapi-core that openapi-typescript itself uses (resolved from it, so both agree on the version). */
export function requireOpenapiTypescriptRedocly(): typeof RedoclyCore {
  return createRequire(require.resolve('openapi-typescript'))('@redocly/openapi-core') as typeof RedoclyCore;
}
