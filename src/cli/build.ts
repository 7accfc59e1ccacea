/**
 * `zhuanban build [sources…]`: the main job. Writes output/edition.pdf, the HTML proofs and
 * output/report.json; prints diagnostics with vfile-reporter; `--strict` fails on overset or underfill.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/schema.js';
import type { BrowserSession } from '../print/browser.js';
import { langFromEnv, resolveLang, translate } from '../i18n/index.js';
import { sourcePaths, UsageError } from './errors.js';
import { checkOutputFolder } from '../io/output-folder.js';

/** A whole number ≥ 1 from the command line. */
function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`expected a whole number ≥ 1, got "${value}"`);
  return n;
}

/** `i/n` with 1 ≤ i ≤ n. */
function shardSpec(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || index < 1 || index > count)
    throw new UsageError(`--shard expects i/n with 1 ≤ i ≤ n (e.g. 1/4), got "${value}"`);
  return { index, count };
}

/** Run a plan/shard/merge step; a plan or part that cannot be used is a usage error (exit 2). */
export async function shardCommand<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    // Loaded only on failure: the pipeline is not imported while commands are registered.
    const { ShardError } = await import('../pipeline/index.js');
    if (error instanceof ShardError) throw new UsageError(error.message);
    throw error;
  }
}

/** The build command's flags, as commander parses them. */
interface BuildFlags {
  out: string;
  strict?: boolean;
  pressReady?: boolean;
  marks: boolean;
  quiet?: boolean;
  jobs?: number;
  batchPages?: number;
  shard?: { index: number; count: number };
  plan: string;
}

