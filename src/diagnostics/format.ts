/**
 * Renders diagnostics for people (text, with a code frame on a terminal),
 * for tools (json) and for GitHub Actions (workflow commands).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './diagnostic.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

export function formatLocation(d: Diagnostic): string {
  if (!d.loc) return 'mxspec';
  return `${d.loc.file}:${d.loc.line}:${d.loc.column}`;
}

/** `file:line:col - error CODE: message` — the one line every consumer can parse. */
export function formatDiagnosticLine(d: Diagnostic): string {
  return `${formatLocation(d)} - ${d.severity} ${d.code}: ${d.message}`;
}

/** A few lines of source around the location, with a caret under the column. */
export function codeFrame(d: Diagnostic, specRoot: string): string | undefined {
  if (!d.loc) return undefined;
  let text: string;
  try {
    text = readFileSync(path.join(specRoot, d.loc.file), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split(/\r?\n/);
  const i = d.loc.line - 1;
  if (i < 0 || i >= lines.length) return undefined;
  const out: string[] = [];
  const width = String(Math.min(lines.length, i + 2)).length;
  for (let n = Math.max(0, i - 1); n <= Math.min(lines.length - 1, i + 1); n++) {
    const line = lines[n]!.length > 200 ? lines[n]!.slice(0, 200) + '…' : lines[n]!;
    out.push(`${n === i ? '>' : ' '} ${String(n + 1).padStart(width)} | ${line}`);
    if (n === i) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, d.loc.column - 1))}^`);
  }
  return out.join('\n');
}

export interface FormatOptions {
  format: DiagnosticFormat;
  specRoot?: string;
  /** Show code frames (text format on a terminal). */
  frames?: boolean;
  /** Prefix for file paths so they are relative to the working directory. */
  pathPrefix?: string;
}

function withPrefix(d: Diagnostic, prefix: string | undefined): Diagnostic {
  if (!prefix || !d.loc) return d;
  return { ...d, loc: { ...d.loc, file: path.posix.join(prefix, d.loc.file) } };
}

export function formatDiagnostics(diags: Diagnostic[], opts: FormatOptions): string {
  const shown = diags.map((d) => withPrefix(d, opts.pathPrefix));
  if (opts.format === 'json') {
    const summary = {
      errors: shown.filter((d) => d.severity === 'error').length,
      warnings: shown.filter((d) => d.severity === 'warning').length,
      infos: shown.filter((d) => d.severity === 'info').length,
    };
    return JSON.stringify({ summary, diagnostics: shown }, null, 2) + '\n';
  }
  if (opts.format === 'github') {
    return shown
      .map((d) => {
        const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
        const where = d.loc ? ` file=${escapeProp(d.loc.file)},line=${d.loc.line},col=${d.loc.column}` : '';
        return `::${level}${where},title=${d.code}::${escapeData(d.message)}`;
      })
      .join('\n') + (shown.length ? '\n' : '');
  }
  const parts: string[] = [];
  for (let k = 0; k < shown.length; k++) {
    const d = shown[k]!;
    parts.push(formatDiagnosticLine(d));
    if (opts.frames && opts.specRoot) {
      const frame = codeFrame(diags[k]!, opts.specRoot);
      if (frame) parts.push(frame, '');
    }
    for (const r of d.related ?? []) {
      const loc = opts.pathPrefix ? path.posix.join(opts.pathPrefix, r.loc.file) : r.loc.file;
      parts.push(`    ${loc}:${r.loc.line}:${r.loc.column} - ${r.message}`);
    }
  }
  return parts.length ? parts.join('\n') + '\n' : '';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProp(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
