/**
 * The second floor under targets 1 and 5: the least a build's types take.
 * mxspec's types package holds paths.d.ts, made by openapi-typescript from
 * the edition's OpenAPI document (the project's rule, and the peer is that
 * same tool). So a build has at least to load openapi-typescript and the
 * TypeScript compiler and convert one edition's document, which is what
 * this process does and nothing else: no ts-morph, no index.d.ts, no second
 * edition, no file written. It loads them as the types worker does, through
 * mxspec's code cache, and skips openapi-typescript's Redocly front end as
 * the worker does (generators/types/paths.ts).
 *
 *   node dist/scripts/bench/types-floor.js OPENAPI.json   → {"loadMs":N,"convertMs":N,"chars":N,"timed":[FROM,TO]} on stdout
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCodeCache, saveCodeCache } from '../../src/runtime/code-cache.js';

export interface TypesFloor {
  loadMs: number;
  convertMs: number;
  /** Length of the paths.d.ts text made (to show the conversion ran). */
  chars: number;
  /** When the timed loading began and the conversion ended, in ms since the epoch. */
  timed: [number, number];
}

export async function typesFloor(openapiFile: string): Promise<TypesFloor> {
  const document = JSON.parse(readFileSync(openapiFile, 'utf8')) as Record<string, unknown>;
  enableCodeCache();
  const t0 = performance.now();
  const { requireOpenapiTypescriptTransform } = await import('../../generators/types/commonjs.js');
  const { pathsFile } = await import('../../generators/types/paths.js');
  const { documentDeclarations } = await import('../../generators/types/paths-one-shot.js');
  requireOpenapiTypescriptTransform();
  const t1 = performance.now();
  // As a one-shot build converts a document (in chunks).
  const text = pathsFile(documentDeclarations(document));
  const t2 = performance.now();
  // As the worker does after its first conversion, so that the warm-up run leaves the cache as a build would.
  saveCodeCache();
  return { loadMs: t1 - t0, convertMs: t2 - t1, chars: text.length, timed: [performance.timeOrigin + t0, performance.timeOrigin + t2] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: types-floor OPENAPI.json\n');
    process.exitCode = 1;
  } else {
    typesFloor(file).then(
      (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
      (e: Error) => {
        process.stderr.write(`types-floor: ${e.message}\n`);
        process.exitCode = 1;
      },
    );
  }
}
