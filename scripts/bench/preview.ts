/**
 * Preview rebuild latency, measured side by side in one browser: after each edit of a
 * source, the edition is laid out once in the warm page the previous build left (what the preview
 * does) and once in a new page (what it did before), alternating which goes first.
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
