/** Shared by the OpenAPI and types tests: edition models of a spec folder (checked first). */
import path from 'node:path';
import { ROOT, SPEC } from '../helpers/cli.js';
import { compile } from '../../src/build/pipeline.js';
import { formatDiagnosticLine } from '../../src/diagnostics/format.js';
import type { EditionId, EditionModel } from '../../src/ir/types.js';

export const OPENAPI_FIXTURE = path.join(ROOT, 'test/fixtures/openapi');
export { SPEC };

const cache = new Map<string, Promise<Record<EditionId, EditionModel>>>();

/** The projected models of both editions; throws with the diagnostics when the spec does not check. */
export function editionModels(specDir: string): Promise<Record<EditionId, EditionModel>> {
  let p = cache.get(specDir);
  if (!p) {
    p = compile(specDir, { checkOnly: true }).then((r) => {
      const errors = r.diagnostics.sorted().filter((d) => d.severity === 'error');
      if (errors.length || !r.models) throw new Error(`${specDir} does not check:\n${errors.map((d) => formatDiagnosticLine(d)).join('\n')}`);
      return r.models;
    });
    cache.set(specDir, p);
  }
  return p;
}

type Json = Record<string, unknown>;

/** Every value in a JSON tree, with its JSON pointer. */
export function* walkJson(v: unknown, pointer = ''): Generator<[string, unknown]> {
  yield [pointer, v];
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* walkJson(v[i], `${pointer}/${i}`);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v as Json)) yield* walkJson(x, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = doc;
  for (const part of ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Json)[part];
  }
  return cur;
}
