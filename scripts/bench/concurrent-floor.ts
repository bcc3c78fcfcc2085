/**
 * The floor with types, measured rather than supposed: the parse probe
 * (parse-floor.ts) and the types probe (types-floor.ts) run as two
 * processes started together, each on a core of its own while the other
 * does its part, and their times are spread over the cores as
 * combined-floor.ts spreads their times alone.
 *
 * Why: combined-floor.ts divides the two parts' one-core time among the
 * cores, which supposes that two threads run side by side as fast as one
 * alone. On the build machine they do not. A compute loop runs at full
 * speed on both cores at once, but two parsers (or a parser and the
 * TypeScript compiler loading) each run at ~0.6–0.75 of their speed alone:
 * they allocate heavily, and get in each other's way (caches, memory
 * bandwidth or the host; not V8's GC helper threads). A
 * build runs the same parts side by side (the types worker beside the main
 * thread's parse), so their times side by side are the core time a build
 * has to find on this machine.
 *
 * It still leans the build's way: a part that outlasts the other runs its
 * rest alone, at full speed, and is then divided among the cores as if it
 * could be split without slowing down; the parse probe's loading of its
 * parsers is left out (the types probe's loading overlaps it, as the types
 * worker's loading overlaps the CLI's in a build).
 *
 *   node dist/scripts/bench/concurrent-floor.js OPENAPI.json PATH…
 *     → {"parse":{…parse-floor report},"types":{…types-floor report},"floorMs":N} on stdout
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { combinedFloorMs } from './combined-floor.js';
import type { ParseFloor } from './parse-floor.js';
import type { TypesFloor } from './types-floor.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface ConcurrentFloor {
  /** The parse probe's report, taken while the types probe ran. */
  parse: ParseFloor;
  /** The types probe's report, taken while the parse probe ran. */
  types: TypesFloor;
  /** The two parts' times side by side, spread over the cores as combined-floor.ts does (start-up not included: the caller adds one). */
  floorMs: number;
}

/** Runs a probe of this folder; resolves with its report (the last line of its stdout). */
function runProbe<R>(script: string, args: string[]): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(HERE, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop();
      if (code !== 0 || !last) reject(new Error(`${script} exited with ${code}: ${err.trim() || 'no report'}`));
      else resolve(JSON.parse(last) as R);
    });
  });
}

/** Whether the two probes' timed parts overlapped: each began before the other ended. */
export function ranSideBySide(parse: Pick<ParseFloor, 'timed'>, types: Pick<TypesFloor, 'timed'>): boolean {
  return parse.timed[0] < types.timed[1] && types.timed[0] < parse.timed[1];
}

/** How many times the probes are started before the measurement is given up. */
export const SIDE_BY_SIDE_ATTEMPTS = 5;

/**
 * Starts both probes together and waits for both. Started together is not
 * yet side by side: on a busy machine one process may do all its timed work
 * before the other has loaded its parsers, and the times would then be those
 * of each part alone. Such a pair is not a measurement of this floor; the
 * probes are started again, a few times at most.
 */
export async function concurrentFloor(openapi: string, paths: string[]): Promise<ConcurrentFloor> {
  for (let attempt = 1; ; attempt++) {
    const [parse, types] = await Promise.all([runProbe<ParseFloor>('parse-floor.js', paths), runProbe<TypesFloor>('types-floor.js', [openapi])]);
    if (ranSideBySide(parse, types)) return { parse, types, floorMs: combinedFloorMs(parse, types) };
    if (attempt === SIDE_BY_SIDE_ATTEMPTS) throw new Error(`the two probes did not run side by side in ${attempt} attempts (one ended before the other began its timed part): the machine is too busy to measure this floor`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [openapi, ...paths] = process.argv.slice(2);
  if (!openapi || !paths.length) {
    process.stderr.write('usage: concurrent-floor OPENAPI.json PATH…\n');
    process.exitCode = 1;
  } else {
    concurrentFloor(openapi, paths).then(
      (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
      (e: Error) => {
        process.stderr.write(`concurrent-floor: ${e.message}\n`);
        process.exitCode = 1;
      },
    );
  }
}
