/**
 * The repository's CI workflow is valid GitHub Actions syntax (checked with
 * @action-validator/core, offline) and runs the steps the diff report
 * promises: check, stale out/, the edition diff as a PR comment, and the
 * untracked-breaking gate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DIR = path.join(ROOT, '.github/workflows');

describe('GitHub workflows', () => {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

  it.each(files)('%s is a valid workflow', (f) => {
    const state = validateWorkflow(readFileSync(path.join(DIR, f), 'utf8'));
    expect(state.errors).toEqual([]);
  });

  it('a broken workflow is rejected by the validator (the check can fail)', () => {
    const state = validateWorkflow('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - nonsense: 1\n');
    expect(state.errors.length).toBeGreaterThan(0);
  });

  it('spec.yml runs check, build --check, posts the diff and gates untracked breaking changes', () => {
    const wf = parse(readFileSync(path.join(DIR, 'spec.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: { script?: string } }[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/mxspec\.js check/);
    expect(runs).toMatch(/mxspec\.js build --check/);
    expect(runs).toMatch(/mxspec\.js diff ietf matrix-org --format md/);
    expect(runs).toMatch(/--fail-on-untracked breaking/);
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script'));
    expect(comment?.with?.script).toMatch(/createComment|updateComment/);
  });
});

describe('docs/diff.md', () => {
  it('lists every rule of the registry with its severity and direction', async () => {
    const { DIFF_RULES } = await import('../../src/diff/rules/index.js');
    const doc = readFileSync(path.join(ROOT, 'docs/diff.md'), 'utf8');
    for (const r of DIFF_RULES) expect(doc).toContain(`| \`${r.id}\` | ${r.severity} | ${r.direction} |`);
  });
});
