/**
 * `zhuanban plan [sources…]`: make the edition up once and write the page plan (where each source's pages
 * start and how many it fills) that `build --shard i/n` reads, so shards on other machines number their
 * pages and jump lines as one build would.
 */
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { sourcePaths } from './errors.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

/** Register the plan command. */
export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('make the edition up and write the page plan that `build --shard i/n` reads')
    .argument('[sources...]', "source files or folders (default: the config's sources, else seeds/)")
    .option('-o, --out <file>', 'plan file', 'plan.json')
    .option('-q, --quiet', 'no progress display')
    .action(async (sources: string[], opts: { out: string; quiet?: boolean }) => {
      const [{ loadConfig }, { nodeContext }, { planEdition, resolveSources, SourceError }, { createProgress }] =
        await Promise.all([
          import('../config/load.js'),
          import('../io/context.js'),
          import('../pipeline/index.js'),
          import('./progress.js'),
        ]);
      const root = process.cwd();
      const config = await loadConfig(root);
      const paths = await sourcePaths({ resolveSources, SourceError }, root, config, sources);
      const ctx = nodeContext(root, createProgress({ quiet: opts.quiet }));
      // The make-up's measuring documents go to a scratch folder: a plan writes nothing but the plan.
      const scratch = await mkdtemp(join(tmpdir(), 'zhuanban-plan-'));
      try {
        const plan = await planEdition(ctx, { config, sources: paths, proofDir: scratch });
        const out = resolve(root, opts.out);
        await ctx.writeFileAtomic(out, `${JSON.stringify(plan, null, 2)}\n`);
        const pages = plan.sources.reduce((n, s) => n + s.pages, 0);
        process.stderr.write(
          `zhuanban: wrote ${relative(root, out)} (${plan.sources.length} sources, ${pages} pages)\n`,
        );
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    });
}
