/**
 * The CLI end to end (a new process: start-up, parse, make-up, print, post-processing) against bare
 * Chromium printing the very HTML the CLI made (output/proof/index.html), run alternately so both
 * see the same machine load; medians and their ratio.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, timeNode, type Timed } from './run.js';

/** Interleaved runs of `zhuanban build` and of bare Chromium on the CLI's final HTML. */
export async function benchCli(packageRoot: string, runs: number): Promise<{ cli: Timed[]; bare: Timed[] }> {
  const project = await mkdtemp(join(tmpdir(), 'zhuanban-bench-cli-'));
  const bin = join(packageRoot, 'bin', 'zhuanban.mjs');
  const bare = join(packageRoot, 'scripts', 'bench', 'bare-print.mjs');
  try {
    await cp(join(packageRoot, 'seeds'), join(project, 'seeds'), { recursive: true });
    // A first build makes the final HTML (and warms the disk cache for both).
    await timeNode([bin, 'build', '-q', '-o', 'first'], project);
    const html = join(project, 'first', 'proof', 'index.html');
    const samples = { cli: [] as Timed[], bare: [] as Timed[] };
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? (['bare', 'cli'] as const) : (['cli', 'bare'] as const)) {
        const timed =
          which === 'cli'
            ? await timeNode([bin, 'build', '-q', '-o', `run-${i}`], project)
            : await timeNode([bare, html, join(project, `bare-${i}.pdf`)], project);
        samples[which].push(timed);
        process.stderr.write(`  cli vs bare ${i + 1}/${runs} ${which}: ${Math.round(timed.ms)} ms\n`);
      }
    }
    return samples;
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

/** Median milliseconds of a list of runs. */
export const medianMs = (runs: Timed[]): number => median(runs.map((r) => r.ms));
