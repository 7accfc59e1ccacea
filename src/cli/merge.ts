/**
 * `zhuanban merge DIR… -o DIR`: join the parts that `build --shard i/n` wrote into the edition: one PDF
 * with bookmarks and page labels, the proofs and report.json, as one build writes them.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { shardCommand } from './build.js';

/** Register the merge command. */
export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join the shards built with `build --shard i/n` into the edition')
    .argument('<dirs...>', "the shards' output folders (any order)")
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--press-ready', 'also write output/edition-pdfx.pdf (PDF/X, CMYK) with Ghostscript')
    .option('--no-marks', 'omit crop and registration marks (screen proofs)')
    .option('-q, --quiet', 'no progress display')
    .action(async (dirs: string[], opts: { out: string; pressReady?: boolean; marks: boolean; quiet?: boolean }) => {
      const [{ loadConfig }, { nodeContext }, { mergeShards }, { createProgress }, { printDiagnostics }] =
        await Promise.all([
          import('../config/load.js'),
          import('../io/context.js'),
          import('../pipeline/index.js'),
          import('./progress.js'),
          import('./diagnostics.js'),
        ]);
      const root = process.cwd();
      const config = await loadConfig(root);
      const ctx = nodeContext(root, createProgress({ quiet: opts.quiet }));
      const { report, pdfPath } = await shardCommand(() =>
        mergeShards(ctx, {
          config,
          partDirs: dirs.map((d) => resolve(root, d)),
          outDir: resolve(root, opts.out),
          pressReady: opts.pressReady,
          marks: opts.marks && config.marks,
        }),
      );
      printDiagnostics(report.diagnostics, root);
      process.stderr.write(`zhuanban: wrote ${pdfPath} (${report.pages.length} pages)\n`);
    });
}
