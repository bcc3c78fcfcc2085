/**
 * The types worker converts a small built-in model while it waits for its
 * first real one (generators/types/warm-up.ts), so that the real conversion
 * runs code that has run before. The model must convert (a failure would only
 * lose the warm-up, silently), to declarations that compile, and through the
 * paths the real models take.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { typesFiles } from '../../generators/types/index.js';
import { warmUpModel } from '../../generators/types/warm-up.js';
import { tempDir } from '../helpers/cli.js';

describe('the types worker\'s warm-up model', () => {
  it('converts to the four files, whose declarations compile under --strict', async () => {
    const files = await typesFiles(warmUpModel());
    expect(files.map((f) => path.posix.basename(f.path)).sort()).toEqual(['README.md', 'index.d.ts', 'package.json', 'paths.d.ts']);
    const dir = tempDir('mxspec-warm-up-');
    for (const f of files) writeFileSync(path.join(dir, path.posix.basename(f.path)), f.content);
    const program = ts.createProgram([path.join(dir, 'index.d.ts'), path.join(dir, 'paths.d.ts')], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  it('reaches each kind of declaration and each place of an HTTP field', async () => {
    const files = Object.fromEntries((await typesFiles(warmUpModel())).map((f) => [path.posix.basename(f.path), f.content]));
    const index = files['index.d.ts']!;
    const paths = files['paths.d.ts']!;
    for (const name of ['Sample', 'PutSampleRequest', 'PutSampleResponse']) expect(index, name).toMatch(new RegExp(`\\b${name}\\b`));
    expect(index).toContain('m.sample');
    expect(index).toContain('m.sample.edu');
    expect(index).toContain('m.text');
    expect(paths).toMatch(/put: operations\["putSample"\]/);
    expect(paths).toMatch(/query\??: \{[^}]*limit/s);
    expect(paths).toMatch(/path: \{[^}]*sampleId/s);
    expect(paths).toMatch(/requestBody/);
  });
});
