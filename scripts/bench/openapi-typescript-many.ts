/**
 * The peer of benchmark 5: openapi-typescript turning several OpenAPI files
 * into TypeScript in ONE process (its Node API, the way a build script would
 * call it for many files; spawning the CLI per file would charge the peer a
 * process start per file). Writes one .ts per input into the output folder,
 * named after the input and numbered in the order given (two editions'
 * inputs are both called openapi.json).
 *
 *   node dist/scripts/bench/openapi-typescript-many.js OUTDIR FILE...
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

async function main(argv: string[]): Promise<void> {
  const [outDir, ...files] = argv;
  if (!outDir || files.length === 0) throw new Error('usage: openapi-typescript-many OUTDIR FILE...');
  mkdirSync(outDir, { recursive: true });
  for (const [i, f] of files.entries()) {
    const ast = await openapiTS(pathToFileURL(path.resolve(f)), { silent: true });
    writeFileSync(path.join(outDir, `${i + 1}-${path.basename(f).replace(/\.(ya?ml|json)$/, '')}.ts`), astToString(ast));
  }
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`openapi-typescript-many: ${e.message}\n`);
  process.exitCode = 1;
});
