/**
 * `npm run bench`: the benchmarks of issue 8, mxspec against its peers,
 * each side a whole process, alternated, medians of the counted runs after
 * a warm-up. Writes docs/benchmarks.md (ratios are the result; absolute
 * times are context for this machine).
 *
 *   node dist/scripts/bench/run.js [--runs 5] [--warmup 1] [--cases 1,2,3,4,5,6] [--scales 1,10,50] [--report docs/benchmarks.md]
 *
 * Only a run of every case at every scale writes docs/benchmarks.md by
 * default (its generated block is replaced whole); a partial run prints its
 * results and writes a report only where --report says.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { alternate, peakRssKb, runOnce, summarize, times, type Command, type Series, type Summary } from './measure.js';
import { scaleSpec } from './scale-spec.js';
import { packageRoot } from './package-root.js';
import { peerDrafts } from './draft-peers.js';
import type { ProbeResult } from './watch-probe.js';
import type { ParseFloor } from './parse-floor.js';
import type { TypesFloor } from './types-floor.js';
import { combinedFloorMs } from './combined-floor.js';
import { LARGE_SPEC_SEMI_SPACE_BYTES, largeSpecNodeFlags } from '../../src/cli/young-generation.js';
import type { ConcurrentFloor } from './concurrent-floor.js';

const ROOT = packageRoot(import.meta.url);
const BIN = path.join(ROOT, 'bin/mxspec.js');
const SPEC = path.join(ROOT, 'spec');
const OAT = path.join(ROOT, 'node_modules/.bin/openapi-typescript');
const DIST = path.join(ROOT, 'dist/scripts/bench');
const CORPUS_SS = path.resolve(ROOT, '../shared/corpus/matrix-spec/v1.19/data/api/server-server');
const NODE = process.execPath;

interface Options {
  runs: number;
  warmup: number;
  cases: Set<number>;
  scales: number[];
  /** Where the report goes; undefined for a partial run without --report (printed only). */
  report?: string;
}

const ALL_CASES = [1, 2, 3, 4, 5, 6];
const ALL_SCALES = [1, 10, 50];

export const USAGE = `usage: npm run bench [-- options]   (or node dist/scripts/bench/run.js [options])
  --cases 1,2,…   cases to run (${ALL_CASES.join(', ')}; default all)
  --scales 1,10,… scale factors of case 3 (default ${ALL_SCALES.join(', ')})
  --runs N        counted runs per side (default 5)
  --warmup N      warm-up rounds (default 1)
  --report FILE   where to write the report (default docs/benchmarks.md, for a run of every case at every scale;
                  a partial run only prints)
  --help          this text`;

/** A command line the bench cannot run: the message says what is wrong; print it with USAGE. */
export class BenchUsageError extends Error {}

/** The options of a command line; `help` when it asks for the usage text. Throws BenchUsageError for anything else it does not know. */
export function parseArgs(argv: string[]): Options | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    if (!['--cases', '--scales', '--runs', '--warmup', '--report'].includes(a)) throw new BenchUsageError(`unknown argument "${a}"`);
    const v = argv[++i];
    if (v === undefined || v.startsWith('--')) throw new BenchUsageError(`${a} needs a value`);
    values.set(a, v);
  }
  const count = (name: string, dflt: number, min: number): number => {
    const v = values.get(name);
    const n = v === undefined ? dflt : Number(v);
    if (!Number.isInteger(n) || n < min) throw new BenchUsageError(`${name} must be a whole number of at least ${min}, not "${v}"`);
    return n;
  };
  const list = (name: string, dflt: number[], allowed?: number[]): number[] => {
    const v = values.get(name);
    if (v === undefined) return dflt;
    const xs = v.split(',').map((x) => Number(x.trim()));
    const bad = xs.find((x) => !Number.isInteger(x) || x < 1 || (allowed && !allowed.includes(x)));
    if (bad !== undefined) throw new BenchUsageError(`${name} takes ${allowed ? `some of ${allowed.join(',')}` : 'whole numbers of at least 1'}, not "${v}"`);
    return xs;
  };
  const cases = new Set(list('--cases', ALL_CASES, ALL_CASES));
  const scales = list('--scales', ALL_SCALES);
  // A partial run must not replace the whole generated block of the committed report with its few rows.
  const complete = ALL_CASES.every((c) => cases.has(c)) && ALL_SCALES.every((f) => scales.includes(f));
  return {
    runs: count('--runs', 5, 1),
    warmup: count('--warmup', 1, 0),
    cases,
    scales,
    report: values.get('--report') ?? (complete ? path.join(ROOT, 'docs/benchmarks.md') : undefined),
  };
}

/** The run's scratch folder, made on first use (importing this module for its report functions makes none). */
let workDir: string | undefined;
const tmp = (name: string): string => path.join((workDir ??= mkdtempSync(path.join(tmpdir(), 'mxspec-bench-'))), name);
const log = (s: string): void => void process.stderr.write(`${s}\n`);

const mx = (label: string, args: string[], out?: string): Command => ({
  label,
  cmd: NODE,
  args: [BIN, ...args],
  cwd: ROOT,
  // Cold means cold: no output left over from the previous run.
  before: out ? () => rmSync(out, { recursive: true, force: true }) : undefined,
});

const oat = (label: string, input: string, output: string): Command => ({ label, cmd: OAT, args: [input, '-o', output], cwd: ROOT });

// ------------------------------------------------------------------ report model

