/**
 * `mxspec draft …` — Internet-Draft revisions. The revision of each ietf
 * document lives in spec/editions.yaml; `bump` moves one document to its
 * next revision (editing the file in place, keeping its comments and
 * layout), and `tag` names the git tag of each current revision
 * (`<docName>-<NN>`, the convention of martinthomson/i-d-template) so later
 * diffs can compare against what was submitted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Io } from '../main.js';
import { resolveSpecDir } from '../spec-dir.js';
import { versionedName } from '../../../generators/drafts/docname.js';

interface DraftEntry {
  id: string;
  docName: string;
  revision: number;
}

function editionsFile(spec: string | undefined): string {
  return path.join(resolveSpecDir(spec), 'editions.yaml');
}

/** The ietf documents that are drafts, read from editions.yaml. */
function readDrafts(file: string, io: Io): DraftEntry[] | undefined {
  if (!existsSync(file)) {
    io.err(`${file} - error MX1013: spec folder not found or has no editions.yaml\n`);
    return undefined;
  }
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length) {
    io.err(`${file} - error MX1002: ${doc.errors[0]!.message.split('\n')[0]}; run mxspec check\n`);
    return undefined;
  }
  const docs = doc.getIn(['editions', 'ietf', 'documents']);
  if (!isMap(docs)) return [];
  const out: DraftEntry[] = [];
  for (const pair of docs.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const v = pair.value;
    if (!isMap(v)) continue;
    const docName = v.get('docName');
    if (typeof docName !== 'string') continue;
    const rev = v.get('revision');
    out.push({ id, docName, revision: typeof rev === 'number' ? rev : 0 });
  }
  return out;
}

/**
 * Writes the revision by editing only its own characters (located with the
 * yaml Document API), so comments, quoting and flow style stay as written.
 */
export function setRevision(text: string, docId: string, revision: number): string | undefined {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const entry = doc.getIn(['editions', 'ietf', 'documents', docId], true);
  if (!isMap(entry) || !entry.range) return undefined;
  const current = entry.get('revision', true);
  if (isScalar(current) && current.range) {
    return text.slice(0, current.range[0]) + String(revision) + text.slice(current.range[1]);
  }
  if (entry.flow) {
    const close = text.lastIndexOf('}', entry.range[1]);
    if (close < 0) return undefined;
    const before = text.slice(0, close).replace(/\s*$/, '');
    return `${before}, revision: ${revision}${text.slice(close)}`;
  }
  const first = entry.items[0];
  const last = entry.items[entry.items.length - 1];
  const keyNode = first && isScalar(first.key) ? first.key : undefined;
  const lastEnd = last && (last.value as { range?: number[] } | null)?.range?.[1];
  if (!keyNode?.range || lastEnd === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', keyNode.range[0]) + 1;
  const indent = ' '.repeat(keyNode.range[0] - lineStart);
  const eol = text.indexOf('\n', lastEnd);
  const at = eol < 0 ? text.length : eol;
  return `${text.slice(0, at)}\n${indent}revision: ${revision}${text.slice(at)}`;
}

export function registerDraft(program: Command, io: Io, setExit: (c: number) => void): void {
  const draft = program
    .command('draft')
    .description('manage Internet-Draft revisions of the ietf edition (bump, tag)');

  draft
    .command('bump')
    .description('move a document to its next draft revision in spec/editions.yaml')
    .argument('<doc>', 'document id (the key under editions.ietf.documents)')
    .option('--spec <dir>', 'spec folder (default: ./spec, else the shipped spec)')
    .action((docId: string, opts: { spec?: string }) => {
      const file = editionsFile(opts.spec);
      const drafts = readDrafts(file, io);
      if (!drafts) return setExit(1);
      const entry = drafts.find((d) => d.id === docId);
      if (!entry) {
        io.err(`${file} - error MX9003: "${docId}" is not a draft of the ietf edition; drafts are ${drafts.map((d) => d.id).join(', ') || '(none)'}\n`);
        return setExit(2);
      }
      if (entry.revision >= 99) {
        io.err(`${file} - error MX7001: ${entry.docName} is at revision 99, the last one a draft name allows\n`);
        return setExit(1);
      }
      const text = readFileSync(file, 'utf8');
      const next = entry.revision + 1;
      const edited = setRevision(text, docId, next);
      if (edited === undefined) {
        io.err(`${file} - error MX9001: cannot find where to write the revision of "${docId}"\n`);
        return setExit(1);
      }
      writeFileSync(file, edited);
      const previous = versionedName(entry.docName, entry.revision);
      io.out(`${docId}: ${previous} -> ${versionedName(entry.docName, next)}\n`);
      io.out(`Tag the commit of the submitted revision, if you have not yet:\n  git tag ${previous}\n`);
    });

  draft
    .command('tag')
    .description('print (or with --create, make) the git tag <docName>-<NN> of every current draft revision')
    .option('--spec <dir>', 'spec folder (default: ./spec, else the shipped spec)')
    .option('--create', 'run git tag for each revision not tagged yet')
    .action((opts: { spec?: string; create?: boolean }) => {
      const file = editionsFile(opts.spec);
      const drafts = readDrafts(file, io);
      if (!drafts) return setExit(1);
      for (const d of drafts) {
        const tag = versionedName(d.docName, d.revision);
        if (!opts.create) {
          io.out(`git tag ${tag}\n`);
          continue;
        }
        const cwd = path.dirname(file);
        const exists = spawnSync('git', ['rev-parse', '-q', '--verify', `refs/tags/${tag}`], { cwd, encoding: 'utf8' });
        if (exists.status === 0) {
          io.out(`${tag}: already tagged\n`);
          continue;
        }
        const r = spawnSync('git', ['tag', tag], { cwd, encoding: 'utf8' });
        if (r.status !== 0) {
          io.err(`${tag} - error MX9001: git tag failed: ${(r.stderr || r.error?.message || '').trim()}\n`);
          setExit(1);
          continue;
        }
        io.out(`${tag}: tagged\n`);
      }
    });
}
