/**
 * Benchmark probe for `mxspec watch`, run as its own process by run.ts so
 * every probe starts cold. It measures, in this order:
 *   1. a cold in-process build (the first compile + atomic write of a fresh
 *      process; modules are already loaded, the JIT is not warm);
 *   2. edit-to-written latency through the real watcher (fs.watch events,
 *      debounce, incremental rebuild, atomic writes), from the moment the
 *      edited source is on disk to the moment the rebuild reports its
 *      outputs renamed into place, for a one-paragraph Markdown edit and a
 *      one-property YAML edit, alternated, after one warm-up edit of each.
 * Prints one JSON object on stdout.
 *
 *   node dist/scripts/bench/watch-probe.js --spec DIR --out DIR [--edits 5] [--debounce 10]
 */
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { compile } from '../../src/build/pipeline.js';
import { writeOutputTree } from '../../src/build/write-output.js';
import { createWatcher } from '../../src/watch/watcher.js';
import type { RebuildResult } from '../../src/watch/incremental-build.js';

export interface ProbeResult {
  coldMs: number;
  markdownMs: number[];
  yamlMs: number[];
  /** What the last edit of each kind re-parsed and rewrote (to show the edits were incremental). */
  markdownLast: { reparsed: string[]; written: string[]; phases: Record<string, number> };
  yamlLast: { reparsed: string[]; written: string[]; phases: Record<string, number> };
  markdownFile: string;
  yamlFile: string;
}

/** A line of running prose in a Markdown document (outside code fences, not a heading, list, table or directive). */
export function findParagraphLine(text: string): number {
  const lines = text.split('\n');
  let fence = false;
  let front = lines[0] === '---';
  for (let i = front ? 1 : 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (front) {
      if (l === '---') front = false;
      continue;
    }
    if (/^(```|~~~)/.test(l)) fence = !fence;
    if (fence) continue;
    if (/^[A-Za-z][^:]*[a-z,]$/.test(l) && l.length > 40) return i;
  }
  throw new Error('no paragraph line found');
}

/** A property's one-line plain `description:` in a YAML schema file. */
export function findPropertyDescriptionLine(text: string): number {
  const lines = text.split('\n');
  let inProps = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const indent = l.length - l.trimStart().length;
    if (/^\s+properties:\s*$/.test(l)) inProps = indent;
    else if (inProps >= 0 && indent > inProps + 2 && /^\s+description: [A-Za-z][^:#'"|>]*$/.test(l)) return i;
  }
  throw new Error('no one-line property description found');
}

function editLine(file: string, line: number, original: string[], n: number): void {
  const lines = [...original];
  lines[line] = `${lines[line]} Edit ${n}.`;
  writeFileSync(file, lines.join('\n'));
}

/** The rebuild's phases in milliseconds (rounded), to show where an edit's latency goes. */
function phasesOf(r: RebuildResult | undefined): Record<string, number> {
  return Object.fromEntries((r?.timings ?? []).map((t) => [t.phase, Math.round(t.ms)]));
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, dflt?: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : dflt;
  };
  const spec = arg('--spec')!;
  const out = arg('--out')!;
  const edits = Number(arg('--edits', '5'));
  const debounceMs = Number(arg('--debounce', '10'));
  const mdRel = arg('--markdown', 'documents/api.md')!;
  const yamlRel = arg('--yaml', 'schemas/transactions.yaml')!;

  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const cold = await compile(spec);
  if (cold.diagnostics.hasErrors()) throw new Error(`the spec has errors: ${cold.diagnostics.errorCount}`);
  await writeOutputTree(out, cold.files);
  const coldMs = performance.now() - t0;

  let waiting: ((r: RebuildResult) => void) | undefined;
  const watcher = createWatcher({ spec, out, debounceMs, onRebuild: (r) => waiting?.(r) });
  await watcher.start();

  const mdFile = path.join(spec, mdRel);
  const yamlFile = path.join(spec, yamlRel);
  const mdText = readFileSync(mdFile, 'utf8').split('\n');
  const yamlText = readFileSync(yamlFile, 'utf8').split('\n');
  const mdLine = findParagraphLine(mdText.join('\n'));
  const yamlLine = findPropertyDescriptionLine(yamlText.join('\n'));

  const timedEdit = async (file: string, line: number, original: string[], n: number): Promise<{ ms: number; r: RebuildResult }> => {
    const done = new Promise<RebuildResult>((resolve) => (waiting = resolve));
    editLine(file, line, original, n);
    const t = performance.now();
    const r = await done;
    const ms = performance.now() - t;
    waiting = undefined;
    if (!r.ok) throw new Error(`edit ${n} of ${file} broke the build`);
    if (r.written.length === 0) throw new Error(`edit ${n} of ${file} wrote nothing`);
    await watcher.idle();
    return { ms, r };
  };

  const markdownMs: number[] = [];
  const yamlMs: number[] = [];
  let mdLast: RebuildResult | undefined;
  let yamlLast: RebuildResult | undefined;
  for (let n = 0; n <= edits; n++) {
    const a = await timedEdit(mdFile, mdLine, mdText, n);
    const b = await timedEdit(yamlFile, yamlLine, yamlText, n);
    if (n === 0) continue; // warm-up
    markdownMs.push(a.ms);
    yamlMs.push(b.ms);
    mdLast = a.r;
    yamlLast = b.r;
  }
  watcher.close();
  writeFileSync(mdFile, mdText.join('\n'));
  writeFileSync(yamlFile, yamlText.join('\n'));
  const result: ProbeResult = {
    coldMs,
    markdownMs,
    yamlMs,
    markdownLast: { reparsed: mdLast?.reparsed ?? [], written: mdLast?.written ?? [], phases: phasesOf(mdLast) },
    yamlLast: { reparsed: yamlLast?.reparsed ?? [], written: yamlLast?.written ?? [], phases: phasesOf(yamlLast) },
    markdownFile: mdRel,
    yamlFile: yamlRel,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1]?.endsWith('watch-probe.js')) {
  main(process.argv.slice(2)).catch((e: Error) => {
    process.stderr.write(`watch-probe: ${e.message}\n`);
    process.exitCode = 1;
  });
}