interface Row {
  what: string;
  a: { label: string; s: Summary; rssKb?: number };
  b?: { label: string; s: Summary; rssKb?: number };
  ratio?: number;
  /** The ratios of each counted round's two runs (see roundRatios), when the row pairs two series run in the same rounds. */
  rounds?: Summary;
  target?: string;
  met?: boolean;
  note?: string;
  /** Shown instead of met / missed (a floor row says where it stands against its case's target). */
  verdict?: string;
}

export interface CaseReport {
  n: number;
  title: string;
  rows: Row[];
  notes: string[];
  skipped?: string;
}

/** A ratio with at least two significant digits: 0.098 is not shown as "0.10" beside a target of ≤ 0.1. */
export const fmtRatio = (r: number): string => (r >= 1 ? r.toFixed(2) : r.toPrecision(2));
const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const span = (s: Summary): string => `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)}, n=${s.n})`;
const mib = (kb?: number): string => (kb === undefined ? '' : `${(kb / 1024).toFixed(0)} MiB`);

/**
 * The ratio of the two runs of each counted round. A round runs every
 * command of a case once, one after the other, so the two runs of a round
 * share the machine's state of that moment: the spread of these ratios says
 * how far one measurement of the ratio can stray on this machine, which the
 * spread of each side's times alone does not (both move with the machine).
 */
export function roundRatios(a: Series, b: Series): number[] {
  const n = Math.min(a.samples.length, b.samples.length);
  return Array.from({ length: n }, (_, i) => a.samples[i]!.ms / b.samples[i]!.ms);
}

function pair(what: string, a: Series, b: Series, target?: { max: number; text: string }): Row {
  const sa = summarize(times(a));
  const sb = summarize(times(b));
  const ratio = sa.median / sb.median;
  const rounds = roundRatios(a, b);
  return {
    what,
    a: { label: a.label, s: sa, rssKb: peakRssKb(a) },
    b: { label: b.label, s: sb, rssKb: peakRssKb(b) },
    ratio,
    rounds: rounds.length > 1 ? summarize(rounds) : undefined,
    target: target?.text,
    met: target ? ratio <= target.max : undefined,
  };
}

/**
 * A probe of scripts/bench/ (a script that prints a JSON report on its last
 * line) as a command to alternate with the others of a case, and the
 * reports of its counted runs (the warm-up runs report too; the counted
 * runs are the last ones).
 */
function probe<R>(label: string, script: string, args: string[], o: Options): { command: Command; counted(): R[] } {
  const reports: R[] = [];
  return {
    command: { label, cmd: NODE, args: [path.join(DIST, script), ...args], cwd: ROOT, onStdout: (out) => reports.push(JSON.parse(out.trim().split('\n').pop()!) as R) },
    counted: () => reports.slice(-o.runs),
  };
}

const seriesOf = (series: Series[], c: Command): Series => series.find((x) => x.label === c.label)!;

/**
 * A floor row: start-up plus `parts` (the counted runs of a probe, summarised) against the peer; with the case's
 * target, it says on which side of it the floor stands.
 */
function floorRow(what: string, label: string, startup: Summary, parts: Summary, peer: Series, targetMax: number | undefined, note: (s: Summary, peer: Summary) => string): Row {
  const s: Summary = { median: startup.median + parts.median, min: startup.min + parts.min, max: startup.max + parts.max, n: parts.n };
  const sp = summarize(times(peer));
  const ratio = s.median / sp.median;
  return {
    what,
    a: { label, s },
    b: { label: peer.label, s: sp },
    ratio,
    target: targetMax === undefined ? 'context' : `floor vs ≤ ${targetMax}`,
    verdict: targetMax === undefined ? undefined : ratio > targetMax ? 'above the target' : 'below the target',
    note: note(s, sp),
  };
}

/**
 * The floor under a build of `paths`: Node's start-up (an empty script) and
 * parsing the source files alone (scripts/bench/parse-floor.ts), run
 * alternated with the other commands of the case. `row` sets their sum
 * (medians, mins and maxes of the counted runs) against the peer, with the
 * parse spread over the machine's cores (the least any build can take, since
 * a build may parse in several threads); the note gives the one-core figure too.
 */
interface ParseFloorProbe {
  commands: Command[];
  startup: Command;
  reports(): ParseFloor[];
  row(what: string, series: Series[], peer: Series, targetMax?: number): Row;
}

function parseFloorProbe(paths: string[], o: Options): ParseFloorProbe {
  const startup: Command = { label: 'node start-up', cmd: NODE, args: ['-e', '0'], cwd: ROOT };
  const parsing = probe<ParseFloor>('parse-floor', 'parse-floor.js', paths, o);
  return {
    commands: [startup, parsing.command],
    startup,
    reports: () => parsing.counted(),
    row(what, series, peer, targetMax) {
      const su = summarize(times(seriesOf(series, startup)));
      const reports = parsing.counted();
      const all = summarize(reports.map((r) => r.allCoresMs));
      const one = summarize(reports.map((r) => r.parseMs));
      const cores = reports[0]?.cores ?? 1;
      return floorRow(what, 'start-up + parsing', su, all, peer, targetMax, (s, sp) =>
        `${span(s)}: start-up ${fmt(su.median)} + parsing ${fmt(one.median)} on one core, ÷ ${cores} cores = ${fmt(all.median)}; on one core ${fmt(su.median + one.median)} (${fmtRatio((su.median + one.median) / sp.median)})`);
    },
  };
}

/**
 * What the types of one edition cost at least (scripts/bench/types-floor.ts):
 * a process that loads openapi-typescript and TypeScript as the types worker
 * does and converts one OpenAPI document to paths.d.ts, nothing else.
 */
