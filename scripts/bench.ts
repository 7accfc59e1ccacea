/**
 * `npm run bench`, in one run (speed is measured here, never in tests):
 *  1. the CLI end to end against bare Chromium printing the CLI's own final HTML, interleaved;
 *  2. editions of 10/50/100 pages (BENCH_PAGES=10,50,100,1000 to change), with 1 and 2 jobs (BENCH_JOBS):
 *     time, time per page, peak memory of node plus Chromium; 100 pages also in one document;
 *  3. the seeds edition built in this process: median time of each stage;
 *  4. the preview's rebuild after a source edit, warm page against new page; a save → the proof on screen
 *     in a viewer, and *Write PDF* after a save (BENCH_ONLY=preview runs only this);
 *  5. parse time per MB (scripts/bench/parse.ts, when present).
 * BENCH_RUNS=N sets the runs of 1, 3 and 4 (default 5); BENCH_ONLY=cli,scale,stages,preview,parse picks sections.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { nodeContext } from '../src/io/context.js';
import { resolveSources } from '../src/pipeline/sources.js';
import { buildEdition } from '../src/pipeline/index.js';
import { createProgress } from '../src/cli/progress.js';
import { benchPreview, benchPreviewOnScreen } from './bench/preview.js';
import { benchCli, medianMs } from './bench/cli.js';
import { benchScale } from './bench/scale.js';
import { median, mib, seconds } from './bench/run.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_PAGES ?? '10,50,100').split(',').map(Number);
const jobs = (process.env.BENCH_JOBS ?? '1,2').split(',').map(Number);
const only = new Set((process.env.BENCH_ONLY ?? 'cli,scale,stages,preview,parse').split(','));
const root = process.cwd();
const row = (label: string, xs: number[]) =>
  `  ${label.padEnd(12)} ${String(Math.round(median(xs))).padStart(6)}   [${xs.map(Math.round).join(', ')}]`;

// The CLI is measured as it ships, compiled to dist/ (with stale or no dist/ the bin transpiles the sources on every start).
if (only.has('cli') || only.has('scale')) {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  if (built.status !== 0)
    console.log(`  npm run build exited ${built.status}: the CLI runs from its TypeScript sources`);
}

if (only.has('cli')) {
  const before = loadavg()[0]!;
  const { cli, bare } = await benchCli(root, runs);
  const [c, b] = [medianMs(cli), medianMs(bare)];
  console.log(
    `CLI end to end against bare Chromium printing the same final HTML, ${runs} runs interleaved (median ms):`,
  );
  console.log(
    row(
      'zhuanban',
      cli.map((r) => r.ms),
    ),
  );
  console.log(
    row(
      'bare',
      bare.map((r) => r.ms),
    ),
  );
  console.log(
    `  ratio        ${(c / b).toFixed(2)}×   peak node+Chromium PSS: zhuanban ${mib(median(cli.map((r) => r.peakBytes)))} MiB, bare ${mib(median(bare.map((r) => r.peakBytes)))} MiB`,
  );
  console.log(
    `  load average ${before.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (${availableParallelism()} cores)`,
  );
}

if (only.has('scale')) {
  console.log('Edition size (CLI in a new process; memory: peak summed PSS of node and every Chromium process):');
  console.log('  jobs  sources  pages  time s  ms/page  peak MiB  PDF MiB');
  for (const size of sizes)
    for (const j of jobs) {
      const [r] = await benchScale(root, [size], ['-j', String(j)]);
      console.log(
        `  ${String(j).padStart(4)}  ${String(r!.sources).padStart(7)}  ${String(r!.pages).padStart(5)}  ${seconds(r!.ms).padStart(6)}  ${String(Math.round(r!.ms / r!.pages)).padStart(7)}  ${mib(r!.peakBytes).padStart(8)}  ${(r!.pdfBytes / 2 ** 20).toFixed(1).padStart(7)}`,
      );
    }
  // The same 100 pages in one document (one batch), for the PDF size and memory batching saves.
  if (sizes.includes(100)) {
    const [r] = await benchScale(root, [100], ['-j', '1', '--batch-pages', '100']);
    console.log(
      `  one document, 100 sources: ${seconds(r!.ms)} s, peak ${mib(r!.peakBytes)} MiB, PDF ${(r!.pdfBytes / 2 ** 20).toFixed(1)} MiB`,
    );
  }
}

if (only.has('stages')) {
  const config = await loadConfig(root);
  const sources = await resolveSources(root, config, []);
  const samples: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    const out = await mkdtemp(join(tmpdir(), 'zhuanban-bench-'));
    const started = performance.now();
    const { report } = await buildEdition(nodeContext(root, createProgress({ quiet: true })), {
      config,
      sources,
      outDir: out,
    });
    (samples.total ??= []).push(performance.now() - started);
    for (const [stage, ms] of Object.entries(report.timings)) (samples[stage] ??= []).push(ms);
    await rm(out, { recursive: true, force: true });
  }
  console.log(`Seeds edition in this process: ${sources.length} sources, ${runs} runs (median ms per stage):`);
  for (const [stage, xs] of Object.entries(samples)) console.log(row(stage, xs));
}

if (only.has('preview')) {
  const preview = await benchPreview(root, runs);
  const [warm, fresh] = [median(preview.warm), median(preview.fresh)];
  console.log(`Preview rebuild after a source edit, ${runs} edits (median ms, side by side):`);
  console.log(row('warm page', preview.warm));
  console.log(row('new page', preview.fresh));
  console.log(`  new / warm   ${(fresh / warm).toFixed(1)}×`);
  const seen = await benchPreviewOnScreen(root, runs * 2, Math.min(3, runs));
  console.log(`Preview in use: a save → its text on screen in the viewer, ${seen.onScreen.length} saves (median ms):`);
  console.log(row('on screen', seen.onScreen));
  console.log(row('rebuild', seen.rebuild));
  console.log(row('write PDF', seen.pdf));
}

const parseBench = join(root, 'scripts', 'bench', 'parse.ts');
if (only.has('parse') && existsSync(parseBench)) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', parseBench], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) console.log(`  parse bench exited ${result.status}`);
}
