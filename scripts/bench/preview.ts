/**
 * Preview latency. The rebuild, measured side by side in one browser: after each edit of a
 * source, the edition is laid out once in the warm page the previous build left (what the preview
 * does) and once in a new page (what it did before), alternating which goes first. And the whole
 * way from a save to the proof on screen in a viewer, with *Write PDF* after a save.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { loadConfig } from '../../src/config/load.js';
import { nodeContext } from '../../src/io/context.js';
import { resolveSources } from '../../src/pipeline/sources.js';
import { layoutEdition } from '../../src/pipeline/index.js';
import { createProgress } from '../../src/cli/progress.js';
import { launchBrowser } from '../../src/print/browser.js';
import { startPreview } from '../../src/preview/index.js';

/** Median milliseconds of warm and new-page rebuilds after `runs` edits of one seed. */
export async function benchPreview(packageRoot: string, runs: number): Promise<{ warm: number[]; fresh: number[] }> {
  const project = await mkdtemp(join(tmpdir(), 'zhuanban-bench-preview-'));
  await cp(join(packageRoot, 'seeds'), join(project, 'seeds'), { recursive: true });
  const ctx = { ...nodeContext(project, createProgress({ quiet: true })), packageRoot };
  const config = await loadConfig(project);
  const sources = await resolveSources(project, config, []);
  const edited = join(project, 'seeds', (await readdir(join(project, 'seeds'))).sort()[0]!);
  const original = await readFile(edited, 'utf8');
  const time = async <T>(_stage: string, fn: () => Promise<T> | T) => fn();
  const session = await launchBrowser(config.timeoutMs);
  const samples = { warm: [] as number[], fresh: [] as number[] };
  try {
    const proofDir = join(project, 'proof');
    let warm: Page = (await layoutEdition(ctx, session, { config, sources, proofDir, time })).page;
    for (let i = 0; i < runs; i++) {
      // An editor's typical save: one paragraph of one article gains a sentence.
      await writeFile(edited, original.replace(/。/, `。第${i + 1}次修改，补充一句说明文字。`));
      for (const mode of i % 2 ? (['fresh', 'warm'] as const) : (['warm', 'fresh'] as const)) {
        const started = performance.now();
        const laid = await layoutEdition(ctx, session, {
          config,
          sources,
          proofDir,
          time,
          reuse: mode === 'warm' ? { page: warm, reloadStyles: false } : null,
        });
        samples[mode].push(performance.now() - started);
        if (mode === 'warm') warm = laid.page;
        else await laid.page.close();
      }
    }
  } finally {
    await session.close();
    await rm(project, { recursive: true, force: true });
  }
  return samples;
}

/** What one save costs in the running preview, seen from the viewer. */
export interface OnScreenSamples {
  /** Save → the new text shown in the viewer (watcher, rebuild, notification, fetch, patch). */
  onScreen: number[];
  /** The rebuild alone, as the preview logs it. */
  rebuild: number[];
  /** *Write PDF* right after a save: the request until output/edition.pdf is written. */
  pdf: number[];
}

/**
 * The preview as an editor uses it: `startPreview` on the seeds, the viewer open in a second
 * Chromium, then `runs` saves of one source, each timed until its new sentence shows in the viewer's
 * proof; `pdfRuns` of them are followed by *Write PDF*.
 */
export async function benchPreviewOnScreen(
  packageRoot: string,
  runs: number,
  pdfRuns: number,
): Promise<OnScreenSamples> {
  const project = await mkdtemp(join(tmpdir(), 'zhuanban-bench-onscreen-'));
  await cp(join(packageRoot, 'seeds'), join(project, 'seeds'), { recursive: true });
  const ctx = { ...nodeContext(project, createProgress({ quiet: true })), packageRoot };
  const edited = join(project, 'seeds', (await readdir(join(project, 'seeds'))).sort()[0]!);
  const original = await readFile(edited, 'utf8');
  const preview = await startPreview({ ctx, sourceArgs: [], port: 0, host: '127.0.0.1', log: () => {} });
  const viewer = await launchBrowser(60_000, { intercept: false });
  const samples: OnScreenSamples = { onScreen: [], rebuild: [], pdf: [] };
  try {
    await preview.firstBuild;
    const page = await viewer.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(preview.url);
    await page.waitForFunction('window.zb && window.zb.applied > 0', { timeout: 60_000 });
    for (let i = 0; i < runs; i++) {
      const sentence = `第${i + 1}次修改补充说明文字`;
      const version = preview.rebuilder.state.version;
      const started = performance.now();
      await writeFile(edited, original.replace(/。/, `。${sentence}。`));
      // On screen: the sentence is on a page of the viewer's proof, and the browser has painted since.
      await page.waitForFunction(
        (text: string) =>
          [
            ...(window as unknown as { zb: { frame(): Document } }).zb.frame().querySelectorAll('.zb-slot > .page'),
          ].some((p) => p.textContent?.includes(text)) &&
          new Promise((painted) => requestAnimationFrame(() => setTimeout(() => painted(true), 0))),
        { timeout: 60_000, polling: 5 },
        sentence,
      );
      samples.onScreen.push(performance.now() - started);
      if (preview.rebuilder.state.version === version + 1) samples.rebuild.push(preview.rebuilder.state.buildMs);
      if (i < pdfRuns) {
        const asked = performance.now();
        const res = await fetch(new URL('/__zb/pdf', preview.url), {
          method: 'POST',
          headers: { origin: new URL(preview.url).origin },
        });
        if (!res.ok) throw new Error(`Write PDF failed: ${await res.text()}`);
        samples.pdf.push(performance.now() - asked);
      }
    }
  } finally {
    await viewer.close();
    await preview.close();
    await rm(project, { recursive: true, force: true });
  }
  return samples;
}