interface TypesFloorProbe {
  command: Command;
  reports(): TypesFloor[];
  row(what: string, series: Series[], peer: Series): Row;
}

function typesFloorProbe(openapi: string, o: Options): TypesFloorProbe {
  const types = probe<TypesFloor>('types-floor', 'types-floor.js', [openapi], o);
  return {
    command: types.command,
    reports: () => types.counted(),
    row(what, series, peer) {
      const s = summarize(times(seriesOf(series, types.command)));
      const load = summarize(types.counted().map((r) => r.loadMs));
      const convert = summarize(types.counted().map((r) => r.convertMs));
      const sp = summarize(times(peer));
      return { what, a: { label: 'load + convert', s }, b: { label: peer.label, s: sp }, ratio: s.median / sp.median, target: 'context', note: `${span(s)}: loading ${fmt(load.median)}, converting ${fmt(convert.median)}` };
    },
  };
}

/**
 * Start-up plus the parse and one edition's types spread over the cores
 * (scripts/bench/combined-floor.ts), run by run, against the peer. `runs`
 * pairs a parse report with a types report: from the two probes run apart
 * (combinedFloorRow) or side by side (concurrentFloorProbe); `aside` adds
 * to the note after the two parts' times.
 */
function floorWithTypesRow(what: string, label: string, startup: Summary, runs: { parse: ParseFloor; types: TypesFloor }[], peer: Series, targetMax?: number, aside = ''): Row {
  const parts = summarize(runs.map((r) => combinedFloorMs(r.parse, r.types)));
  const parseMs = summarize(runs.map((r) => r.parse.parseMs)).median;
  const typesMs = summarize(runs.map((r) => r.types.loadMs + r.types.convertMs)).median;
  return floorRow(what, label, startup, parts, peer, targetMax, (s, sp) =>
    `${span(s)}: start-up ${fmt(startup.median)} + (parsing ${fmt(parseMs)} + loading openapi-typescript and converting ${fmt(typesMs)}${aside}) ÷ ${runs[0]?.parse.cores ?? 1} cores${targetMax === undefined ? '' : `; left under the target for the rest of the build: ${fmt(Math.max(0, targetMax * sp.median - s.median))} of wall time`}`);
}

/** The floor with types from the parse and types probes, each run in a process of its own. */
function combinedFloorRow(what: string, parse: ParseFloorProbe, types: TypesFloorProbe, series: Series[], peer: Series, targetMax?: number): Row {
  const p = parse.reports();
  const t = types.reports();
  const runs = Array.from({ length: Math.min(p.length, t.length) }, (_, i) => ({ parse: p[i]!, types: t[i]! }));
  return floorWithTypesRow(what, 'start-up + parsing + types', summarize(times(seriesOf(series, parse.startup))), runs, peer, targetMax);
}

/**
 * The floor with types measured with both parts running at once
 * (scripts/bench/concurrent-floor.ts): the parse probe and the types probe
 * started together, each on a core of its own, and their times then spread
 * over the cores as combinedFloorRow spreads them. Its note also gives each
 * part's time alone (the case's other probes), to show how much running
 * side by side slowed each.
 */
interface ConcurrentFloorProbe {
  command: Command;
  row(what: string, parse: ParseFloorProbe, types: TypesFloorProbe, series: Series[], peer: Series, targetMax?: number): Row;
}

function concurrentFloorProbe(openapi: string, paths: string[], o: Options): ConcurrentFloorProbe {
  const both = probe<ConcurrentFloor>('concurrent-floor', 'concurrent-floor.js', [openapi, ...paths], o);
  return {
    command: both.command,
    row(what, parse, types, series, peer, targetMax) {
      const parseAlone = summarize(parse.reports().map((r) => r.parseMs)).median;
      const typesAlone = summarize(types.reports().map((r) => r.loadMs + r.convertMs)).median;
      return floorWithTypesRow(what, 'start-up + parsing + types, measured side by side', summarize(times(seriesOf(series, parse.startup))), both.counted(), peer, targetMax,
        `, each while the other ran; ${fmt(parseAlone)} and ${fmt(typesAlone)} alone`);
    },
  };
}

// ------------------------------------------------------------------ cases

/**
 * The peer doing the part of mxspec's work it can do for both editions:
 * their types, through its Node API in one process (one start-up, as
 * mxspec has). `openapi` is the ietf document; matrix-org's is beside it.
 */
function bothEditionsTypes(openapi: string, what: string, outDir: string): Command {
  const matrixOrg = path.join(path.dirname(openapi), '../matrix-org/openapi.json');
  return { label: `openapi-typescript on both editions' OpenAPI, ${what} (one process)`, cmd: NODE, args: [path.join(DIST, 'openapi-typescript-many.js'), outDir, openapi, matrixOrg], cwd: ROOT };
}

function ensureOpenApi(spec: string, out: string): string {
  rmSync(out, { recursive: true, force: true });
  runOnce(mx('build', ['build', '--spec', spec, '--out', out]));
  const f = path.join(out, 'ietf/openapi.json');
  if (!existsSync(f)) throw new Error(`${f} was not generated (is the openapi generator registered?)`);
  return f;
}

