/**
 * Benchmark 6, mxspec side, as one process: load and check nothing beyond
 * what the drafts need — read and parse the spec, project the ietf
 * edition, render every Internet-Draft, write the XML files.
 *
 *   node dist/scripts/bench/drafts-probe.js SPECDIR OUTDIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { EDITION_GENERATORS } from '../../generators/index.js';

async function main(argv: string[]): Promise<void> {
  const [spec, out] = argv;
  if (!spec || !out) throw new Error('usage: drafts-probe SPECDIR OUTDIR');
  const loaded = await loadProgram(spec);
  if (!loaded.program || loaded.diagnostics.hasErrors()) throw new Error('the spec has errors');
  const drafts = EDITION_GENERATORS.find((g) => g.id === 'drafts');
  if (!drafts) throw new Error('no drafts generator is registered');
  const files = await drafts.generate(projectEdition(loaded.program, 'ietf'), { report: new DiagnosticBag() });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(out, f.path)), { recursive: true });
    writeFileSync(path.join(out, f.path), f.content);
  }
  process.stdout.write(`${JSON.stringify({ drafts: files.map((f) => f.path) })}\n`);
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`drafts-probe: ${e.message}\n`);
  process.exitCode = 1;
});
