/**
 * The orchestrator (unified's parse → run → stringify; Typst's parse → layout → export): sources →
 * trees → page views → HTML → make-up and print in one Chromium page → print-ready PDF → output/.
 * Every output is written atomically; the browser is closed in `finally`.
 *
 * This module is the pipeline's public API: the CLI, the preview and the library use the steps
 * exported here and nothing else inside src/pipeline.
 */
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import { explainBrowserError, withBrowser } from '../print/browser.js';
import { printPdf } from '../print/print-pdf.js';
import { layoutEdition, type StageTimer } from './lay-out.js';
import { writeOutputs } from './outputs.js';
import { buildReport, type Report } from './report.js';

export { type BrowserSession, launchBrowser, type PageProblem } from '../print/browser.js';
export { type LaidOutEdition, layoutEdition, type StageTimer } from './lay-out.js';
export { buildReport, type Report, strictFailures } from './report.js';
export { resolveSources, SourceError } from './sources.js';

/** What a build is asked to do. */
export interface BuildOptions {
  config: Config;
  sources: string[];
  outDir: string;
  pressReady?: boolean;
  marks?: boolean;
}

/** What a build produced; `report` is also written to report.json. */
export interface BuildResult {
  report: Report;
  pdfPath: string;
}

/** What each browser stage is doing, for a Chromium fault's message ("… while laying out the pages"). */
const BROWSER_STAGES: Record<string, string> = { load: 'loading the edition into Chromium', layout: 'laying out the pages', print: 'printing the PDF' };

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

/** Build the edition. Throws on failure; nothing half-written is left in `outDir`. */
export async function buildEdition(ctx: Context, options: BuildOptions): Promise<BuildResult> {
  const { config, outDir } = options;
  const timings: Record<string, number> = {};
  const time = stageTimer(ctx, timings, config.timeoutMs);
  return withBrowser(config.timeoutMs, async (session) => {
    const laid = await layoutEdition(ctx, session, { config, sources: options.sources, proofDir: join(outDir, 'proof'), time });
    const pdf = await time('print', () => printPdf(laid.page, laid.sheet.sheet, config.timeoutMs));
    await laid.page.close();
    await session.close();
    const report = buildReport({ config, sheet: laid.sheet, views: laid.views, pass: laid.pass, diagnostics: laid.diagnostics, timings,
      problems: session.problems, sources: options.sources, ctx, fileOf: laid.fileOf });
    const pdfPath = await time('outputs', () => writeOutputs(ctx, { outDir, pdf, proof: laid.proof, views: laid.views, report, config,
      date: laid.date, title: laid.title, pressReady: !!options.pressReady, marks: options.marks ?? config.marks }));
    report.timings = timings;
    await ctx.writeFileAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
    return { report, pdfPath };
  });
}