function case1(o: Options): CaseReport {
  const openapi = ensureOpenApi(SPEC, tmp('c1-ref'));
  // The same build without the V8 code cache (src/runtime/code-cache.ts), as the first run after installing mxspec
  // is: context for the ratio, which is taken, like every other, with the cache the warm-up run filled.
  const uncached: Command = { ...mx('mxspec build, code cache off', ['build', '--out', tmp('c1-nocache')], tmp('c1-nocache')), env: { MXSPEC_CODE_CACHE: 'off' } };
  const floor = parseFloorProbe([SPEC], o);
  const types = typesFloorProbe(openapi, o);
  const together = concurrentFloorProbe(openapi, [SPEC], o);
  const bothEditions = bothEditionsTypes(openapi, 'shipped', tmp('c1-both'));
  const series = alternate([mx('mxspec build (both editions, every output)', ['build', '--out', tmp('c1-out')], tmp('c1-out')), oat('openapi-typescript out/ietf/openapi.json', openapi, tmp('c1.ts')), uncached, ...floor.commands, types.command, together.command, bothEditions], o.runs, o.warmup);
  const [a, b, c] = series;
  const both = seriesOf(series, bothEditions);
  return {
    n: 1,
    title: 'Cold build of the shipped spec vs openapi-typescript on its OpenAPI',
    rows: [
      pair('cold build ÷ openapi-typescript', a!, b!, { max: 0.5, text: '≤ 0.5' }),
      pair('context: code cache off ÷ openapi-typescript', c!, b!),
      floor.row('floor: Node start-up + parsing the source files alone ÷ openapi-typescript', series, b!, 0.5),
      types.row('context: loading openapi-typescript and converting out/ietf/openapi.json alone, as the types worker does ÷ openapi-typescript', series, b!),
      combinedFloorRow('floor with types: start-up + parsing + loading openapi-typescript and converting one edition, over the cores ÷ openapi-typescript', floor, types, series, b!, 0.5),
      together.row('floor with types, measured side by side: start-up + parsing + loading openapi-typescript and converting one edition, timed running at the same time, over the cores ÷ openapi-typescript', floor, types, series, b!, 0.5),
      pair('context: cold build ÷ openapi-typescript making the types of both editions (its Node API, one process)', a!, both),
    ],
    notes: [
      phaseNote(o),
      FLOOR_NOTE,
      COMBINED_FLOOR_NOTE,
      CONCURRENT_FLOOR_NOTE,
      'Every mxspec run but the "code cache off" one loads the CLI bundle (dist/mxspec.cjs) and, in the types worker, its bundle (dist/types-worker.cjs) and the TypeScript compiler with the bytecode V8 cached in an earlier run (src/runtime/code-cache.ts; the warm-up run fills it, as the first build after installing does). The build is still cold in every other sense: a new process, no outputs, no parse or generator cache.',
    ],
  };
}

const FLOOR_NOTE =
  'A "floor" row is less than any build of the same files can take with the parsers mxspec is built on: an empty Node process, plus reading each source file once in a fresh process after the parsers are loaded (scripts/bench/parse-floor.ts): YAML with mxspec\'s line reader where it takes the text (src/load/yaml-line-scan.ts: values, no positions), else with the `yaml` package\'s CST parser (the structure, no values), and Markdown to mdast as the build reads it (src/parse/plain-document.ts for pieces written in the shapes the documents use, else unified + remark-parse with GFM, front matter and directives); no descriptions parsed, no checks, no output. That parse is timed on one core and divided among the machine\'s cores (but never below the longest single file), since a build may parse in several threads; the note gives the one-core figure as well. Where the floor alone is above a target, that target cannot be met with these parsers on this machine.';
const COMBINED_FLOOR_NOTE =
  'A "floor with types" row adds to the parse what the types of one edition cost at least (scripts/bench/types-floor.ts: loading openapi-typescript and the TypeScript compiler as the types worker does, and converting that edition\'s OpenAPI document to paths.d.ts, in a process of its own), and spreads the two over the machine\'s cores, but never below the types alone, which one thread does one after the other (scripts/bench/combined-floor.ts). Both are parts no build of these sources can skip with the tools the project is built on; the rest of a build (the second edition, ts-morph, checks, drafts, OpenAPI, diff, writing) has to fit in what is left under the target.';
const CONCURRENT_FLOOR_NOTE =
  'A "floor with types, measured side by side" row times the same two parts running at the same time, in two processes started together (scripts/bench/concurrent-floor.ts), as a build runs its types worker beside its parse, and spreads those times over the cores in the same way. The "over the cores" row supposes that two threads run side by side as fast as each alone; this one takes how fast they do on this machine (the note gives each part alone for comparison). It still leans the build\'s way: what a part does after the other has ended runs alone, at full speed, and is then divided among the cores.';

/** The rows of a `--stats` table; a part of a phase (a check) is indented under it and says which. */
export function readStatsTable(stderr: string): { phase: string; ms: number; partOf?: string }[] {
  const rows: { phase: string; ms: number; partOf?: string }[] = [];
  let phase: string | undefined;
  for (const m of stderr.matchAll(/^( {2}| {4})(\S+) +(\d+(?:\.\d+)?) ms$/gm)) {
    if (m[1] === '  ') {
      phase = m[2]!;
      rows.push({ phase, ms: Number(m[3]) });
    } else if (phase !== undefined) rows.push({ phase: m[2]!, ms: Number(m[3]), partOf: phase });
  }
  return rows;
}

/**
 * Where a cold build's time goes, from `mxspec build --stats` (median per
 * phase over the counted runs). Type generation runs in a worker thread,
 * so its phases overlap parse and check rather than add to them.
 */
