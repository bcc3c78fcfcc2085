/**
 * Bundles the compiled CLI (dist/src/cli/main.js and every module it
 * imports, dependencies included) into one CommonJS file, dist/mxspec.cjs,
 * which bin/mxspec.js runs through the V8 code cache; and the types worker
 * (dist/generators/types/worker.js, its modules, ts-morph, openapi-typescript
 * and what they load) into another, dist/types-worker.cjs, which the worker
 * thread's entry (generators/types/worker-start.ts) runs the same way.
 *
 * Why: Node 20 loads ES modules one file at a time and cannot cache their
 * bytecode; the CLI's ~400 modules (unified, micromark, yaml, ajv, ours)
 * took ~170 ms of every process to load, one CommonJS file ~40 ms, less
 * with its bytecode cached (src/runtime/code-cache.ts). The types worker's
 * ~120 files (31 of ours) took ~130 ms of its loading, which is on the
 * critical path of a small build. The TypeScript compiler, ts-morph and
 * openapi-typescript, which only the worker loads, are left out of the
 * CLI's bundle, and the compiler (9 MB, one file already) out of both.
 *
 * `import.meta.url` has no meaning in a CommonJS bundle: each module's use
 * is replaced by the URL its own file has under dist/, computed from the
 * bundle's location, so the bundle finds templates, the worker and the
 * package root wherever the package is installed.
 *
 * `npm run compile` (and `prepare`, `test`, `bench`) runs it after tsc.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = path.join(root, 'dist');
export const BUNDLE_FILE = path.join(dist, 'mxspec.cjs');
/** Where generators/types/worker-start.ts looks for the worker's bundle. */
export const TYPES_WORKER_BUNDLE_FILE = path.join(dist, 'types-worker.cjs');

/** Modules only the types worker loads (it runs from its own files). */
const WORKER_ONLY = ['typescript', 'ts-morph', 'openapi-typescript', 'openapi-typescript/*'];

/**
 * Defined once at the top of the bundle, where `require` is Node's (a module
 * may name a `require` of its own, as createRequire's result often is).
 */
const FILE_URL = '__mxspecFileUrl';
const FILE_URL_DEFINITION = `const ${FILE_URL} = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;`;

const ownModuleUrl: esbuild.Plugin = {
  name: 'own-module-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      // Our compiled modules; a dependency using import.meta would fail the build below.
      if (!args.path.startsWith(dist + path.sep)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = path.relative(dist, args.path).split(path.sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `${FILE_URL}(${JSON.stringify(rel)})`), loader: 'js' };
    });
  },
};

/** One CommonJS file for Node 20 from a compiled entry module, with our modules' `import.meta.url` replaced. */
async function bundle(entry: string, outfile: string, options: Pick<esbuild.BuildOptions, 'external' | 'plugins'>): Promise<void> {
  const result = await esbuild.build({
    ...options,
    entryPoints: [path.join(dist, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    plugins: [...(options.plugins ?? []), ownModuleUrl],
    banner: { js: FILE_URL_DEFINITION },
    logLevel: 'silent',
    legalComments: 'inline',
  });
  // esbuild leaves an import.meta it cannot replace empty, and only warns: a module that used one would misbehave.
  const empty = result.warnings.filter((w) => w.text.includes('import.meta'));
  if (empty.length) throw new Error(`bundle-cli: import.meta left empty in ${empty.map((w) => w.location?.file).join(', ')}`);
}

/** Writes the bundle (to `outfile`, for tests; by default where bin/mxspec.js looks for it). */
export async function bundleCli(outfile = BUNDLE_FILE): Promise<void> {
  await bundle('src/cli/main.js', outfile, { external: WORKER_ONLY });
}

/**
 * In the worker's bundle, commonjs-bundled.ts stands in for commonjs.ts:
 * it requires the packages by name, which is what lets esbuild bundle them.
 */
const bundledLoaders: esbuild.Plugin = {
  name: 'bundled-loaders',
  setup(build) {
    const typesDir = path.join(dist, 'generators', 'types');
    build.onResolve({ filter: /^\.\/commonjs\.js$/ }, (args) =>
      (args.importer.startsWith(typesDir + path.sep) ? { path: path.join(typesDir, 'commonjs-bundled.js') } : undefined));
  },
};

/**
 * @ts-morph/common loads its own copy of the TypeScript compiler
 * (`require('./typescript')`). When that copy is the typescript package's
 * minor version, the bundle loads the package instead: one compiler for
 * ts-morph and openapi-typescript, as shareTypescriptWithTsMorph arranges
 * for the module files. Otherwise the copy stays a file of its own, loaded
 * by its package path. Either way the 9 MB are not bundled.
 */
function tsMorphCompiler(shared: boolean): esbuild.Plugin {
  return {
    name: 'ts-morph-compiler',
    setup(build) {
      build.onResolve({ filter: /^\.\/typescript$/ }, (args) => {
        if (!args.importer.includes(`${path.sep}@ts-morph${path.sep}common${path.sep}`)) return undefined;
        return { path: shared ? 'typescript' : '@ts-morph/common/dist/typescript.js', external: true };
      });
    },
  };
}

/** Writes the types worker's bundle (to `outfile`, for tests; by default where worker-start.ts looks for it). */
export async function bundleTypesWorker(outfile = TYPES_WORKER_BUNDLE_FILE): Promise<void> {
  const { bundledTypescriptMinor, bundledTypescriptPath, requireTypescript } = await import('../../generators/types/commonjs.js');
  const shared = bundledTypescriptMinor(bundledTypescriptPath()) === requireTypescript().versionMajorMinor;
  await bundle('generators/types/worker.js', outfile, {
    external: ['typescript'],
    plugins: [bundledLoaders, tsMorphCompiler(shared)],
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli();
  await bundleTypesWorker();
}
