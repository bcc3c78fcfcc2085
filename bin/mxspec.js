#!/usr/bin/env node
// Thin launcher. `npm run compile` (run by `npm ci` through `prepare`) compiles src/ to dist/ and bundles the CLI into
// dist/mxspec.cjs (scripts/tools/bundle-cli.ts), which loads here through the V8 code cache; without a bundle the
// compiled modules run as they are (also with MXSPEC_BUNDLE=off, to debug against the modules).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const command = args.find((a) => !a.startsWith('-'));

// `build`, `check` and `diff` of a large spec run in Node started again with a larger young generation for its main
// thread, which only Node's command line can set (src/cli/young-generation.ts decides when); this process then only
// waits for it. The list is LARGE_SPEC_COMMANDS there (a test holds them equal): other commands do not load it.
const LARGE_SPEC_COMMANDS = ['build', 'check', 'diff'];
const youngGeneration = fileURLToPath(new URL('../dist/src/cli/young-generation.js', import.meta.url));
let status;
if (LARGE_SPEC_COMMANDS.includes(command) && existsSync(youngGeneration)) {
  const { largeSpecNodeFlags, runInNewNode } = await import('../dist/src/cli/young-generation.js');
  const flags = largeSpecNodeFlags({ args, execArgv: process.execArgv, env: process.env, cwd: process.cwd() });
  if (flags) status = await runInNewNode(flags, fileURLToPath(import.meta.url), args);
}
if (status !== undefined) process.exitCode = status;
else await runHere();

async function runHere() {
  // Commands that generate types start the types worker first: its loading is the longest part of a small build.
  // `import --build` starts it too, so that it loads while the import runs.
  const prestart = fileURLToPath(new URL('../dist/generators/types/prestart.js', import.meta.url));
  const builds = command === 'build' || command === 'watch' || (command === 'import' && args.some((a) => a === '--build' || a.startsWith('--build=')));
  if (builds && existsSync(prestart)) {
    (await import('../dist/generators/types/prestart.js')).prestartTypesWorker();
  }

  const bundle = fileURLToPath(new URL('../dist/mxspec.cjs', import.meta.url));
  let main;
  let saveCodeCache = () => {};
  if (existsSync(bundle) && process.env.MXSPEC_BUNDLE !== 'off') {
    const codeCache = await import('../dist/src/runtime/code-cache.js');
    codeCache.enableCodeCache();
    saveCodeCache = codeCache.saveCodeCache;
    ({ main } = createRequire(import.meta.url)(bundle));
  } else {
    ({ main } = await import('../dist/src/cli/main.js'));
  }
  main(process.argv).then((code) => {
    process.exitCode = code;
    // After the work, so the cached bytecode holds what it compiled; a no-op once the cache is current.
    saveCodeCache();
  });
}
