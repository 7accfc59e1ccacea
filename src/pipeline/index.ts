/**
 * The orchestrator (unified's parse → run → stringify; Typst's parse → layout → export): sources →
 * trees → page views → HTML → make-up and print in Chromium, in batches of pages (batches.ts) → one
 * print-ready PDF → output/.
 * The outputs are written into a staging folder and swapped in whole; the browser is closed in `finally`.
 *
 * This module is the pipeline's public API: the CLI, the preview and the library use the steps
 * exported here and nothing else inside src/pipeline.
 */
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../ast/types.js';
import type { LayoutPassResult } from '../layout/layout-pass.js';
import { mergePdfs } from '../pdf/merge.js';
import { type BrowserSession, explainBrowserError, launchBrowser, type PageProblem } from '../print/browser.js';
import { sheetGeometry } from '../render/geometry.js';
import type { PageView } from '../render/view.js';
import { layoutAndPrint } from './batches.js';
import { prepareEdition, type StageTimer } from './lay-out.js';
import { writeOutputs, writeProofs } from './outputs.js';
import { beginStaging, type Staging } from './staging.js';
import { buildReport, type Report } from './report.js';

export { type BrowserSession, launchBrowser, type PageProblem } from '../print/browser.js';
export { type LaidOutEdition, layoutEdition, type ParseCache, type StageTimer } from './lay-out.js';
export { buildReport, preflightVerdicts, type Report, strictFailures } from './report.js';
export { resolveSources, SourceError } from './sources.js';
export { buildShard, mergeShards, planEdition, ShardError } from './shards.js';

/** What a build is asked to do. */
export interface BuildOptions {
  config: Config;
  sources: string[];
  outDir: string;
  pressReady?: boolean;
  marks?: boolean;
  /** Source pages made up and printed together (default: BATCH_SOURCES shared among the jobs). */
  batchSources?: number;
  /** Batches made up at once (default: defaultJobs()). */
  jobs?: number;
  /**
   * A Chromium already starting (the CLI starts it before it loads the pipeline, so the two overlap).
   * The build owns it from here and closes it, whatever happens; default: launched here.
   */
  browser?: Promise<BrowserSession>;
}

const MAX_DEFAULT_JOBS = 2;

/** What a build produced; `report` is also written to report.json. */
export interface BuildResult {
  report: Report;
  pdfPath: string;
}

/** What each browser stage is doing, for a Chromium fault's message ("… while laying out the pages"). */
const BROWSER_STAGES: Record<string, string> = {
  load: 'loading the edition into Chromium',
  layout: 'laying out the pages',
  print: 'printing the PDF',
};

/**
 * A timer that records each stage's duration and announces it on the progress display; a Chromium fault
 * in a browser stage is reworded to say what was being done and which timeout bounds it.
 */
export function stageTimer(ctx: Context, timings: Record<string, number>, timeoutMs?: number): StageTimer {
  return async (stage, fn) => {
    const start = performance.now();
    ctx.progress.stage(stage);
    try {
      return await fn();
    } catch (error) {
      throw timeoutMs && BROWSER_STAGES[stage] ? explainBrowserError(error, timeoutMs, BROWSER_STAGES[stage]) : error;
    } finally {
      timings[stage] = (timings[stage] ?? 0) + Math.round(performance.now() - start);
    }
  };
}

/**
 * Build the edition. Everything is written into a staging folder beside `outDir` (the measuring file
 * included) and swapped in whole at the end: on failure or a signal the previous output stays exactly as it was.
 */
