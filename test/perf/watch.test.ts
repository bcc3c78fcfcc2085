/**
 * mxspec watch: incremental rebuilds re-parse only the edited source,
 * rewrite only the outputs whose content changed (atomically), and keep the
 * last good out/ while the source is invalid. Driven in-process through the
 * same API the CLI uses; one test goes through real fs.watch events.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, runCliInProcess, snapshotTree, tempDir } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/minimal-spec');
const { createIncrementalBuild } = (await import(path.join(ROOT, 'dist/src/watch/incremental-build.js'))) as typeof import('../../src/watch/incremental-build.js');
const { createWatcher } = (await import(path.join(ROOT, 'dist/src/watch/watcher.js'))) as typeof import('../../src/watch/watcher.js');

function workspace(): { spec: string; out: string } {
  const dir = tempDir('mxspec-watch-');
  cpSync(FIXTURE, path.join(dir, 'spec'), { recursive: true });
  return { spec: path.join(dir, 'spec'), out: path.join(dir, 'out') };
}

function mtimes(dir: string): Map<string, number> {
  const m = new Map<string, number>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else m.set(r, statSync(path.join(dir, r)).mtimeMs);
    }
  };
  walk('');
  return m;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text.includes(from), `${file} contains ${from}`).toBe(true);
  writeFileSync(file, text.replace(from, to));
}

describe('incremental build', () => {
  it('re-parses only the edited Markdown file and rewrites only the outputs that changed', async () => {
    const ws = workspace();
    const b = createIncrementalBuild(ws);
    const first = await b.rebuild();
    expect(first.ok, JSON.stringify(first.diagnostics)).toBe(true);
    expect(first.reparsed.length).toBeGreaterThan(5);
    expect(first.written.length).toBeGreaterThan(0);
    const before = snapshotTree(ws.out);
    const times = mtimes(ws.out);
    await new Promise((r) => setTimeout(r, 20));

    edit(path.join(ws.spec, 'documents/api.md'), 'A server MUST answer.', 'A server MUST answer promptly and completely.');
    const r = await b.rebuild(['documents/api.md']);
    expect(r.ok).toBe(true);
    expect(r.reparsed).toEqual(['documents/api.md']);
    expect(r.written.length).toBeGreaterThan(0);
    expect(r.written.length).toBeLessThan(first.written.length);
    const after = snapshotTree(ws.out);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
    // Exactly the reported files changed on disk, and the draft carries the new sentence.
    expect(changed).toEqual(r.written);
    const draft = r.written.find((p) => p.startsWith('ietf/drafts/'));
    expect(draft, 'the ietf draft is rewritten').toBeDefined();
    expect(after.get(draft!)).toContain('promptly and completely');
    // Untouched outputs keep their modification time: they were not rewritten.
    const now = mtimes(ws.out);
    for (const [p, t] of times) if (!r.written.includes(p)) expect(now.get(p), p).toBe(t);
    expect([...now.keys()].some((p) => p.includes('.mxspec-tmp-'))).toBe(false);
  });

  it('a one-property YAML edit re-parses that file and updates the generated OpenAPI', async () => {
    const ws = workspace();
    const b = createIncrementalBuild(ws);
    expect((await b.rebuild()).ok).toBe(true);
    edit(path.join(ws.spec, 'schemas/core.yaml'), 'description: Implementation name.}', 'description: Implementation name as the server reports it.}');
    const r = await b.rebuild(['schemas/core.yaml']);
    expect(r.ok).toBe(true);
    expect(r.reparsed).toEqual(['schemas/core.yaml']);
    expect(r.written).toContain('ietf/openapi.json');
    expect(readFileSync(path.join(ws.out, 'ietf/openapi.json'), 'utf8')).toContain('Implementation name as the server reports it.');
    // A rebuild with nothing changed parses and writes nothing.
    const again = await b.rebuild();
    expect(again.reparsed).toEqual([]);
    expect(again.written).toEqual([]);
  });

  it('keeps the last good out/ while a source is invalid, and recovers when it is fixed', async () => {
    const ws = workspace();
    const b = createIncrementalBuild(ws);
    expect((await b.rebuild()).ok).toBe(true);
    const good = snapshotTree(ws.out);
    const file = path.join(ws.spec, 'schemas/core.yaml');
    const original = readFileSync(file, 'utf8');

    writeFileSync(file, original.replace('type: object', 'type: [object'));
    const bad = await b.rebuild(['schemas/core.yaml']);
    expect(bad.ok).toBe(false);
    expect(bad.written).toEqual([]);
    const err = bad.diagnostics.find((d) => d.severity === 'error');
    expect(err?.loc?.file).toBe('schemas/core.yaml');
    expect(err?.loc?.line).toBeGreaterThan(0);
    expect(snapshotTree(ws.out)).toEqual(good);

    writeFileSync(file, original.replace('description: Implementation name.}', 'description: Implementation name (fixed).}'));
    const fixed = await b.rebuild(['schemas/core.yaml']);
    expect(fixed.ok, JSON.stringify(fixed.diagnostics)).toBe(true);
    expect(fixed.reparsed).toEqual(['schemas/core.yaml']);
    expect(readFileSync(path.join(ws.out, 'ietf/openapi.json'), 'utf8')).toContain('Implementation name (fixed).');
  });

  it('writes into a folder of out/ that was removed since the last build (made again)', async () => {
    const ws = workspace();
    const b = createIncrementalBuild(ws);
    expect((await b.rebuild()).ok).toBe(true);
    rmSync(path.join(ws.out, 'ietf/drafts'), { recursive: true, force: true });
    edit(path.join(ws.spec, 'documents/api.md'), 'A server MUST answer.', 'A server MUST answer at once.');
    const r = await b.rebuild(['documents/api.md']);
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
    const draft = r.written.find((p) => p.startsWith('ietf/drafts/'));
    expect(draft, 'the draft is written again').toBeDefined();
    expect(readFileSync(path.join(ws.out, draft!), 'utf8')).toContain('answer at once');
    expect(readdirSync(path.join(ws.out, 'ietf/drafts')).filter((n) => n.startsWith('.mxspec-tmp-'))).toEqual([]);
  });

  it('removes outputs the build no longer produces, and only inside the folders it owns', async () => {
    const ws = workspace();
    const b = createIncrementalBuild(ws);
    expect((await b.rebuild()).ok).toBe(true);
    writeFileSync(path.join(ws.out, 'ietf/stale.txt'), 'left over');
    writeFileSync(path.join(ws.out, 'NOTES.txt'), 'not ours');
    const fresh = createIncrementalBuild(ws);
    const r = await fresh.rebuild();
    expect(r.removed).toEqual(['ietf/stale.txt']);
    // Primed from the existing out/: nothing current is rewritten.
    expect(r.written).toEqual([]);
    expect(readFileSync(path.join(ws.out, 'NOTES.txt'), 'utf8')).toBe('not ours');
  });
});

describe('watcher', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('rebuilds on a file-system event for the edited file', async () => {
    const ws = workspace();
    const seen: { reparsed: string[]; changed: string[]; ok: boolean }[] = [];
    let notify: (() => void) | undefined;
    const w = createWatcher({ ...ws, debounceMs: 20, onRebuild: (r) => { seen.push(r); notify?.(); } });
    close = () => w.close();
    const first = await w.start();
    expect(first.ok).toBe(true);
    const next = new Promise<void>((resolve) => (notify = resolve));
    edit(path.join(ws.spec, 'documents/api.md'), 'A server MUST answer.', 'A server MUST answer every request.');
    await next;
    await w.idle();
    const last = seen[seen.length - 1]!;
    expect(last.ok).toBe(true);
    expect(last.changed).toContain('documents/api.md');
    expect(last.reparsed).toEqual(['documents/api.md']);
    const draft = readdirSync(path.join(ws.out, 'ietf/drafts'))[0]!;
    expect(readFileSync(path.join(ws.out, 'ietf/drafts', draft), 'utf8')).toContain('every request');
  });
});

describe('mxspec watch (command line)', () => {
  it('refuses an unknown edition and a bad debounce with a usage error', async () => {
    const a = await runCliInProcess(['watch', '--edition', 'nope']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/MX9003: unknown edition "nope"/);
    const b = await runCliInProcess(['watch', '--debounce', 'soon']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/MX9003: --debounce must be a number/);
  });
});
