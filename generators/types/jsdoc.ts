/** JSDoc comments from IR descriptions, lifecycle, port records and constraints. */
import type { CodeBlockWriter } from 'ts-morph';
import type { Lifecycle, PortRecord, SchemaNode } from '../../src/ir/types.js';

export interface DocInput {
  description?: string;
  lifecycle?: Lifecycle;
  port?: PortRecord;
  node?: SchemaNode;
  /** Extra free-text lines (appended after the description). */
  notes?: string[];
}

function constraintTags(node: SchemaNode): string[] {
  const tags: string[] = [];
  const n = node as unknown as Record<string, unknown>;
  if (node.type === 'integer') tags.push('@integer');
  if ((node.type === 'string' || node.type === 'integer' || node.type === 'number') && node.format) tags.push(`@format ${node.format}`);
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems']) {
    if (typeof n[k] === 'number') tags.push(`@${k} ${n[k] as number}`);
  }
  if (node.type === 'string' && node.pattern) tags.push(`@pattern ${node.pattern}`);
  if (node.type === 'array' && node.uniqueItems) tags.push('@uniqueItems');
  if (node.type === 'map' && node.keys?.format) tags.push(`@keyFormat ${node.keys.format}`);
  if (node.type === 'map' && node.keys?.pattern) tags.push(`@keyPattern ${node.keys.pattern}`);
  if (node.default !== undefined) tags.push(`@default ${JSON.stringify(node.default)}`);
  if (node.readOnly) tags.push('@readOnly only in data a server sends (responses); never sent in requests');
  if (node.writeOnly) tags.push('@writeOnly only in requests; never returned');
  return tags;
}

export function docLines(d: DocInput): string[] {
  const lines: string[] = [];
  const desc = (d.description ?? d.node?.description)?.trim();
  if (desc) lines.push(...desc.split('\n').map((l) => l.trimEnd()));
  for (const n of d.notes ?? []) {
    if (lines.length) lines.push('');
    lines.push(n);
  }
  for (const c of d.lifecycle?.changed ?? []) {
    if (lines.length) lines.push('');
    lines.push(`Changed in ${c.in}${c.note ? `: ${c.note.trim()}` : '.'}`);
  }
  const tags: string[] = [];
  if (d.node) tags.push(...constraintTags(d.node));
  if (d.lifecycle?.added) tags.push(`@since ${d.lifecycle.added}`);
  if (d.port) {
    const p = d.port;
    const bits = [`status ${p.status}`];
    if (p.origin) bits.unshift(`origin ${p.origin}`);
    if (p.msc !== undefined) bits.push(`MSC${p.msc}`);
    tags.push(`@edition Differs between the editions (${bits.join(', ')})${p.note ? `: ${p.note.trim()}` : ''}${p.reason ? ` Reason: ${p.reason.trim()}` : ''}`);
  }
  const dep = d.lifecycle?.deprecated;
  if (dep) {
    const parts = [dep.in ? `Deprecated in ${dep.in}.` : 'Deprecated.'];
    if (dep.note) parts.push(dep.note.trim());
    if (dep.replacement) parts.push(`Use {@link ${dep.replacement}} instead.`);
    tags.push(`@deprecated ${parts.join(' ')}`);
  } else if (d.node?.deprecated) tags.push('@deprecated');
  if (tags.length && lines.length) lines.push('');
  lines.push(...tags);
  return lines;
}

/** Writes a JSDoc block (nothing when there is nothing to say). */
export function writeDoc(w: CodeBlockWriter, d: DocInput | string[]): void {
  const lines = Array.isArray(d) ? d : docLines(d);
  if (!lines.length) return;
  const safe = lines.map((l) => l.replace(/\*\//g, '*\\/'));
  if (safe.length === 1 && !safe[0].startsWith('@')) {
    w.writeLine(`/** ${safe[0]} */`);
    return;
  }
  w.writeLine('/**');
  for (const l of safe) w.writeLine(l ? ` * ${l}` : ' *');
  w.writeLine(' */');
}