function phaseNote(o: Options): string {
  const perPhase = new Map<string, number[]>();
  const perPart = new Map<string, Map<string, number[]>>();
  for (let i = 0; i < o.runs; i++) {
    const out = tmp(`c1-stats-${i}`);
    const r = spawnSync(NODE, [BIN, 'build', '--stats', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    for (const row of readStatsTable(r.stderr)) {
      const into = row.partOf === undefined ? perPhase : perPart.get(row.partOf) ?? perPart.set(row.partOf, new Map()).get(row.partOf)!;
      into.set(row.phase, [...(into.get(row.phase) ?? []), row.ms]);
    }
    rmSync(out, { recursive: true, force: true });
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  // The slowest part of a phase, where it has parts: the check that takes most of `check`.
  const slowest = (phase: string): string => {
    const [top] = [...(perPart.get(phase) ?? [])].map(([name, xs]) => ({ name, ms: median(xs) })).sort((a, b) => b.ms - a.ms);
    return top ? ` (${top.name} ${top.ms.toFixed(0)} ms of it)` : '';
  };
  const parts = [...perPhase].map(([phase, xs]) => `${phase} ${median(xs).toFixed(0)} ms${slowest(phase)}`);
  return `Phases of the cold build (\`mxspec build --stats\`, median of ${o.runs}): ${parts.join(', ')}. Type generation (\`generate:types:*\`) runs in a worker thread and overlaps parse and check.`;
}

function case2(o: Options): CaseReport {
  const [a, b] = alternate([mx('mxspec build (both editions)', ['build', '--out', tmp('c2-both')], tmp('c2-both')), mx('mxspec build --edition ietf', ['build', '--edition', 'ietf', '--out', tmp('c2-one')], tmp('c2-one'))], o.runs, o.warmup);
  return { n: 2, title: 'Both editions vs one edition', rows: [pair('both ÷ one', a!, b!, { max: 1.3, text: '≤ 1.3' })], notes: [] };
}

function case3(o: Options): CaseReport {
  const rows: Row[] = [];
  const notes: string[] = [];
  const series = new Map<number, Series>();
  const relaunched: number[] = [];
  for (const f of o.scales) {
    const spec = tmp(`scale-${f}/spec`);
    const r = scaleSpec(SPEC, spec, f);
    const size = readdirSync(spec, { recursive: true }).length;
    notes.push(`${f}×: ${size} entries in the spec folder, ${(r.bytes / 1024).toFixed(0)} KiB added or rewritten by scale-spec.`);
    // As the launcher decides for the build below (run without Node flags of its own, in this environment).
    if (largeSpecNodeFlags({ args: ['build', '--spec', spec], execArgv: [], env: process.env, cwd: ROOT })) relaunched.push(f);
    const openapi = ensureOpenApi(spec, tmp(`scale-${f}/ref`));
    const out = tmp(`scale-${f}/out`);
    const floor = parseFloorProbe([spec], o);
    const types = typesFloorProbe(openapi, o);
    const together = concurrentFloorProbe(openapi, [spec], o);
    const targetMax = f === Math.max(...o.scales) ? 1.0 : undefined;
    // At the scale with the target only: ~2× the peer's time per run.
    const bothEditions = targetMax === undefined ? undefined : bothEditionsTypes(openapi, `${f}×`, tmp(`scale-${f}-both`));
    const all = alternate([mx(`mxspec build ${f}×`, ['build', '--spec', spec, '--out', out], out), oat(`openapi-typescript ${f}× openapi.json`, openapi, tmp(`scale-${f}.ts`)), ...floor.commands, types.command, together.command, ...(bothEditions ? [bothEditions] : [])], o.runs, o.warmup);
    const [a, b] = all;
    series.set(f, a!);
    rows.push(pair(`${f}×: mxspec build ÷ openapi-typescript`, a!, b!, targetMax === undefined ? undefined : { max: targetMax, text: '≤ 1.0' }));
    rows.push(floor.row(`${f}×: floor (start-up + parsing alone) ÷ openapi-typescript`, all, b!, targetMax));
    rows.push(combinedFloorRow(`${f}×: floor with types (start-up + parsing + one edition's types, over the cores) ÷ openapi-typescript`, floor, types, all, b!, targetMax));
    rows.push(together.row(`${f}×: floor with types, measured side by side (start-up + parsing + one edition's types, timed running at the same time, over the cores) ÷ openapi-typescript`, floor, types, all, b!, targetMax));
    if (bothEditions) rows.push(pair(`${f}×: context: mxspec build ÷ openapi-typescript making the types of both editions (its Node API, one process)`, a!, seriesOf(all, bothEditions)));
  }
  const lo = Math.min(...o.scales);
  const hi = Math.max(...o.scales);
  if (lo !== hi) {
    const sl = summarize(times(series.get(lo)!));
    const sh = summarize(times(series.get(hi)!));
    const ratio = sh.median / sl.median;
    rows.push({ what: `time(${hi}×) ÷ time(${lo}×)`, a: { label: `mxspec build ${hi}×`, s: sh }, b: { label: `mxspec build ${lo}×`, s: sl }, ratio, target: '≤ 60', met: ratio <= 60 });
    const rss = peakRssKb(series.get(hi)!);
    if (rss !== undefined) rows.push({ what: `peak RSS at ${hi}×`, a: { label: `mxspec build ${hi}×`, s: sh, rssKb: rss }, target: '≤ 1 GiB', met: rss <= 1024 * 1024, note: mib(rss) });
  }
  if (relaunched.length) {
    notes.push(
      `At ${relaunched.map((f) => `${f}×`).join(' and ')} the sources pass ${LARGE_SPEC_SEMI_SPACE_BYTES / 1024 / 1024} MiB, so \`mxspec build\` runs in a second Node process with larger semi-spaces for its main thread, which the launcher starts and waits beside (src/cli/young-generation.ts); both are in the times. GNU time's peak RSS is the larger of the two processes' peaks: the launcher's own ~50 MiB are not added to it.`,
    );
  }
  notes.push(FLOOR_NOTE, COMBINED_FLOOR_NOTE, CONCURRENT_FLOOR_NOTE);
  return { n: 3, title: 'Scale (synthetic corpora from scripts/bench/scale-spec.ts)', rows, notes };
}

function case4(o: Options): CaseReport {
  const cold: number[] = [];
  const md: number[] = [];
  const yaml: number[] = [];
  let last: ProbeResult | undefined;
  // One probe per counted run plus the warm-up probe; each probe is a fresh process.
  for (let i = 0; i < o.runs + o.warmup; i++) {
    const dir = tmp(`watch-${i}`);
    cpSync(SPEC, path.join(dir, 'spec'), { recursive: true });
    const r = spawnSync(NODE, [path.join(DIST, 'watch-probe.js'), '--spec', path.join(dir, 'spec'), '--out', path.join(dir, 'out'), '--edits', String(o.runs)], { encoding: 'utf8', cwd: ROOT });
    if (r.status !== 0) throw new Error(`watch-probe failed: ${r.stderr}`);
    if (i < o.warmup) continue;
    last = JSON.parse(r.stdout.trim().split('\n').pop()!) as ProbeResult;
    cold.push(last.coldMs);
    md.push(...last.markdownMs);
    yaml.push(...last.yamlMs);
  }
  const sc = summarize(cold);
  const row = (what: string, xs: number[]): Row => {
    const s = summarize(xs);
    const ratio = s.median / sc.median;
    return { what, a: { label: 'edit → written (watch)', s }, b: { label: 'cold build (in-process)', s: sc }, ratio, target: '≤ 0.1', met: ratio <= 0.1 };
  };
  return {
    n: 4,
    title: 'Watch: edit-to-written latency vs a cold in-process build',
    rows: [row(`one-paragraph Markdown edit (${last?.markdownFile}) ÷ cold`, md), row(`one-property YAML edit (${last?.yamlFile}) ÷ cold`, yaml)],
    notes: [
      'Latency is measured through the real watcher: from the edited file being on disk, through the fs.watch event and a 10 ms debounce, to the last changed output renamed into place.',
      `Last Markdown edit re-parsed ${last?.markdownLast.reparsed.join(', ')} and rewrote ${last?.markdownLast.written.join(', ')}.`,
      `Last YAML edit re-parsed ${last?.yamlLast.reparsed.join(', ')} and rewrote ${last?.yamlLast.written.join(', ')}.`,
    ],
  };
}

function case5(o: Options): CaseReport {
  if (!existsSync(CORPUS_SS)) return { n: 5, title: 'Import + build of the v1.19 server-server API', rows: [], notes: [], skipped: `corpus not found at ${CORPUS_SS}` };
  const v119 = path.resolve(CORPUS_SS, '../../..');
  const files = readdirSync(CORPUS_SS).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(CORPUS_SS, f));
  const specOut = tmp('c5-spec');
  const buildOut = tmp('c5-out');
  const importBuild: Command = {
    label: 'mxspec import + build',
    cmd: '/bin/sh',
    args: ['-c', `"${NODE}" "${BIN}" import matrix-spec "${v119}" --api server-server --no-events --out "${specOut}" && "${NODE}" "${BIN}" build --spec "${specOut}" --out "${buildOut}"`],
    cwd: ROOT,
    before: () => {
      rmSync(specOut, { recursive: true, force: true });
      rmSync(buildOut, { recursive: true, force: true });
    },
  };
  // The same two jobs as one command: one start-up, and the types worker loads while the import runs.
  const oneSpecOut = tmp('c5-one-spec');
  const oneBuildOut = tmp('c5-one-out');
  const importDashBuild: Command = {
    label: 'mxspec import --build',
    cmd: NODE,
    args: [BIN, 'import', 'matrix-spec', v119, '--api', 'server-server', '--no-events', '--out', oneSpecOut, '--build', oneBuildOut],
    cwd: ROOT,
    before: () => {
      rmSync(oneSpecOut, { recursive: true, force: true });
      rmSync(oneBuildOut, { recursive: true, force: true });
    },
  };
  const peer: Command = { label: `openapi-typescript (${files.length} files, one process)`, cmd: NODE, args: [path.join(DIST, 'openapi-typescript-many.js'), tmp('c5-ts'), ...files], cwd: ROOT };
  try {
    // The floor parses the files the import reads at least (the API files) and the spec it writes.
    const floorSpec = tmp('c5-floor-spec');
    runOnce({ label: 'mxspec import (for the floor)', cmd: NODE, args: [BIN, 'import', 'matrix-spec', v119, '--api', 'server-server', '--no-events', '--out', floorSpec], cwd: ROOT });
    const floor = parseFloorProbe([...files, floorSpec], o);
    // ... and the types of one edition of the imported spec, as in case 1.
    const floorOpenapi = ensureOpenApi(floorSpec, tmp('c5-floor-out'));
    const types = typesFloorProbe(floorOpenapi, o);
    const together = concurrentFloorProbe(floorOpenapi, [...files, floorSpec], o);
    const series = alternate([importBuild, peer, importDashBuild, ...floor.commands, types.command, together.command], o.runs, o.warmup);
    const [a, b, one] = series;
    return {
      n: 5,
      title: 'Import + build of the v1.19 server-server API vs openapi-typescript over the same files',
      rows: [
        pair('import + build ÷ openapi-typescript', a!, b!, { max: 0.5, text: '≤ 0.5' }),
        pair('the same as one command, `import --build` ÷ openapi-typescript', one!, b!, { max: 0.5, text: '≤ 0.5' }),
        floor.row('floor: Node start-up + parsing the API files and the imported spec alone ÷ openapi-typescript', series, b!, 0.5),
        combinedFloorRow('floor with types: start-up + parsing + loading openapi-typescript and converting one edition of the imported spec, over the cores ÷ openapi-typescript', floor, types, series, b!, 0.5),
        together.row('floor with types, measured side by side: start-up + parsing + one edition\'s types of the imported spec, timed running at the same time, over the cores ÷ openapi-typescript', floor, types, series, b!, 0.5),
      ],
      notes: [
        `${files.length} OpenAPI files in ${path.relative(ROOT, CORPUS_SS)} (the API files; the peer resolves the definitions they reference). mxspec runs \`import matrix-spec v1.19 --api server-server --no-events\` then a full \`build\` of the imported spec (both editions, every output) as two processes, and then both as one command, \`import … --build OUTDIR\`, which writes the same spec and the same outputs. The floors count one start-up, though import and build are two processes, and leave out the definitions the import reads.`,
        FLOOR_NOTE,
        COMBINED_FLOOR_NOTE,
        CONCURRENT_FLOOR_NOTE,
      ],
    };
  } catch (e) {
    return { n: 5, title: 'Import + build of the v1.19 server-server API', rows: [], notes: [], skipped: (e as Error).message.split('\n')[0] };
  }
}

function case6(o: Options): CaseReport {
  const editions = parseYaml(readFileSync(path.join(SPEC, 'editions.yaml'), 'utf8')) as { editions: { ietf: { documents: Record<string, { docName?: string }> } } };
  const docs = Object.entries(editions.editions.ietf.documents)
    .filter(([, d]) => d.docName)
    .map(([id, d]) => {
      const fm = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(SPEC, 'documents', `${id}.md`), 'utf8'));
      const title = fm ? String((parseYaml(fm[1]!) as { title?: string }).title ?? id) : id;
      return { id, docName: d.docName!, title };
    });
  const drafts = peerDrafts(SPEC, docs);
  const dir = tmp('c6');
  mkdirSync(dir, { recursive: true });
  const mxAll: Command = { label: `mxspec drafts (all ${drafts.length})`, cmd: NODE, args: [path.join(DIST, 'drafts-probe.js'), SPEC, tmp('c6-out')], cwd: ROOT };
  const rows: Row[] = [];
  const notes = [
    `mxspec renders all ${drafts.length} drafts in one process (read, parse, project ietf, render RFC XML, write); its per-draft time is that process's median ÷ ${drafts.length}. Each peer converts one synthetic draft of the same length as the mxspec source (scripts/bench/draft-peers.ts) to RFC XML v3.`,
  ];
  const peers: { name: string; cmd: (f: string) => Command | undefined; ext: string; key: 'mmark' | 'kramdown' }[] = [
    { name: 'mmark', ext: 'md', key: 'mmark', cmd: (f) => (existsSync('/usr/bin/mmark') ? { label: 'mmark', cmd: '/usr/bin/mmark', args: [f] } : undefined) },
    { name: 'kramdown-rfc', ext: 'md', key: 'kramdown', cmd: (f) => (existsSync('/usr/bin/kramdown-rfc') ? { label: 'kramdown-rfc', cmd: '/usr/bin/kramdown-rfc', args: ['--v3', f] } : undefined) },
  ];
  let mxSeries: Series | undefined;
  for (const d of drafts) {
    for (const p of peers) {
      const file = path.join(dir, `${d.docName}.${p.key}.${p.ext}`);
      writeFileSync(file, d[p.key]);
      const c = p.cmd(file);
      if (!c) {
        notes.push(`${p.name} is not installed; skipped.`);
        continue;
      }
      c.label = `${p.name} ${d.docName}`;
      let series: Series[];
      try {
        series = alternate([mxAll, c], o.runs, o.warmup);
      } catch (e) {
        notes.push(`${p.name} on ${d.docName}: ${(e as Error).message.split('\n')[0]}`);
        continue;
      }
      mxSeries = series[0]!;
      const mxPer = summarize(times(series[0]!).map((t) => t / drafts.length));
      const ps = summarize(times(series[1]!));
      rows.push({ what: `${d.docName} (${d.sourceChars} chars) vs ${p.name}`, a: { label: 'mxspec per draft', s: mxPer }, b: { label: p.name, s: ps }, ratio: mxPer.median / ps.median, target: 'report' });
    }
  }
  if (mxSeries) notes.push(`mxspec all drafts, whole process: ${span(summarize(times(mxSeries)))}.`);
  return { n: 6, title: 'Draft generation per draft vs mmark (and kramdown-rfc)', rows, notes };
}

