/**
 * The HTML report in a real browser (Debian chromium via playwright-core):
 * it renders, the filters change what is shown, there are no console
 * errors, and spec strings that look like markup stay text.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../generators/diff/html.js';
import { diffModels } from '../../src/diff/diff.js';
import { clone, model, rpc, schema } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=2">';

const dir = mkdtempSync(path.join(tmpdir(), 'mxspec-diff-html-'));
let browser: Browser | undefined;

beforeAll(async () => {
  if (existsSync(CHROMIUM)) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function page(html: string) {
  const file = path.join(dir, `r${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const p = await browser!.newPage();
  const errors: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(pathToFileURL(file).href);
  return { p, errors };
}

describe.skipIf(!existsSync(CHROMIUM))('HTML diff report in chromium', () => {
  it('renders, filters, and logs no errors', async () => {
    const d = diffModels(await model('ietf'), await model('matrix-org'));
    const { p, errors } = await page(renderHtml(d));
    expect(await p.locator('h1').textContent()).toContain('ietf → matrix-org');
    const all = await p.locator('.change:visible').count();
    expect(all).toBe(d.changes.length);
    await p.selectOption('#filter-severity', 'breaking');
    const breaking = d.changes.filter((c) => c.severity === 'breaking').length;
    expect(await p.locator('.change:visible').count()).toBe(breaking);
    expect(await p.locator('#shown').textContent()).toBe(String(breaking));
    await p.selectOption('#filter-severity', '');
    await p.selectOption('#filter-port', 'pending');
    expect(await p.locator('.change:visible').count()).toBe(d.changes.filter((c) => c.port !== 'untracked' && c.port.status === 'pending').length);
    await p.selectOption('#filter-port', '');
    await p.selectOption('#filter-document', 'api');
    expect(await p.locator('.change:visible').count()).toBe(d.changes.filter((c) => c.document === 'api').length);
    // Side-by-side prose: the edition block's text is on the OLD side only.
    await p.selectOption('#filter-document', '');
    expect(await p.locator('.prose .old del').first().textContent()).toContain('three times');
    expect(errors).toEqual([]);
    await p.close();
  });

  it('markup in spec strings is shown as text and never runs', async () => {
    const a = await model('matrix-org');
    const b = clone(a);
    b.documents[0]!.sections[0]!.title = `Intro ${SCRIPT}`;
    rpc(b, 'getThing').description = `Evil ${IMG}`;
    schema(b, 'Thing').description = `${SCRIPT}${IMG}`;
    b.documents[0]!.sections[0]!.blocks.push({ type: 'paragraph', children: [{ type: 'text', value: `${IMG} and ${SCRIPT}` }] });
    const d = diffModels(a, b);
    const html = renderHtml(d);
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain('<img');
    const { p, errors } = await page(html);
    expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await p.locator('img').count()).toBe(0);
    expect(await p.locator('body script').count()).toBe(1);
    expect(await p.locator('body').textContent()).toContain(SCRIPT);
    expect(errors).toEqual([]);
    await p.close();
  });
});
