/**
 * The benchmark's synthetic corpora are valid by construction: the shipped
 * spec scaled by a small factor (2×, to keep the test quick; the benchmark uses 10× and 50×) checks as clean as the original, and really
 * is bigger (renamed copies, not duplicates the checks would reject).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SPEC, runCli, tempDir } from '../helpers/cli.js';

const { scaleSpec } = (await import(path.join(ROOT, 'dist/scripts/bench/scale-spec.js'))) as typeof import('../../scripts/bench/scale-spec.js');

const count = (dir: string): number => readdirSync(dir).length;

describe('scale-spec', () => {
  it('2× the shipped spec checks with no more diagnostics than the original', () => {
    const out = path.join(tempDir('mxspec-scale-'), 'spec');
    scaleSpec(SPEC, out, 2);
    const original = runCli(['check', '--spec', SPEC, '--format', 'json']);
    const scaled = runCli(['check', '--spec', out, '--format', 'json']);
    expect(scaled.code, scaled.stderr + scaled.stdout.slice(0, 2000)).toBe(original.code);
    const n = (s: string): number => (JSON.parse(s) as { diagnostics: unknown[] }).diagnostics.length;
    expect(n(scaled.stdout), scaled.stdout.slice(0, 2000)).toBe(n(original.stdout));
    for (const folder of ['rpcs', 'bindings', 'schemas', 'events']) expect(count(path.join(out, folder))).toBe(2 * count(path.join(SPEC, folder)));
    // Documents grow in place: the same files, each with the numbered sections twice.
    expect(count(path.join(out, 'documents'))).toBe(count(path.join(SPEC, 'documents')));
    const api = readFileSync(path.join(out, 'documents/api.md'), 'utf8');
    expect(api).toContain('(copy 2)');
    expect(api.length).toBeGreaterThan(1.5 * readFileSync(path.join(SPEC, 'documents/api.md'), 'utf8').length);
  });

  it('1× is the spec unchanged', () => {
    const out = path.join(tempDir('mxspec-scale-'), 'spec');
    const r = scaleSpec(SPEC, out, 1);
    expect(r.files).toBe(0);
    expect(readFileSync(path.join(out, 'documents/api.md'), 'utf8')).toBe(readFileSync(path.join(SPEC, 'documents/api.md'), 'utf8'));
  });
});
