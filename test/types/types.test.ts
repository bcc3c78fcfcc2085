/**
 * The TypeScript package of each edition, compiled by the TypeScript
 * compiler (`--strict --noEmit`, no skipLibCheck) in ONE program together
 * with: a hand-written consumer, a generated per-operation agreement test
 * against openapi-typescript's paths, every spec example with `satisfies`,
 * and mutated examples that must fail.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { EDITION_IDS, type EditionId, type EditionModel } from '../../src/ir/types.js';
import type { OutputFile } from '../../generators/generator.js';
import { typesFiles } from '../../generators/types/index.js';
import { packageName } from '../../generators/types/naming.js';
import { editionModels, OPENAPI_FIXTURE, SPEC } from '../openapi/helpers.js';
import { compatSource, examplesOf, examplesSource, mutationsSource, type Source } from './sources.js';

interface Suite {
  id: string;
  spec: 'shipped' | 'fixture';
  edition: EditionId;
  model: EditionModel;
  pkg: string;
  files: OutputFile[];
  sources: Record<string, Source>;
}

const MUTATION_SAMPLE = 12;
let dir: string;
const suites: Suite[] = [];
let diagnostics: readonly ts.Diagnostic[] = [];

const FIXTURE_CHECKS = (pkg: string, edition: EditionId): string => `
import type * as M from '${pkg}';
type Equiv<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const noIdInRequests: 'id' extends keyof M.WidgetWrite ? false : true = true;
export const secretInRequests: 'secret' extends keyof M.WidgetWrite ? true : false = true;
export const noSecretInResponses: 'secret' extends keyof M.WidgetRead ? false : true = true;
export const idInResponses: 'id' extends keyof M.WidgetRead ? true : false = true;
export const fullHasBoth: 'id' | 'secret' extends keyof M.Widget ? true : false = true;
export const requestUsesWrite: Equiv<M.FederationApi['putWidget']['request']['widget']['widget'], M.WidgetWrite> = true;
export const responseUsesRead: Equiv<M.FederationApi['putWidget']['response'], M.WidgetRead> = true;
export const tagOnlyInIetf: 'tag' extends keyof M.Widget ? ${edition === 'ietf'} : ${edition !== 'ietf'} = true;
export const errors: Equiv<M.FederationApi['putWidget']['errors'], ${edition === 'ietf' ? "'M_FORBIDDEN' | 'M_LIMIT_EXCEEDED' | 'M_TOO_LARGE'" : "'M_FORBIDDEN' | 'M_LIMIT_EXCEEDED'"}> = true;
export function text(e: M.RoomEvent): string {
  if (e.type === 'm.room.message' && e.content.msgtype === 'm.text') return e.content.format ?? e.content.body;
  if (e.type === 'm.room.topic') { const k: '' = e.state_key; const who: M.UserId = e.sender; return k + who + e.content.topic; }
  return e.type;
}
// A schema named like a helper type keeps its shape under another name; the helper keeps its own.
export const renamedSchema: M.EduSchema = { note: 'x' };
export const eduUnion: M.Edu = { edu_type: 'm.typing', content: { user_id: '@a:b', typing: true } };
// @ts-expect-error - a message event has no state key.
export const noStateKey: M.RoomEvent<'m.room.message'> = { type: 'm.room.message', sender: '@a:b', origin_server_ts: 1, state_key: '', content: { msgtype: 'm.notice', body: 'x' } };
`;

function fileDiagnostics(file: string): ts.Diagnostic[] {
  const abs = path.resolve(file);
  return diagnostics.filter((d) => d.file && path.resolve(d.file.fileName) === abs);
}

function describeDiag(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return `${d.file ? path.relative(dir, d.file.fileName) : ''}${where ? `:${where.line + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`;
}

function linesWithErrors(file: string): Set<number> {
  return new Set(fileDiagnostics(file).map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1));
}

beforeAll(async () => {
  dir = tempDir('mxspec-types-');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  const roots: string[] = [];
  for (const [spec, specDir] of [['shipped', SPEC], ['fixture', OPENAPI_FIXTURE]] as const) {
    const models = await editionModels(specDir);
    for (const edition of EDITION_IDS) {
      const model = models[edition];
      const pkg = spec === 'shipped' ? packageName(edition) : `fixture-types-${edition}`;
      const files = await typesFiles(model);
      const pkgDir = path.join(dir, 'node_modules', pkg);
      mkdirSync(pkgDir, { recursive: true });
      for (const f of files) {
        // Installed under another name, the fixture package must say so: TypeScript treats two
        // packages with the same name and version as one and would read only the first.
        const content = spec === 'fixture' && f.path.endsWith('package.json') ? JSON.stringify({ ...JSON.parse(f.content), name: pkg }) : f.content;
        writeFileSync(path.join(pkgDir, path.basename(f.path)), content);
        if (f.path.endsWith('.d.ts')) roots.push(path.join(pkgDir, path.basename(f.path)));
      }
      const id = `${spec}-${edition}`;
      const suiteDir = path.join(dir, id);
      mkdirSync(suiteDir);
      const sources: Record<string, Source> = {
        'compat.ts': compatSource(model, pkg),
        'examples.ts': examplesSource(model, pkg),
        'mutations.ts': mutationsSource(model, pkg, MUTATION_SAMPLE),
      };
      if (spec === 'shipped') {
        const consumer = readFileSync(path.join(ROOT, 'test/types/consumer/consumer.ts'), 'utf8').replace(/'mxspec-types/g, `'${pkg}`);
        sources['consumer.ts'] = { text: consumer, lines: [], skipped: [] };
      } else sources['fixture-checks.ts'] = { text: FIXTURE_CHECKS(pkg, edition), lines: [], skipped: [] };
      for (const [name, s] of Object.entries(sources)) {
        writeFileSync(path.join(suiteDir, name), s.text);
        roots.push(path.join(suiteDir, name));
      }
      suites.push({ id, spec, edition, model, pkg, files, sources });
    }
  }
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: false,
  });
  diagnostics = ts.getPreEmitDiagnostics(program);
});

describe('the generated TypeScript packages', () => {
  it('compile under --strict with every test source (one program, no diagnostics outside the mutations)', () => {
    const unexpected = diagnostics.filter((d) => !d.file || !d.file.fileName.endsWith('mutations.ts'));
    expect(unexpected.map(describeDiag)).toEqual([]);
  });

  it('are publishable packages: package.json with name, version, exports and types; README from the template', () => {
    for (const s of suites.filter((x) => x.spec === 'shipped')) {
      const pkgJson = JSON.parse(s.files.find((f) => f.path.endsWith('package.json'))!.content);
      expect(pkgJson.name).toBe(`@mxspec/matrix-federation-types-${s.edition}`);
      expect(pkgJson.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(pkgJson.types).toBe('./index.d.ts');
      expect(pkgJson.exports['.'].types).toBe('./index.d.ts');
      expect(pkgJson.exports['./paths'].types).toBe('./paths.d.ts');
      for (const f of pkgJson.files) expect(s.files.some((x) => x.path === `${s.edition}/types/${f}`)).toBe(true);
      const readme = s.files.find((f) => f.path.endsWith('README.md'))!.content;
      expect(readme).toContain(pkgJson.name);
      expect(readme).toContain(s.model.edition.version);
      expect(readme).not.toMatch(/\{\{\w+\}\}/);
    }
  });

  it('are deterministic', async () => {
    const s = suites[0];
    expect(await typesFiles(s.model)).toEqual(s.files);
  });

  it('declare a named type per schema, request/response types per RPC, and the FederationApi map', () => {
    for (const s of suites) {
      const index = s.files.find((f) => f.path.endsWith('index.d.ts'))!.content;
      for (const schema of s.model.schemas) expect(index, `${s.id}: ${schema.name}`).toMatch(new RegExp(`export (interface|type) ${schema.name}\\b`));
      for (const rpc of s.model.rpcs) expect(index, `${s.id}: ${rpc.name}`).toMatch(new RegExp(`^  ${rpc.name}: \\{$`, 'm'));
      expect(index).toContain('export interface FederationApi {');
      expect(index).toContain('export type UserId = `@${string}:${string}`;');
      const paths = s.files.find((f) => f.path.endsWith('paths.d.ts'))!.content;
      expect(paths).toContain('export interface paths {');
    }
  });
});

for (const edition of EDITION_IDS) {
  for (const spec of ['shipped', 'fixture'] as const) {
    describe(`${spec} spec, ${edition}`, () => {
      const suite = (): Suite => suites.find((s) => s.id === `${spec}-${edition}`)!;
      const file = (name: string): string => path.join(dir, suite().id, name);

      it('openapi-typescript and mxspec agree on every operation (mutually assignable)', () => {
        const s = suite().sources['compat.ts'];
        expect(s.lines.length).toBeGreaterThan(suite().model.bindings.length - s.skipped.length - 1);
        expect(fileDiagnostics(file('compat.ts')).map(describeDiag)).toEqual([]);
        if (spec === 'shipped') expect(s.skipped).toEqual([]);
      });

      it('every example satisfies its generated type', () => {
        const s = suite().sources['examples.ts'];
        expect(s.lines.length).toBe(examplesOf(suite().model).length);
        expect(s.lines.length).toBeGreaterThan(0);
        const bad = linesWithErrors(file('examples.ts'));
        expect(s.lines.filter((l) => bad.has(l.line)).map((l) => l.what)).toEqual([]);
      });

      it('mutated examples (required field removed, wrong type) fail to type-check', () => {
        const s = suite().sources['mutations.ts'];
        expect(s.lines.length).toBeGreaterThanOrEqual(spec === 'shipped' ? 2 * MUTATION_SAMPLE : 4);
        const bad = linesWithErrors(file('mutations.ts'));
        expect(s.lines.filter((l) => !bad.has(l.line)).map((l) => `${l.what} type-checks`)).toEqual([]);
      });
    });
  }
}

describe('the types generator', () => {
  it('builds files with ts-morph in bulk: no node-by-node manipulation API anywhere', () => {
    const srcDir = path.join(ROOT, 'generators/types');
    const forbidden = /\.(add|insert|set|remove|rename|replaceWithText)(Interface|TypeAlias|Property|Properties|Statement|Statements|JsDoc|JsDocs|Member|Members|Enum|Class|Function|ImportDeclaration|ExportDeclaration)?s?\(/;
    let usesWriter = false;
    for (const f of readdirSync(srcDir).filter((x) => x.endsWith('.ts'))) {
      const text = readFileSync(path.join(srcDir, f), 'utf8');
      const hits = text.split('\n').filter((l) => forbidden.test(l) && !/new (Set|Map)|\.set\(|\.add\((n|r|b|base|name|e|k)\)/.test(l) && /ts-morph|sourceFile|sf\./i.test(l));
      expect(hits, f).toEqual([]);
      // One ts-morph text writer per file: through createSourceFile, or the project's writer used directly.
      if (/createSourceFile\([^)]*\(w\) =>/.test(text) || /[pP]roject\(?\)?\.createWriter\(\)/.test(text)) usesWriter = true;
      expect(text).not.toMatch(/\.(addInterface|addTypeAlias|addProperty|insertStatements|addStatements|addJsDoc)\(/);
    }
    expect(usesWriter).toBe(true);
  });
});
