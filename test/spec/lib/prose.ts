/**
 * Prose extraction and word shingles for the own-words check. Text is
 * normalised to lower-case words (letters and digits only), so case,
 * punctuation, Markdown markup and line wrapping do not hide a copy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const SHINGLE = 10;

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** Adds every run of SHINGLE consecutive words of `text` to `set`. */
export function addShingles(set: Set<string>, text: string): void {
  const w = words(text);
  for (let i = 0; i + SHINGLE <= w.length; i++) set.add(w.slice(i, i + SHINGLE).join(' '));
}

/** The maximal runs of `text` (as normalised words) whose every SHINGLE-word window is in `set`. */
export function copiedRuns(set: Set<string>, text: string): string[] {
  const w = words(text);
  const runs: string[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    if (set.has(w.slice(i, i + SHINGLE).join(' '))) {
      if (start < 0 || i > end) {
        if (start >= 0) runs.push(w.slice(start, end).join(' '));
        start = i;
      }
      end = i + SHINGLE;
    }
  }
  if (start >= 0) runs.push(w.slice(start, end).join(' '));
  return runs;
}

/** Shortest sentence that counts as copied when it matches a corpus sentence whole (below SHINGLE words). */
export const SENTENCE_MIN = 7;

/** Sentences as normalised word strings (split at . ! ? and blank lines, and at list items). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s+/)
    .map((s) => words(s).join(' '))
    .filter(Boolean);
}

/** Adds every sentence of at least SENTENCE_MIN words of `text` to `set`. */
export function addSentences(set: Set<string>, text: string): void {
  for (const s of sentences(text)) if (s.split(' ').length >= SENTENCE_MIN) set.add(s);
}

export interface ProseSnippet {
  /** spec-relative file and, for YAML, the key path of the field. */
  where: string;
  text: string;
}

/** The prose keys of the YAML source files. */
const PROSE_KEYS = new Set(['description', 'summary', 'text', 'note', 'reason', 'abstract', 'title']);

function yamlProse(rel: string, doc: unknown): ProseSnippet[] {
  const out: ProseSnippet[] = [];
  const visit = (v: unknown, at: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${at}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const here = at ? `${at}.${k}` : k;
        if (PROSE_KEYS.has(k) && typeof x === 'string') out.push({ where: `${rel} ${here}`, text: x });
        else visit(x, here);
      }
    }
  };
  visit(doc, '');
  return out;
}

/** Markdown without fenced code (examples, ABNF), split at headings for readable reports. */
function markdownProse(rel: string, src: string): ProseSnippet[] {
  const out: ProseSnippet[] = [];
  let fence: string | null = null;
  let heading = '(front matter)';
  let buf: string[] = [];
  const flush = (): void => {
    if (buf.length) out.push({ where: `${rel} § ${heading}`, text: buf.join('\n') });
    buf = [];
  };
  for (const line of src.split('\n')) {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      flush();
      heading = h[1];
    }
    buf.push(line);
  }
  flush();
  return out;
}

/** Every prose snippet of a spec folder: Markdown documents and the prose fields of YAML files. */
export function specProse(specDir: string): ProseSnippet[] {
  const out: ProseSnippet[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(specDir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const abs = path.join(specDir, r);
      if (statSync(abs).isDirectory()) walk(r);
      else if (name.endsWith('.md')) out.push(...markdownProse(r, readFileSync(abs, 'utf8')));
      else if (/\.ya?ml$/.test(name)) out.push(...yamlProse(r, parse(readFileSync(abs, 'utf8'), { maxAliasCount: -1 })));
    }
  };
  walk('');
  return out;
}
