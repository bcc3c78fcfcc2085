/**
 * Generic checks over whatever a build wrote to out/. Generators are added
 * over time, so nothing here names a generator: files are judged by their
 * extension with the tools their users use (xmllint for XML, the TypeScript
 * compiler for .ts, the Redocly OpenAPI linter for OpenAPI documents).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { validateXML } from 'xmllint-wasm';
import { SHARED } from '../helpers/cli.js';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let ents: string[];
    try {
      ents = readdirSync(path.join(dir, rel)).sort();
    } catch {
      return;
    }
    for (const e of ents) {
      const r = rel ? `${rel}/${e}` : e;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out;
}

/** XML well-formedness (and RFC XML v3 validity for drafts when ../shared has the grammar). */
export async function xmlProblems(name: string, xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: path.basename(name), contents: xml }], normalization: 'format', maxMemoryPages: 16384 });
  // With only normalization requested, "valid" means "parsed": well-formed.
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

const RNG_DIR = path.join(SHARED, 'schemas/rfcxml-v3');
export const HAS_RNG = existsSync(path.join(RNG_DIR, 'v3.rng')) && existsSync(path.join(RNG_DIR, 'SVG-1.2-RFC.rng'));

export async function rfcXmlProblems(name: string, xml: string): Promise<string[]> {
  const r = await validateXML({
    xml: [{ fileName: path.basename(name), contents: xml }],
    schema: [{ fileName: 'v3.rng', contents: readFileSync(path.join(RNG_DIR, 'v3.rng'), 'utf8') }],
    preload: [{ fileName: 'SVG-1.2-RFC.rng', contents: readFileSync(path.join(RNG_DIR, 'SVG-1.2-RFC.rng'), 'utf8') }],
    extension: 'relaxng',
    maxMemoryPages: 16384,
  });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

/** Type-checks every .ts output of several trees in one compiler run (tsc is the expensive part). */
export function typeScriptProblems(files: string[]): string[] {
  if (!files.length) return [];
  const program = ts.createProgram(files, { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: [] });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

/** Whether a JSON or YAML output is an OpenAPI document. */
export function isOpenApi(name: string, text: string): boolean {
  return /openapi/i.test(name) && /"?openapi"?\s*:\s*"?3\./.test(text);
}

export async function openApiProblems(file: string): Promise<string[]> {
  const { lintFromString, createConfig } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['minimal'] });
  const problems = await lintFromString({ source: readFileSync(file, 'utf8'), absoluteRef: file, config });
  return problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);
}

/** Undoes XML/HTML escaping, so the text a reader sees can be compared with the spec's text. */
export function xmlText(markup: string): string {
  return markup
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every string inside a JSON value. */
export function jsonStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
    out.push(k);
    jsonStrings(x, out);
  }
  return out;
}
