/**
 * The floor under targets 1, 3 and 5: what reading the source files costs
 * with the parsers mxspec is built on, and nothing else. YAML goes through
 * mxspec's line reader (src/load/yaml-line-scan.ts, values but no
 * positions kept) and, for a text that reader leaves alone, the `yaml`
 * package's CST parser only: the first stage of every API of the package,
 * which reads every character and finds the structure, but builds no values
 * and resolves no scalars. (Until round 24 every YAML text went through the
 * CST parser; the line reader now reads most sources in a fraction of its
 * time, so the floor went down with the build.) Markdown goes to mdast as
 * mxspec reads it: a piece written only in the shapes the documents use is
 * built by src/parse/plain-document.ts, any other through unified +
 * remark-parse with the documents' syntax (GFM, front matter, directives).
 * (Until round 27 every piece went through remark-parse; the floor went
 * down with the build again.) No descriptions are parsed, no
 * checks run, nothing is written. Node's start-up (measured apart by the
 * bench) plus this is less than any build of the same files can take with
 * these parsers, so a ratio target below it cannot be met on this machine.
 *
 * Parsing runs once, in a fresh process, after the parsers' modules are
 * loaded (their loading is left out, in mxspec's favour): the first parse
 * of each file runs in code V8 has not optimised yet, as in a cold build.
 *
 * That is one core's work. A build may spread its parsing over threads
 * (mxspec reads the YAML in a worker when there is enough of it), so the
 * floor on this machine is that work divided among its cores, but never
 * less than the longest single file, which no thread can share:
 * `allCoresMs`. It is a bound, not a measurement: threads each start in
 * cold code and slow each other down (docs/benchmarks-history.md, round 9).
 *
 *   node dist/scripts/bench/parse-floor.js PATH…   → {"files":N,"bytes":N,"parseMs":N,"longestFileMs":N,"cores":N,"allCoresMs":N,"timed":[FROM,TO],"yamlByLines":N} on stdout
 *
 * A PATH is a file or a spec folder (its source files, as the build finds them: src/load/read-tree.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'yaml';
import remarkFrontmatter from 'remark-frontmatter';
import remarkDirective from 'remark-directive';
import { gfmParser } from '../../src/parse/gfm.js';
import { plainDocument } from '../../src/parse/plain-document.js';
import { scanPlainYaml } from '../../src/load/yaml-line-scan.js';
import { PLAIN_READ_LIMITS } from '../../src/load/yaml-located.js';

/** Where the line reader would report positions: nowhere, they are not kept. */
const NO_PLACES = { map(): void {}, seq(): void {} };
import { kindOf } from '../../src/load/read-tree.js';

export interface ParseFloor {
  files: number;
  bytes: number;
  /** Parsing every file one after the other, on one core. */
  parseMs: number;
  /** The longest parse of a single file among them. */
  longestFileMs: number;
  /** The cores the work could be spread over. */
  cores: number;
  /** The least the parse can take spread over every core: parseMs ÷ cores, or longestFileMs if that is longer. */
  allCoresMs: number;
  /** When the timed parsing began and ended, in ms since the epoch (to tell probes run together apart from probes run in turn). */
  timed: [number, number];
  /** YAML files the line reader read (the others went through the CST parser). */
  yamlByLines: number;
}

/** The given files, and the source files of the given spec folders (those the build reads), in a stable order. */
export function sourceFiles(paths: string[]): string[] {
  const found: string[] = [];
  for (const p of paths) {
    if (statSync(p).isFile()) {
      found.push(p);
      continue;
    }
    for (const rel of readdirSync(p, { recursive: true, encoding: 'utf8' }).sort()) {
      if (kindOf(rel.split(path.sep).join('/'))) found.push(path.join(p, rel));
    }
  }
  return found;
}

/** Parses each file as a build must at least (YAML to its syntax tree; Markdown to mdast) and times only that. */
export function parseFloor(files: string[], cores: number = availableParallelism()): ParseFloor {
  const texts = files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }));
  const markdown = gfmParser([[remarkFrontmatter, ['yaml']], remarkDirective], { plainPiece: plainDocument });
  let bytes = 0;
  let parseMs = 0;
  let longestFileMs = 0;
  let yamlByLines = 0;
  const from = performance.timeOrigin + performance.now();
  for (const { file, text } of texts) {
    bytes += Buffer.byteLength(text);
    const t0 = performance.now();
    if (file.endsWith('.md')) markdown.parse(text);
    else if (scanPlainYaml(text, NO_PLACES, PLAIN_READ_LIMITS)) yamlByLines++;
    else for (const token of new Parser().parse(text)) void token;
    const ms = performance.now() - t0;
    parseMs += ms;
    if (ms > longestFileMs) longestFileMs = ms;
  }
  const to = performance.timeOrigin + performance.now();
  return { files: texts.length, bytes, parseMs, longestFileMs, cores, allCoresMs: Math.max(parseMs / cores, longestFileMs), timed: [from, to], yamlByLines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = process.argv.slice(2);
  if (!paths.length) {
    process.stderr.write('usage: parse-floor PATH…\n');
    process.exitCode = 1;
  } else {
    process.stdout.write(`${JSON.stringify(parseFloor(sourceFiles(paths)))}\n`);
  }
}
