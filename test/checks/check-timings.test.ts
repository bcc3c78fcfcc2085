/**
 * Each check's own time: runChecks tells a timer about every check it ran,
 * in registry order, and `mxspec build --stats` and `mxspec check --stats`
 * list them indented under the `check` phase, so a slow check can be found
 * without a profiler.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, projectAll, runChecks } from '../../src/checks/registry.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { loadProgram } from '../../src/program/load-program.js';
import { formatTimings } from '../../src/cli/main.js';
import { ROOT, runCliInProcess, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');

/** A copy of the fixture whose RPC refers to a schema that does not exist (MX2001). */
function fixtureWithUnknownSchema(): string {
  const dir = path.join(tempDir('mxspec-check-timings-'), 'spec');
  cpSync(FIXTURE, dir, { recursive: true });
  const file = path.join(dir, 'rpcs/core.yaml');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('ref: VersionResponse', 'ref: NoSuchSchema');
  expect(edited, 'the fixture has a schema reference to break').not.toBe(text);
  writeFileSync(file, edited);
  return dir;
}

async function timedChecks(dir: string): Promise<{ ids: string[]; ms: number[]; report: DiagnosticBag }> {
  const { program, diagnostics } = await loadProgram(dir);
  expect(program, diagnostics.items.map((d) => d.message).join('\n')).toBeDefined();
  const report = new DiagnosticBag();
  const ids: string[] = [];
  const ms: number[] = [];
  runChecks(program!, report, projectAll(program!), undefined, (id, t) => {
    ids.push(id);
    ms.push(t);
  });
  return { ids, ms, report };
}

describe('check timings', () => {
  it('times every check once, in the order the registry runs them', async () => {
    const { ids, ms, report } = await timedChecks(FIXTURE);
    expect(report.items).toEqual([]);
    expect(ids).toEqual(CHECKS.map((c) => c.id));
    for (const t of ms) expect(t).toBeGreaterThanOrEqual(0);
  });

  it('leaves out a check that did not run (examples are not validated against a missing schema)', async () => {
    const { ids, report } = await timedChecks(fixtureWithUnknownSchema());
    expect(report.items.some((d) => d.code === 'MX2001')).toBe(true);
    expect(ids).toEqual(CHECKS.map((c) => c.id).filter((id) => id !== 'examples-validate'));
  });

  it('mxspec build --stats lists each check indented under the check phase, and their times add up to no more than it', async () => {
    const out = path.join(tempDir('mxspec-check-timings-out-'), 'out');
    const r = await runCliInProcess(['build', '--spec', FIXTURE, '--out', out, '--stats']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n');
    const at = lines.findIndex((l) => /^ {2}check +\d+\.\d ms$/.test(l));
    expect(at, r.stderr).toBeGreaterThan(0);
    const parts = lines.slice(at + 1, at + 1 + CHECKS.length).map((l) => /^ {4}(\S+) +(\d+\.\d) ms$/.exec(l));
    expect(parts.map((m) => m?.[1])).toEqual(CHECKS.map((c) => c.id));
    // The line after the last check is a phase again.
    expect(lines[at + 1 + CHECKS.length]).toMatch(/^ {2}\S/);
    const phaseMs = Number(/(\d+\.\d) ms$/.exec(lines[at]!)![1]);
    const sum = parts.reduce((n, m) => n + Number(m![2]), 0);
    // Each figure is rounded to 0.1 ms.
    expect(sum).toBeLessThanOrEqual(phaseMs + 0.05 * CHECKS.length + 0.05);
  });

  it('mxspec check --stats times the phases up to the checks and each check, generates nothing, and still reports', async () => {
    const r = await runCliInProcess(['check', '--spec', fixtureWithUnknownSchema(), '--stats']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rpcs\/core\.yaml:\d+:\d+ - error MX2001/);
    expect(r.stderr).toMatch(/^mxspec check --stats \(\d+ source files\)$/m);
    const phases = [...r.stderr.matchAll(/^ {2}(\S+) +\d+\.\d ms$/gm)].map((m) => m[1]);
    expect(phases).toEqual(['load', 'parse', 'assemble', 'project', 'resolve', 'check', 'total']);
    const checks = [...r.stderr.matchAll(/^ {4}(\S+) +\d+\.\d ms$/gm)].map((m) => m[1]);
    expect(checks).toEqual(CHECKS.map((c) => c.id).filter((id) => id !== 'examples-validate'));
  });

  it('formats a part of a phase indented, in the same columns', () => {
    const table = formatTimings([{ phase: 'check', ms: 12.34 }, { phase: 'drafts-references', ms: 10, part: true }]);
    const [phase, part, end] = table.split('\n');
    expect(phase).toMatch(/^ {2}check +12\.3 ms$/);
    expect(part).toMatch(/^ {4}drafts-references +10\.0 ms$/);
    expect(part!.length).toBe(phase!.length);
    expect(end).toBe('');
  });
});