// ------------------------------------------------------------------ report

function machine(): string[] {
  const c = cpus();
  return [
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- CPU: ${c[0]?.model ?? 'unknown'} × ${c.length} logical cores`,
    `- Node.js: ${process.version}; openapi-typescript ${readVersion('openapi-typescript')}; mmark ${toolVersion('/usr/bin/mmark', ['-version'])}; kramdown-rfc ${toolVersion('/usr/bin/kramdown-rfc', ['--version'])}`,
  ];
}

function readVersion(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function toolVersion(bin: string, args: string[]): string {
  if (!existsSync(bin)) return 'not installed';
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  return (r.stdout || r.stderr || '').trim().split('\n')[0] ?? '?';
}

export function renderCases(cases: CaseReport[], o: Options): string {
  const out: string[] = [];
  out.push(
    `Each case runs both sides as whole processes (except where noted), alternated, ${o.warmup} warm-up round(s) then ${o.runs} counted runs. Times are medians (min–max). A ratio is that of the medians; where both sides ran in the same rounds, the range after it is the lowest and highest ratio of one round's two runs, which ran one after the other: how far a single measurement of the ratio strays on this machine.`,
    '',
  );
  out.push('| # | Measure | mxspec | peer | ratio | target | |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of cases) {
    if (c.skipped) out.push(`| ${c.n} | ${c.title} | — | — | — | — | skipped: ${c.skipped} |`);
    for (const r of c.rows) {
      const a = r.note ?? `${span(r.a.s)}${r.a.rssKb ? `, ${mib(r.a.rssKb)} peak` : ''}`;
      const b = r.b ? `${r.b.label}: ${span(r.b.s)}${r.b.rssKb ? `, ${mib(r.b.rssKb)} peak` : ''}` : '';
      const verdict = r.verdict ?? (r.met === undefined ? '' : r.met ? 'met' : '**missed**');
      out.push(`| ${c.n} | ${r.what} | ${a} | ${b} | ${ratioCell(r)} | ${r.target ?? ''} | ${verdict} |`);
    }
  }
  out.push('');
  const { own, shared } = shareNotes(cases);
  for (const c of cases) {
    const notes = own.get(c)!;
    const alsoIn = shared.filter((g) => g.cases.includes(c.n)).map((g) => `"Cases ${listOf(g.cases)}"`);
    if (alsoIn.length) notes.push(`(More under ${alsoIn.join(' and ')}, below.)`);
    if (notes.length) out.push(`**${c.n}. ${c.title}.** ${notes.join(' ')}`, '');
  }
  for (const g of shared) out.push(`**Cases ${listOf(g.cases)}.** ${g.notes.join(' ')}`, '');
  return out.join('\n');
}

