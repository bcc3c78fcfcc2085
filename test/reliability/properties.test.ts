/**
 * Property-based tests over random spec trees (spec-gen.ts). Cheap
 * properties (parse, check, project, generate in-process) run hundreds to
 * thousands of cases; the expensive ones (xmllint, tsc, the OpenAPI linter)
 * run a few dozen, with all TypeScript outputs compiled in one batch. The
 * generators are looked up at run time: a property about an output only
 * applies once a generator writes that output.
 *
 * The whole file runs with network access blocked in-process (the same
 * guard the CLI tests preload) and asserts no attempt was made.
 */
import '../helpers/no-network.mjs';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { specPlan, renderSpec, specTree, type SpecTree } from './spec-gen.js';
import { HAS_RNG, isOpenApi, listFiles, openApiProblems, rfcXmlProblems, typeScriptProblems, xmlProblems } from './outputs.js';

type Pipeline = typeof import('../../src/build/pipeline.js');
type Loader = typeof import('../../src/program/load-program.js');
type Writer = typeof import('../../src/build/write-output.js');
type DiffModule = typeof import('../../src/diff/diff.js');
const dist = (rel: string): string => path.join(ROOT, 'dist', rel);
const { compile } = (await import(dist('src/build/pipeline.js'))) as Pipeline;
const { parseSourceFile } = (await import(dist('src/program/load-program.js'))) as Loader;
const { writeOutputTree } = (await import(dist('src/build/write-output.js'))) as Writer;
const DIFF_JS = dist('src/diff/diff.js');
const diffModule = existsSync(DIFF_JS) ? ((await import(DIFF_JS)) as DiffModule) : undefined;

type Registry = typeof import('../../src/checks/registry.js');
type ReadTree = typeof import('../../src/load/read-tree.js');
type Diags = typeof import('../../src/diagnostics/diagnostic.js');
const { emptyProgram } = (await import(dist('src/program/load-program.js'))) as Loader;
const { projectAll, runChecks } = (await import(dist('src/checks/registry.js'))) as Registry;
const { kindOf } = (await import(dist('src/load/read-tree.js'))) as ReadTree;
const { DiagnosticBag } = (await import(dist('src/diagnostics/diagnostic.js'))) as Diags;

/**
 * Load, check and project a tree without touching the disk: the same steps
 * as loadProgram after reading (parse each file in sorted order, assemble),
 * so thousands of cases fit in CI time.
 */
function checkInMemory(tree: SpecTree): InstanceType<typeof DiagnosticBag> {
  const diags = new DiagnosticBag();
  const program = emptyProgram('/generated');
  for (const rel of Object.keys(tree).sort()) {
    const kind = kindOf(rel);
    if (!kind) continue;
    const c = parseSourceFile({ rel, kind, text: tree[rel]! });
    diags.push(...c.diagnostics);
    c.apply(program);
  }
  if (!program.editions.ietf || diags.hasErrors()) return diags;
  runChecks(program, diags, projectAll(program));
  return diags;
}
const showTree = (tree: SpecTree): string => Object.entries(tree).map(([k, v]) => `--- ${k}\n${v}`).join('\n');

/**
 * Case counts are sized for CI (about 20 s for this file on two cores; the
 * drafts checks dominate at ~12 ms per spec); MXSPEC_PROPERTY_SCALE=10 runs
 * ten times as many for a deeper local soak.
 */
const SCALE = Math.max(1, Number(process.env.MXSPEC_PROPERTY_SCALE) || 1);
const runs = (n: number): number => Math.round(n * SCALE);

