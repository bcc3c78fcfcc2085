/**
 * The bench's floor probe (scripts/bench/parse-floor.ts) parses exactly the
 * files a build reads, and reports what it parsed. No timing is asserted
 * (benchmarks only).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseFloor, sourceFiles } from '../../scripts/bench/parse-floor.js';
import { readSpecTree } from '../../src/load/read-tree.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SPEC = path.join(ROOT, 'spec');

describe('parse-floor probe', () => {
  it('parses the files the build reads from the shipped spec, and only those', async () => {
    const read = await readSpecTree(SPEC, new DiagnosticBag());
    const probed = sourceFiles([SPEC]).map((f) => path.relative(SPEC, f).split(path.sep).join('/'));
    expect(probed.sort()).toEqual(read.map((f) => f.rel).sort());
  });

  it('counts the files and bytes it parsed, YAML and Markdown alike', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mxspec-floor-'));
    mkdirSync(path.join(dir, 'documents'));
    writeFileSync(path.join(dir, 'README.md'), '# not a source\n');
    writeFileSync(path.join(dir, 'editions.yaml'), 'editions:\n  ietf: {}\n');
    writeFileSync(path.join(dir, 'documents', 'a.md'), '---\ntitle: A\n---\n\n# Ä heading\n\n::rpc{name=x}\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'ignored');
    const files = sourceFiles([dir]);
    expect(files.map((f) => path.relative(dir, f))).toEqual([path.join('documents', 'a.md'), 'editions.yaml']);
    const r = parseFloor(files);
    expect(r.files).toBe(2);
    expect(r.bytes).toBe(files.reduce((n, f) => n + statSync(f).size, 0));
    expect(r.parseMs).toBeGreaterThan(0);
    expect(r.yamlByLines).toBe(1);
  });

  it('reads the YAML as a build does: by lines where the line reader takes it, else through the CST', () => {
    const yaml = sourceFiles([SPEC]).filter((f) => f.endsWith('.yaml'));
    const r = parseFloor(yaml);
    // All but the files with anchors and aliases, which the build reads otherwise too.
    const withAnchors = yaml.filter((f) => /: &\w/.test(readFileSync(f, 'utf8')));
    expect(withAnchors.length).toBeGreaterThan(0);
    expect(r.yamlByLines).toBe(yaml.length - withAnchors.length);
  });

  it('spreads the parse over the cores it is given, but never below the longest single file', () => {
    const files = sourceFiles([SPEC]);
    for (const cores of [1, 2, 64]) {
      const r = parseFloor(files, cores);
      expect(r.cores).toBe(cores);
      expect(r.longestFileMs).toBeGreaterThan(0);
      expect(r.longestFileMs).toBeLessThanOrEqual(r.parseMs);
      expect(r.allCoresMs).toBe(Math.max(r.parseMs / cores, r.longestFileMs));
      if (cores === 1) expect(r.allCoresMs).toBe(r.parseMs);
    }
    // With more cores than files, the longest file is the floor.
    const few = parseFloor(files.slice(0, 3), 64);
    expect(few.allCoresMs).toBe(few.longestFileMs);
  });

  it('runs as a process and prints its report as one JSON line', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/scripts/bench/parse-floor.js'), path.join(SPEC, 'editions.yaml')], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout.trim()) as { files: number; bytes: number; parseMs: number; longestFileMs: number; cores: number; allCoresMs: number };
    expect(report.files).toBe(1);
    expect(report.cores).toBe(availableParallelism());
    expect(report.longestFileMs).toBe(report.parseMs);
    expect(report.allCoresMs).toBe(report.parseMs);
    expect(report.bytes).toBe(statSync(path.join(SPEC, 'editions.yaml')).size);
  });

  it('fails with a usage line when given nothing to parse', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/scripts/bench/parse-floor.js')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^usage: parse-floor PATH/);
  });
});
