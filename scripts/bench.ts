/**
 * `npm run bench`: builds the seeds edition several times in one process and prints the median
 * time of each stage and of the whole build, plus peak RSS; then the preview's rebuild after a
 * source edit, warm page against new page (speed is measured here, never in tests).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { nodeContext } from '../src/io/context.js';
import { resolveSources } from '../src/pipeline/sources.js';
import { buildEdition } from '../src/pipeline/index.js';
import { createProgress } from '../src/cli/progress.js';
import { benchPreview } from './bench/preview.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const root = process.cwd();
const config = await loadConfig(root);
const sources = await resolveSources(root, config, []);
const samples: Record<string, number[]> = {};
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
for (let i = 0; i < runs; i++) {
  const out = await mkdtemp(join(tmpdir(), 'zhuanban-bench-'));
  const started = performance.now();
  const { report } = await buildEdition(nodeContext(root, createProgress({ quiet: true })), { config, sources, outDir: out });
  (samples.total ??= []).push(performance.now() - started);
  for (const [stage, ms] of Object.entries(report.timings)) (samples[stage] ??= []).push(ms);
  await rm(out, { recursive: true, force: true });
  process.stderr.write(`run ${i + 1}/${runs}: ${Math.round(samples.total.at(-1)!)} ms\n`);
}
clearInterval(timer);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`zhuanban bench: ${sources.length} sources, ${runs} runs (median ms; Chromium runs in its own processes)`);
for (const [stage, xs] of Object.entries(samples)) console.log(`  ${stage.padEnd(10)} ${String(Math.round(median(xs))).padStart(6)}   [${xs.map(Math.round).join(', ')}]`);
console.log(`  node peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);

const preview = await benchPreview(root, runs);
const warm = median(preview.warm);
const fresh = median(preview.fresh);
console.log(`preview rebuild after a source edit, ${runs} edits (median ms, side by side):`);
console.log(`  warm page  ${String(Math.round(warm)).padStart(6)}   [${preview.warm.map(Math.round).join(', ')}]`);
console.log(`  new page   ${String(Math.round(fresh)).padStart(6)}   [${preview.fresh.map(Math.round).join(', ')}]`);
console.log(`  new / warm ${(fresh / warm).toFixed(1)}×`);
