/**
 * Diff operands: `edition`, `DIR:edition` (another spec tree) or
 * `REV:edition` (the spec tree at a git revision, extracted with
 * `git archive` into a temporary folder; the repository is only read).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EDITION_IDS, type EditionId } from '../ir/types.js';

export class OperandError extends Error {
  constructor(readonly code: 'MX8001' | 'MX8002', message: string) {
    super(message);
  }
}

export interface ResolvedOperand {
  label: string;
  edition: EditionId;
  specDir: string;
  kind: 'working' | 'dir' | 'rev';
  /** Removes a temporary extraction (revisions). */
  cleanup(): void;
}

function isEdition(s: string): s is EditionId {
  return (EDITION_IDS as readonly string[]).includes(s);
}

function git(cwd: string, args: string[], input?: Buffer): { ok: boolean; out: Buffer; err: string } {
  const r = spawnSync('git', ['-C', cwd, ...args], { input, maxBuffer: 512 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? Buffer.alloc(0), err: (r.stderr ?? Buffer.alloc(0)).toString('utf8').trim() || (r.error?.message ?? '') };
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Extracts `<rel>` of the repository holding specDir at `rev` into a temporary folder. */
function extractRevision(rev: string, specDir: string): { dir: string; tmp: string } {
  const abs = path.resolve(specDir);
  const probe = isDir(abs) ? abs : path.dirname(abs);
  const top = git(probe, ['rev-parse', '--show-toplevel']);
  if (!top.ok) throw new OperandError('MX8002', `cannot read revision "${rev}": ${probe} is not inside a git repository`);
  const root = top.out.toString('utf8').trim();
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (rev.startsWith('-')) throw new OperandError('MX8001', `"${rev}" is not a git revision`);
  const commit = git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  if (!commit.ok) throw new OperandError('MX8002', `git revision "${rev}" not found in ${root}`);
  const sha = commit.out.toString('utf8').trim();
  const archive = git(root, ['archive', '--format=tar', sha, '--', rel || '.']);
  if (!archive.ok) throw new OperandError('MX8002', `cannot read ${rel || 'the tree'} at revision "${rev}": ${archive.err}`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'mxspec-diff-rev-'));
  const tar = spawnSync('tar', ['-x', '-f', '-', '-C', tmp], { input: archive.out, maxBuffer: 64 * 1024 * 1024 });
  if (tar.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new OperandError('MX8002', `cannot extract revision "${rev}": ${tar.stderr?.toString('utf8').trim() || tar.error?.message}`);
  }
  return { dir: rel ? path.join(tmp, rel) : tmp, tmp };
}

export function resolveOperand(operand: string, specDir: string): ResolvedOperand {
  const none = (): void => {};
  if (isEdition(operand)) return { label: operand, edition: operand, specDir, kind: 'working', cleanup: none };
  const colon = operand.lastIndexOf(':');
  const edition = colon >= 0 ? operand.slice(colon + 1) : '';
  const where = colon >= 0 ? operand.slice(0, colon) : '';
  if (!where || !isEdition(edition)) {
    throw new OperandError('MX8001', `"${operand}" is not a diff operand; use an edition (${EDITION_IDS.join(', ')}), REV:edition or DIR:edition`);
  }
  if (isDir(where)) {
    const dir = existsSync(path.join(where, 'editions.yaml')) ? where : path.join(where, 'spec');
    if (!existsSync(path.join(dir, 'editions.yaml'))) throw new OperandError('MX8001', `${where} holds no spec (no editions.yaml in it or in its spec/ folder)`);
    return { label: operand, edition, specDir: dir, kind: 'dir', cleanup: none };
  }
  const { dir, tmp } = extractRevision(where, specDir);
  return { label: operand, edition, specDir: dir, kind: 'rev', cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}
