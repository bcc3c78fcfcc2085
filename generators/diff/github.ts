/**
 * The diff as GitHub Actions workflow commands, so changes show inline on a
 * pull request: breaking -> ::error, warning -> ::warning, info -> ::notice,
 * at the TO side's source location (else FROM's).
 */
import type { DiffResult } from '../../src/diff/types.js';
import { portText } from './markdown.js';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `pathPrefix`: the spec folder as seen from the repository root (e.g. "spec"). */
export function renderGithub(d: DiffResult, pathPrefix = 'spec'): string {
  const lines = d.changes.map((c) => {
    const cmd = c.severity === 'breaking' ? 'error' : c.severity === 'warning' ? 'warning' : 'notice';
    const loc = c.to ?? c.from;
    const props: string[] = [];
    if (loc) props.push(`file=${escapeProperty(`${pathPrefix ? `${pathPrefix}/` : ''}${loc.file}`)}`, `line=${loc.line}`, `col=${loc.column}`);
    props.push(`title=${escapeProperty(`${c.rule} (${c.severity})`)}`);
    return `::${cmd} ${props.join(',')}::${escapeData(`${c.path}: ${c.message} [port: ${portText(c.port)}]`)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
