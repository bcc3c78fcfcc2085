/** Shared by the drafts tests: the fixture spec, rendering, and the real IETF tools (xmllint RELAX NG, idnits). */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { checkNits } from '@ietf-tools/idnits';
import { ROOT, SHARED, tempDir } from '../helpers/cli.js';
import { loadProgram } from '../../src/program/load-program.js';
import { projectEdition } from '../../src/editions/project.js';
import { renderDraftSet, type DraftSet } from '../../generators/drafts/draft-set.js';
import { compile } from '../../src/build/pipeline.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const FIXTURE_SPEC = path.join(ROOT, 'test/fixtures/drafts/spec');
export const RFCXML_DIR = path.join(SHARED, 'schemas/rfcxml-v3');
export const HAS_RFCXML = existsSync(path.join(RFCXML_DIR, 'v3.rng')) && existsSync(path.join(RFCXML_DIR, 'SVG-1.2-RFC.rng'));
export const NO_RFCXML = `../shared/schemas/rfcxml-v3 (v3.rng with SVG-1.2-RFC.rng) is absent: RFC XML schema validation skipped`;

/** A temporary copy of the fixture spec; returns the spec folder. */
export function copyFixture(): string {
  const dir = tempDir('mxspec-drafts-');
  cpSync(FIXTURE_SPEC, path.join(dir, 'spec'), { recursive: true });
  return path.join(dir, 'spec');
}

export function edit(specDir: string, file: string, fn: (s: string) => string): void {
  const p = path.join(specDir, file);
  const before = readFileSync(p, 'utf8');
  const after = fn(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(p, after);
}

/** Renders the ietf drafts of a spec folder straight from its projection (even if other checks fail). */
export async function renderSpec(specDir: string): Promise<DraftSet | undefined> {
  const loaded = await loadProgram(specDir);
  if (!loaded.program) return undefined;
  return renderDraftSet(projectEdition(loaded.program, 'ietf'));
}

/** The build's diagnostics for the ietf edition (checks and generation). */
export async function buildDiagnostics(specDir: string): Promise<Diagnostic[]> {
  const r = await compile(specDir, { editions: ['ietf'] });
  return r.diagnostics.sorted();
}

let schemaCache: { rng: string; svg: string } | undefined;

export async function validateRfcXml(xml: string, fileName: string): Promise<{ valid: boolean; errors: string[]; rootIsRfc: boolean }> {
  schemaCache ??= { rng: readFileSync(path.join(RFCXML_DIR, 'v3.rng'), 'utf8'), svg: readFileSync(path.join(RFCXML_DIR, 'SVG-1.2-RFC.rng'), 'utf8') };
  const r = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [{ fileName: 'v3.rng', contents: schemaCache.rng }],
    preload: [{ fileName: 'SVG-1.2-RFC.rng', contents: schemaCache.svg }],
    extension: 'relaxng',
    maxMemoryPages: 16384,
  });
  // The grammar also accepts a bare <svg> document: the root must be <rfc>.
  const rootIsRfc = /^<\?xml[^>]*\?>\s*<rfc[\s>]/.test(xml);
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage), rootIsRfc };
}

export interface Nit {
  severity: 'error' | 'warning' | 'comment';
  name: string;
  message: string;
}

export async function idnits(xml: string, fileName: string, mode: 'normal' | 'submission'): Promise<Nit[]> {
  const results = (await checkNits(Buffer.from(xml, 'utf8'), fileName, { mode: mode === 'normal' ? 0 : 2, offline: true })) as { name: string; message: string; constructor: { name: string } }[];
  return results.map((r) => ({
    severity: r.constructor.name === 'ValidationError' ? 'error' : r.constructor.name === 'ValidationWarning' ? 'warning' : 'comment',
    name: r.name,
    message: r.message,
  }));
}

/**
 * idnits findings that are expected, each with the reason. Everything else
 * fails the tests; nothing is suppressed wholesale.
 */
export const EXPECTED_NITS: Record<string, { reason: string; applies: (n: Nit) => boolean }> = {
  INVALID_DOMAIN_TLD: {
    reason: 'idnits reads "Matrix.org", the name of the project and of an edition, as a host name that should be under example.org; it is a proper noun, not an example domain',
    applies: (n) => /"Matrix\.org"/i.test(n.message),
  },
  DOC_DATE_IN_PAST: {
    reason: 'the draft date comes from the edition metadata (deterministic builds), not from the day the tests run',
    applies: () => true,
  },
  DOC_DATE_IN_FUTURE: {
    reason: 'the draft date comes from the edition metadata (deterministic builds), not from the day the tests run',
    applies: () => true,
  },
  POSSIBLE_DOWNREF: {
    reason: 'offline, idnits cannot fetch the status of normative references and flags each one (set aside as the issue allows); mxspec checks downrefs itself (MX7008) from spec/references.yaml',
    applies: () => true,
  },
};

export function unexpectedNits(nits: Nit[]): Nit[] {
  return nits.filter((n) => n.severity !== 'comment' && !EXPECTED_NITS[n.name]?.applies(n));
}