const work = tempDir('mxspec-props-');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let slot = 0;
function writeTree(tree: SpecTree): string {
  const dir = path.join(work, `spec-${slot++}`);
  for (const [rel, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
const netAttempts = (): unknown[] => (globalThis as { __mxspecNetAttempts?: unknown[] }).__mxspecNetAttempts ?? [];
const errorsOf = (r: Awaited<ReturnType<typeof compile>>): string[] =>
  r.diagnostics.sorted().filter((d) => d.severity === 'error').map((d) => `${d.loc?.file}:${d.loc?.line}:${d.loc?.column} ${d.code} ${d.message}`);

describe('properties of random valid specs', () => {
  it('every generated spec loads, checks and projects without errors (in memory, many cases)', () => {
    fc.assert(fc.property(specTree, (tree) => {
      const errors = checkInMemory(tree).sorted().filter((d) => d.severity === 'error');
      expect(errors, showTree(tree)).toEqual([]);
    }), { numRuns: runs(300) });
  });

  it('every generated spec builds through every registered generator without errors or exceptions', async () => {
    await fc.assert(fc.asyncProperty(specTree, async (tree) => {
      const dir = writeTree(tree);
      try {
        const r = await compile(dir);
        expect(errorsOf(r), showTree(tree)).toEqual([]);
        expect(r.program).toBeDefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }), { numRuns: runs(30) });
  });

  it('the parser never throws on arbitrary text, and every diagnostic has a position', () => {
    const kinds = ['editions', 'references', 'document', 'rpc-group', 'binding-group', 'schema-set', 'event-set', 'room-version'] as const;
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '"', "'", '#', '%', '\t', '\r\n', '---', '<x>', ':::', '::x', 'é'), maxLength: 120 }),
    );
    fc.assert(fc.property(fc.constantFrom(...kinds), text, (kind, t) => {
      const c = parseSourceFile({ rel: kind === 'document' ? 'documents/x.md' : 'schemas/x.yaml', kind, text: t });
      for (const d of c.diagnostics) {
        expect(d.code).not.toBe('MX9999');
        expect(d.loc?.line ?? 1).toBeGreaterThanOrEqual(1);
        expect(d.loc?.column ?? 1).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: runs(3000) });
  });

  it('a valid spec with one random line dropped or garbled gets located diagnostics, never an exception', () => {
    const mutation = fc.record({ file: fc.nat(), line: fc.nat(), kind: fc.constantFrom('drop', 'garble', 'indent'), junk: fc.string({ maxLength: 6 }) });
    fc.assert(fc.property(specTree, mutation, (tree, m) => {
      const files = Object.keys(tree).sort();
      const file = files[m.file % files.length]!;
      const lines = tree[file]!.split('\n');
      const i = m.line % lines.length;
      if (m.kind === 'drop') lines.splice(i, 1);
      else if (m.kind === 'garble') lines[i] = lines[i]!.slice(0, lines[i]!.length >> 1) + m.junk + lines[i]!.slice(lines[i]!.length >> 1);
      else lines[i] = ' ' + lines[i];
      const mutated = { ...tree, [file]: lines.join('\n') };
      for (const d of checkInMemory(mutated).items) {
        expect(d.code).not.toBe('MX9999');
        if (d.loc) {
          expect(Object.keys(mutated), d.message).toContain(d.loc.file);
          expect(d.loc.line).toBeGreaterThanOrEqual(1);
          expect(d.loc.line).toBeLessThanOrEqual(mutated[d.loc.file]!.split('\n').length + 1);
        }
      }
    }), { numRuns: runs(300) });
  });

  it('outputs pass their tools: XML well-formed (and RFC XML v3 valid), OpenAPI valid, TypeScript compiles', async () => {
    const outs: string[] = [];
    const problems: string[] = [];
    const samples = fc.sample(specTree, { numRuns: runs(8), seed: 4242 });
    for (const tree of samples) {
      const dir = writeTree(tree);
      const r = await compile(dir);
      expect(errorsOf(r)).toEqual([]);
      const out = path.join(work, `out-${slot++}`);
      await writeOutputTree(out, r.files);
      outs.push(out);
      for (const f of r.files) {
        const abs = path.join(out, f.path);
        if (f.path.endsWith('.xml')) {
          problems.push(...(await xmlProblems(f.path, f.content)).map((p) => `${f.path}: ${p}`));
          if (HAS_RNG && /^<\?xml[^>]*\?>\s*<rfc[\s>]/.test(f.content)) problems.push(...(await rfcXmlProblems(f.path, f.content)).map((p) => `${f.path} (RNG): ${p}`));
        }
        if (f.path.endsWith('.json')) expect(() => JSON.parse(f.content), f.path).not.toThrow();
        if (/\.(json|ya?ml)$/.test(f.path) && isOpenApi(f.path, f.content)) problems.push(...(await openApiProblems(abs)).map((p) => `${f.path}: ${p}`));
      }
    }
    const tsFiles = outs.flatMap((o) => listFiles(o).filter((f) => f.endsWith('.ts')).map((f) => path.join(o, f)));
    problems.push(...typeScriptProblems(tsFiles));
    expect(problems).toEqual([]);
  });

  it.skipIf(!diffModule)(`diff(x, x) is empty and diff(a, b) mirrors diff(b, a)${diffModule ? '' : ' (skipped: src/diff is not built)'}`, async () => {
    const { diffModels } = diffModule!;
    const { loadProgram } = (await import(dist('src/program/load-program.js'))) as Loader;
    const modelsOf = async (tree: SpecTree) => {
      const dir = writeTree(tree);
      const loaded = await loadProgram(dir);
      expect(loaded.program).toBeDefined();
      return projectAll(loaded.program!);
    };
    const key = (c: { path: string; from: unknown; to: unknown }, swap: boolean) => `${c.path}|${JSON.stringify(swap ? c.to : c.from)}|${JSON.stringify(swap ? c.from : c.to)}`;
    await fc.assert(fc.asyncProperty(specPlan, specPlan, async (pa, pb) => {
      const a = await modelsOf(renderSpec(pa));
      const b = await modelsOf(renderSpec(pb));
      for (const e of ['ietf', 'matrix-org'] as const) {
        expect(diffModels(a[e], a[e]).changes).toEqual([]);
        const ab = diffModels(a[e], b[e]).changes.map((c) => key(c, false)).sort();
        const ba = diffModels(b[e], a[e]).changes.map((c) => key(c, true)).sort();
        expect(ba).toEqual(ab);
      }
    }), { numRuns: runs(40) });
  });

  it('made no network access', () => {
    expect(netAttempts()).toEqual([]);
  });
});
