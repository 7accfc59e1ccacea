/**
 * The preview lays each rebuild out in the page the last one used (page-session.ts
 * `openEdition` with `reuse`). Real Chromium, real fonts: the swapped-in document shows the new
 * copy, keeps the decoded font faces, keeps a stylesheet unless told it changed, and re-reads it when told.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../../src/print/browser.js';
import { openMakeUpPage } from '../../src/layout/measure.js';
import { createProgress } from '../../src/cli/progress.js';
import { nodeContext } from '../../src/io/context.js';
import { openEdition as openWithScripts } from '../../src/print/page-session.js';
import { ROOT } from '../helpers/cli.js';

let session: BrowserSession;
let dir: string;
const ctx = nodeContext(tmpdir(), createProgress({ quiet: true }));

const html = (text: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<link rel="stylesheet" href="${relative(dir, join(ROOT, 'node_modules/@fontsource/noto-serif-sc/400.css'))}">
<link rel="stylesheet" href="house.css"><style>:root { --x: 1; }</style></head>
<body><p id="copy">${text}</p><article class="module" id="m1"><div class="body"><p>正文</p></div></article></body></html>`;

const probe = `(() => ({ text: document.getElementById('copy').textContent, colour: getComputedStyle(document.getElementById('copy')).color,
  faces: [...document.fonts].filter((f) => f.status === 'loaded').length, marker: window.marker ?? null }))()`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zb-swap-'));
  session = await launchBrowser(60000);
});
afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('openEdition with a page to reuse', () => {
  it('swaps the new document in, keeping loaded fonts, and re-reads styles only when asked', async () => {
    const path = join(dir, '.edition.html');
    await writeFile(join(dir, 'house.css'), '#copy { color: rgb(200, 0, 0); font-family: "Noto Serif SC"; }');
    await writeFile(path, html('党建引领'));
    const page = await openMakeUpPage(ctx, session, path, html('党建引领'));
    await page.evaluate('window.marker = "first load"');
    const first = (await page.evaluate(probe)) as { faces: number };
    expect(first.faces).toBeGreaterThan(0);

    await writeFile(join(dir, 'house.css'), '#copy { color: rgb(0, 0, 200); font-family: "Noto Serif SC"; }');
    const same = await openMakeUpPage(ctx, session, path, html('健康幸福'), { page, reloadStyles: false });
    expect(same).toBe(page);
    expect(await page.evaluate(probe)).toEqual({
      text: '健康幸福',
      colour: 'rgb(200, 0, 0)',
      faces: expect.any(Number),
      marker: 'first load',
    });
    expect(((await page.evaluate(probe)) as { faces: number }).faces).toBeGreaterThanOrEqual(first.faces);

    await openMakeUpPage(ctx, session, path, html('群众图景'), { page, reloadStyles: true });
    expect(await page.evaluate(probe)).toMatchObject({
      text: '群众图景',
      colour: 'rgb(0, 0, 200)',
      marker: 'first load',
    });
    await page.close();
  });

  it('opens a new page when the one to reuse shows another file', async () => {
    const other = join(dir, 'other.html');
    await writeFile(other, html('另一版'));
    const page = await openMakeUpPage(ctx, session, join(dir, '.edition.html'), html('党建引领'));
    const fresh = await openMakeUpPage(ctx, session, other, html('另一版'), { page, reloadStyles: false });
    expect(fresh).not.toBe(page);
    expect(page.isClosed()).toBe(true);
    expect(((await fresh.evaluate(probe)) as { text: string }).text).toBe('另一版');
    await fresh.close();
  });
});

describe('openEdition with scripts', () => {
  it('fails with the file and line of a script that does not load, and runs none after it', async () => {
    const path = join(dir, 'plain.html');
    await writeFile(path, html('党建引领'));
    const good = join(dir, 'good.js');
    const broken = join(dir, 'broken.js');
    const after = join(dir, 'after.js');
    await writeFile(good, 'window.loaded = ["good"];');
    await writeFile(broken, 'window.loaded.push("broken");\nfunction (');
    await writeFile(after, 'window.loaded.push("after");');
    const scripts = [good, broken, after];
    const error = await openWithScripts(ctx, session, path, html('党建引领'), null, scripts).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/SyntaxError/);
    expect((error as Error).message.startsWith(`${broken}:2: `)).toBe(true);
    const pages = await session.browser.pages();
    const opened = pages.find((p) => p.url().endsWith('/plain.html'));
    expect(await opened?.evaluate('window.loaded')).toEqual(['good']);
    await opened?.close();
  });
});