/** "1.06", or "1.06 (0.95–1.15 by round)" with the spread of the rounds' ratios. */
export function ratioCell(r: Pick<Row, 'ratio' | 'rounds'>): string {
  if (r.ratio === undefined) return '';
  return r.rounds ? `${fmtRatio(r.ratio)} (${fmtRatio(r.rounds.min)}–${fmtRatio(r.rounds.max)} by round)` : fmtRatio(r.ratio);
}

/** "1, 3 and 5". */
function listOf(ns: number[]): string {
  return ns.length < 2 ? ns.join('') : `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}

/**
 * A note several cases give (what their floor rows are) is printed once,
 * after the cases' own notes, rather than once per case: each case keeps the
 * notes that are its own, and the shared ones are grouped by the cases that
 * give them, in the order they first appear.
 */
export function shareNotes<C extends Pick<CaseReport, 'n' | 'notes'>>(cases: readonly C[]): { own: Map<C, string[]>; shared: { cases: number[]; notes: string[] }[] } {
  const givenBy = new Map<string, number[]>();
  for (const c of cases) for (const note of new Set(c.notes)) givenBy.set(note, [...(givenBy.get(note) ?? []), c.n]);
  const own = new Map(cases.map((c) => [c, c.notes.filter((note) => givenBy.get(note)!.length < 2)]));
  const shared: { cases: number[]; notes: string[] }[] = [];
  for (const [note, by] of givenBy) {
    if (by.length < 2) continue;
    const group = shared.find((g) => g.cases.join() === by.join());
    if (group) group.notes.push(note);
    else shared.push({ cases: by, notes: [note] });
  }
  return { own, shared };
}

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of docs/benchmarks.md, keeping the hand-written findings around it. */
export function spliceReport(existing: string | undefined, generated: string): string {
  const block = `${BEGIN}\n${generated}\n${END}`;
  if (existing && existing.includes(BEGIN) && existing.includes(END)) {
    return existing.slice(0, existing.indexOf(BEGIN)) + block + existing.slice(existing.indexOf(END) + END.length);
  }
  return `# Benchmarks\n\nGenerated by \`npm run bench\` (scripts/bench/run.ts); the findings below the results are written by hand.\n\n${block}\n`;
}

