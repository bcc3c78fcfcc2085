/**
 * openapi-typescript's document transform and the helpers its `openapiTS`
 * entry point uses around it, each from its own module. Its package index
 * also loads the whole of @redocly/openapi-core (for the validation and
 * bundling front end, see paths.ts), ~0.3 s of module loading that these
 * modules do not need. Which `require` loads them differs between the
 * module files (commonjs.ts) and the types worker's bundle
 * (commonjs-bundled.ts); what is taken from each is here.
 */
import type * as OpenapiTypescript from 'openapi-typescript';

export interface OpenapiTypescriptTransform {
  transformSchema: typeof OpenapiTypescript.transformSchema;
  scanDiscriminators: typeof OpenapiTypescript.scanDiscriminators;
  resolveRef: typeof OpenapiTypescript.resolveRef;
  astToString: typeof OpenapiTypescript.astToString;
  createRef: typeof OpenapiTypescript.createRef;
}

/** The parts, from the exports of `dist/lib/utils.cjs`, `dist/lib/ts.cjs` and `dist/transform/index.cjs`. */
export function openapiTypescriptTransform(utils: unknown, ts: unknown, transform: unknown): OpenapiTypescriptTransform {
  const u = utils as Pick<OpenapiTypescriptTransform, 'scanDiscriminators' | 'resolveRef' | 'createRef'>;
  return {
    transformSchema: transform as OpenapiTypescriptTransform['transformSchema'],
    scanDiscriminators: u.scanDiscriminators,
    resolveRef: u.resolveRef,
    createRef: u.createRef,
    astToString: (ts as Pick<OpenapiTypescriptTransform, 'astToString'>).astToString,
  };
}
