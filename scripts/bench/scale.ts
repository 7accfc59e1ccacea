/**
 * Editions of 10, 50, 100… pages made from the seeds (each round of five in a different order), each
 * built by the CLI in a new process: total time, time per page and the peak memory of node plus
 * Chromium (summed PSS of the process tree).
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeNode } from './run.js';

/** One edition size's result. */
export interface ScaleRow {
  sources: number;
  pages: number;
  ms: number;
  peakBytes: number;
  pdfBytes: number;
}

/** Write `count` sources into `dir/seeds`, cycling through the seeds in a rotating order. */
export async function makeEditionSources(packageRoot: string, dir: string, count: number): Promise<void> {
  const seeds = (await readdir(join(packageRoot, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
  await mkdir(join(dir, 'seeds'), { recursive: true });
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / seeds.length);
    const seed = seeds[(i + round * 2) % seeds.length]!;
    await copyFile(join(packageRoot, 'seeds', seed), join(dir, 'seeds', `${String(i).padStart(4, '0')}.txt`));
  }
}

/** Build an edition of each size once. */
export async function benchScale(packageRoot: string, sizes: number[], extraArgs: string[] = []): Promise<ScaleRow[]> {
  const bin = join(packageRoot, 'bin', 'zhuanban.mjs');
  const rows: ScaleRow[] = [];
  for (const sources of sizes) {
    const project = await mkdtemp(join(tmpdir(), `zhuanban-bench-${sources}-`));
    try {
      await makeEditionSources(packageRoot, project, sources);
      const timed = await timeNode([bin, 'build', '-q', ...extraArgs, '-o', 'out'], project);
      const report = JSON.parse(await readFile(join(project, 'out', 'report.json'), 'utf8')) as { pages: unknown[] };
      const pdfBytes = (await stat(join(project, 'out', 'edition.pdf'))).size;
      rows.push({ sources, pages: report.pages.length, ms: timed.ms, peakBytes: timed.peakBytes, pdfBytes });
      process.stderr.write(`  ${sources} sources: ${Math.round(timed.ms)} ms\n`);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  }
  return rows;
}
