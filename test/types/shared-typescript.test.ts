/**
 * The types generator loads one TypeScript compiler for both ts-morph and
 * openapi-typescript (generators/types/commonjs.ts). These tests run in a
 * child process so the module cache starts empty, as in a real build.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundledTypescriptMinor, bundledTypescriptPath } from '../../generators/types/commonjs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

describe('one TypeScript compiler for ts-morph and openapi-typescript', () => {
  it('ts-morph bundles the same TypeScript minor version as the typescript package, so sharing applies', () => {
    const bundled = bundledTypescriptMinor(bundledTypescriptPath());
    const pkg = (require('typescript/package.json') as { version: string }).version;
    expect(bundled).toMatch(/^\d+\.\d+$/);
    expect(pkg.startsWith(`${bundled}.`)).toBe(true);
  });

  it('after loading ts-morph the bundled compiler file was never compiled and ts-morph works with the shared one', () => {
    const script = `
      const { createRequire } = await import('node:module');
      const { requireTsMorph, requireTypescript, bundledTypescriptPath } = await import('./dist/generators/types/commonjs.js');
      const tsMorph = requireTsMorph();
      const ts = requireTypescript();
      const project = new tsMorph.Project({ useInMemoryFileSystem: true });
      const file = project.createSourceFile('a.ts', 'export interface A { b: string }');
      const iface = file.getInterfaceOrThrow('A');
      console.log(JSON.stringify({
        same: tsMorph.ts.createSourceFile === ts.createSourceFile && tsMorph.ts.SyntaxKind === ts.SyntaxKind,
        version: tsMorph.ts.version,
        property: iface.getPropertyOrThrow('b').getType().getText(),
        bundledExportsShared: createRequire(import.meta.url).cache[bundledTypescriptPath()]?.exports === ts,
      }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(out) as { same: boolean; version: string; property: string; bundledExportsShared: boolean };
    expect(result.same).toBe(true);
    expect(result.bundledExportsShared).toBe(true);
    expect(result.property).toBe('string');
    expect(result.version).toBe((require('typescript/package.json') as { version: string }).version);
  });
});