async function main(): Promise<void> {
  let parsed: Options | 'help';
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof BenchUsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const o = parsed;
  const runners: [number, (o: Options) => CaseReport][] = [[1, case1], [2, case2], [3, case3], [4, case4], [5, case5], [6, case6]];
  const cases: CaseReport[] = [];
  try {
    for (const [n, fn] of runners) {
      if (!o.cases.has(n)) continue;
      log(`bench: case ${n}…`);
      try {
        cases.push(fn(o));
      } catch (e) {
        // The command line and the last line the failing command printed (usually the reason).
        const lines = (e as Error).message.split('\n').filter((l) => l.trim());
        cases.push({ n, title: `case ${n}`, rows: [], notes: [], skipped: [lines[0], lines.length > 1 ? lines[lines.length - 1] : ''].filter(Boolean).join(' — ') });
      }
      log(renderCases(cases.slice(-1), o));
    }
  } finally {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }
  const generated = ['## Machine', '', ...machine(), '', '## Results', '', renderCases(cases, o)].join('\n');
  if (!o.report) {
    log('bench: a partial run; docs/benchmarks.md is left as it is (pass --report FILE to write this one)');
    return;
  }
  const existing = existsSync(o.report) ? readFileSync(o.report, 'utf8') : undefined;
  mkdirSync(path.dirname(o.report), { recursive: true });
  writeFileSync(o.report, spliceReport(existing, generated));
  log(`bench: wrote ${path.relative(process.cwd(), o.report)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: Error) => {
    process.stderr.write(`bench: ${e.message}\n`);
    process.exitCode = 1;
  });
}