export async function buildEdition(ctx: Context, options: BuildOptions): Promise<BuildResult> {
  const { config, outDir } = options;
  const timings: Record<string, number> = {};
  const time = stageTimer(ctx, timings, config.timeoutMs);
  // A Chromium the caller started is closed in `finally` whatever happens, even when the folder is locked.
  let launching = options.browser;
  launching?.catch(() => {});
  let staging: Staging | undefined;
  let proofs: { written: Promise<void>; fetched: number } | undefined;
  try {
    // Taken before any work: a folder locked by another build, or one that takes no files, is said at once.
    staging = await beginStaging(outDir);
    // Chromium starts while the sources are parsed.
    launching ??= launchBrowser(config.timeoutMs);
    launching.catch(() => {});
    const edition = await prepareEdition(ctx, { config, sources: options.sources, time });
    // The first batch is rendered and written while Chromium may still be starting.
    let live: BrowserSession | undefined;
    const started = launching.then((s) => (live = s));
    started.catch(() => {});
    const proofDir = join(staging.dir, 'proof');
    const printed = await layoutAndPrint(ctx, started, edition, {
      config,
      proofDir,
      time,
      batchSources: options.batchSources,
      jobs: options.jobs ?? defaultJobs(),
      // The proofs need the made-up pages and the files the page loaded, nothing printed: they are
      // written while Chromium prints.
      laidOut: (proof) => {
        // Laid out means Chromium started: the session is known.
        const fetched = new Set(live!.fetched);
        proofs = { written: writeProofs(ctx, proofDir, proof, fetched), fetched: fetched.size };
        proofs.written.catch(() => {});
      },
    });
    const early = proofs;
    const session = await started;
    // Should printing have loaded a file the made-up pages had not (never seen), the proofs are written again.
    const proofsWritten = early?.written.then(() =>
      session.fetched.size === early.fetched ? undefined : writeProofs(ctx, proofDir, printed.proof, session.fetched),
    );
    // Chromium exits while the outputs are written (its close is memoised and awaited in `finally`).
    void session.close();
    return await writeEdition(
      ctx,
      {
        config,
        outDir,
        pdfs: printed.pdfs,
        views: printed.views,
        pass: printed.pass,
        proof: printed.proof,
        diagnostics: [...edition.diagnostics, ...printed.diagnostics],
        problems: session.problems,
        sources: options.sources,
        fileOf: edition.fileOf,
        date: edition.date,
        title: edition.title,
        pressReady: options.pressReady,
        marks: options.marks,
        timings,
        time,
        photos: { placed: printed.photos, unused: edition.unusedPhotos },
        fetched: session.fetched,
        proofsWritten,
      },
      staging,
    );
  } finally {
    await (await launching?.catch(() => null))?.close();
    // Nothing is still being written into the staging folder when it goes.
    await proofs?.written.catch(() => {});
    await staging?.discard();
  }
}

/** Pages made up at once by default: one per core, at most two. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_JOBS, availableParallelism()));
}

/** What the last step of a build (or of a merge of shards) writes from. */
export interface EditionParts {
  config: Config;
  outDir: string;
  /** Chromium's PDFs of consecutive runs of pages, in order. */
  pdfs: Uint8Array[];
  views: PageView[];
  pass: LayoutPassResult;
  proof: { head: string; pages: string[] };
  diagnostics: Diagnostic[];
  problems: PageProblem[];
  sources: string[];
  fileOf: (source: string) => string;
  date: Date;
  title: string;
  pressReady?: boolean;
  marks?: boolean;
  timings: Record<string, number>;
  time: StageTimer;
  /** Photos placed and photos no figure took (absent: none). */
  photos?: Report['photos'];
  /** File URLs the printing pages fetched (fonts the proof needs); absent: chosen by the characters printed. */
  fetched?: Set<string>;
  /** The proofs, already being written (see OutputArgs). */
  proofsWritten?: Promise<void>;
}

/**
 * One PDF from the printed parts, then the report, the finished PDF, the proofs and report.json, all in
 * `staged` (or a staging folder of its own) and swapped in place of `outDir` once everything is written.
 */
export async function writeEdition(ctx: Context, parts: EditionParts, staged?: Staging): Promise<BuildResult> {
  const { config, outDir, views, time, timings } = parts;
  const staging = staged ?? (await beginStaging(outDir));
  try {
    const pdf = parts.pdfs.length === 1 ? parts.pdfs[0]! : await time('merge', () => mergePdfs(parts.pdfs));
    const report = buildReport({
      config,
      sheet: sheetGeometry(config),
      views,
      pass: parts.pass,
      diagnostics: parts.diagnostics,
      timings,
      problems: parts.problems,
      sources: parts.sources,
      ctx,
      fileOf: parts.fileOf,
      photos: parts.photos,
    });
    await time('outputs', () =>
      writeOutputs(ctx, {
        outDir: staging.dir,
        pdf,
        proof: parts.proof,
        views,
        report,
        config,
        date: parts.date,
        title: parts.title,
        pressReady: !!parts.pressReady,
        marks: parts.marks ?? config.marks,
        fetched: parts.fetched,
        proofsWritten: parts.proofsWritten,
      }),
    );
    report.timings = timings;
    renameOutputPaths(report, staging.dir, outDir);
    await ctx.writeFileAtomic(join(staging.dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    await staging.commit();
    return { report, pdfPath: join(outDir, 'edition.pdf') };
  } finally {
    if (!staged) await staging.discard();
  }
}

/** The preflight verdicts name the files they checked: name them where they end up, not in the staging folder. */
function renameOutputPaths(report: Report, from: string, to: string): void {
  const checks = (report.preflight ?? {}) as Record<string, { file?: unknown }>;
  for (const check of Object.values(checks))
    if (check && typeof check.file === 'string' && check.file.startsWith(from))
      check.file = to + check.file.slice(from.length);
}