/** Register the build command. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description(translate(langFromEnv(), 'cmd.build'))
    .argument('[sources...]', 'source files or folders (.txt raw extraction or .md clean source)')
    .option('-o, --out <dir>', 'output folder', 'output')
    .option(
      '--strict',
      'exit 1 on overset or underfilled pages, any error diagnostic, a low-resolution photo, a refused request or a failed preflight',
    )
    .option('--press-ready', 'also write output/edition-pdfx.pdf (PDF/X, CMYK) with Ghostscript')
    .option('--no-marks', 'omit crop and registration marks (screen proofs)')
    .option('-q, --quiet', 'no progress display')
    .option('-j, --jobs <n>', 'batches of pages made up at once (default: one per core, at most 2)', positiveInt)
    .option(
      '--batch-pages <n>',
      "source pages made up and printed together (default: the pipeline's batch size divided among the jobs)",
      positiveInt,
    )
    .option(
      '--shard <i/n>',
      'build part i of n of the page plan (see `zhuanban plan`) into -o; join the parts with `zhuanban merge`',
      shardSpec,
    )
    .option('--plan <file>', 'the page plan a shard reads', 'plan.json')
    .action(async (sources: string[], opts: BuildFlags) => {
      // Chromium starts first of all (an installed one; puppeteer's own download is found later, by puppeteer):
      // the config, the pipeline and puppeteer load while it starts, and it is connected to once the config
      // says how long it may take. Loaded here, not at the top: `zhuanban --help` should not pay for them.
      // No Chromium is started for an output folder that cannot be one (the user's to fix: exit 2, below).
      const root = process.cwd();
      const outDir = resolve(root, opts.out);
      const folderProblem = await checkOutputFolder(outDir, opts.out).then(
        () => undefined,
        (error: unknown) => error,
      );
      const early = opts.shard || folderProblem ? undefined : await import('../print/chromium-process.js');
      const choice = early && (await import('../print/find-browser.js')).installedBrowser();
      const started = choice && early?.startChromium(choice);
      started?.catch(() => {});
      let launching: Promise<BrowserSession> | undefined;
      try {
        const [{ loadConfig }, { launchBrowser }] = await Promise.all([
          import('../config/load.js'),
          import('../print/browser.js'),
        ]);
        const config = await loadConfig(root);
        if (!opts.shard) {
          // An output folder that cannot be one is the user's to fix (exit 2), reported after the config's errors.
          if (folderProblem) throw folderProblem;
          launching = launchBrowser(config.timeoutMs, { started });
          launching.catch(() => {});
        }
        await runBuild(sources, opts, { root, config, outDir, launching });
      } finally {
        // The build closes the browser it was given; this closes it when the build never started (close is memoised).
        await (await launching?.catch(() => null))?.close();
        // A Chromium started for a build that stopped before connecting to it.
        if (!launching) await (await started?.catch(() => null))?.dispose();
      }
    });
}

/** The build itself, once the config is read and Chromium is starting (`launching`; absent for a shard). */
async function runBuild(
  sources: string[],
  opts: BuildFlags,
  started: { root: string; config: Config; outDir: string; launching?: Promise<BrowserSession> },
): Promise<void> {
  const { root, config, outDir, launching } = started;
  const [{ nodeContext }, pipeline, { createProgress }, { printDiagnostics }] = await Promise.all([
    import('../io/context.js'),
    import('../pipeline/index.js'),
    import('./progress.js'),
    import('./diagnostics.js'),
  ]);
  const { buildEdition, buildShard, preflightVerdicts, strictFailures, resolveSources, SourceError } = pipeline;
  if (opts.shard) {
    if (sources.length) throw new UsageError('a shard builds the sources of its plan; give no sources with --shard');
    const ctx = nodeContext(root, createProgress({ quiet: opts.quiet }));
    await checkOutputFolder(outDir, opts.out);
    const { pages } = await shardCommand(() =>
      buildShard(ctx, {
        config,
        planPath: resolve(root, opts.plan),
        ...opts.shard!,
        outDir,
        jobs: opts.jobs,
        batchSources: opts.batchPages,
      }),
    );
    process.stderr.write(
      `zhuanban: wrote shard ${opts.shard.index}/${opts.shard.count} (${pages} pages) to ${outDir}; join the shards with \`zhuanban merge\`\n`,
    );
    return;
  }
  const paths = await sourcePaths({ resolveSources, SourceError }, root, config, sources);
  const ctx = nodeContext(root, createProgress({ quiet: opts.quiet }));
  const { report, pdfPath } = await buildEdition(ctx, {
    config,
    sources: paths,
    outDir,
    pressReady: opts.pressReady,
    marks: opts.marks && config.marks,
    jobs: opts.jobs,
    batchSources: opts.batchPages,
    browser: launching,
  });
  const lang = resolveLang(config.lang);
  const say = (line: string) => process.stderr.write(`zhuanban: ${line}\n`);
  printDiagnostics(report.diagnostics, root, lang);
  for (const p of report.browserProblems)
    say(translate(lang, 'build.browser', { kind: p.kind, message: p.message, url: p.url }));
  const pages = report.pages
    .map((p) =>
      translate(lang, 'build.page', {
        number: p.number,
        fill: (p.fill * 100).toFixed(1),
        overset: p.oversetChars,
        copy: Math.round(p.shares.copy * 100),
        photos: Math.round(p.shares.photos * 100),
        slots: Math.round(p.shares.emptySlots * 100),
      }),
    )
    .join(lang === 'zh-CN' ? '；' : '; ');
  say(translate(lang, 'build.wrote', { path: pdfPath, count: report.pages.length, pages }));
  if (report.photos.placed.length || report.photos.unused.length) {
    const lowest = Math.min(...report.photos.placed.map((p) => p.effectivePpi));
    say(
      `photos: ${report.photos.placed.length} placed${report.photos.placed.length ? ` (lowest ${lowest} ppi at placed size)` : ''}, ${report.photos.unused.length} unused`,
    );
  }
  for (const v of preflightVerdicts(report))
    say(
      `preflight ${v.name}: ${v.passed ? 'passed' : `FAILED, ${v.issues} issue${v.issues === 1 ? '' : 's'} (see report.json or \`zhuanban preflight ${v.name}\`)`}`,
    );
  const failures = strictFailures(report);
  if (opts.strict && failures.length) {
    for (const f of failures) say(translate(lang, 'build.strict', { failure: f }));
    process.exitCode = 1;
  }
}
