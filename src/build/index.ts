/**
 * The orchestrator (unified's parse → run → stringify; Typst's parse → layout → export): sources →
 * trees → page views → HTML → make-up and print in one Chromium page → print-ready PDF → output/.
 * Every output is written atomically; the browser is closed in `finally`.
 */
import { join, relative } from 'node:path';
import type { ZbDocument, Diagnostic } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import { parseSource } from '../parse/index.js';
import { sheetGeometry } from '../render/geometry.js';
import { loadTemplates, renderEdition } from '../render/html.js';
import { withBrowser } from '../print/browser.js';
import { openEdition, serialise } from '../print/page-session.js';
import { buildPageViews, editionDate } from './pages.js';
import { layoutPass, type LayoutPassResult } from './layout-pass.js';
import { splitLastArticle } from './continuation.js';
import { writeOutputs } from './outputs.js';
import { buildReport, type Report } from './report.js';

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

const MAX_CONTINUATIONS = 20;

/** Build the edition. Throws on failure; nothing half-written is left in `outDir`. */
export async function buildEdition(ctx: Context, options: BuildOptions): Promise<BuildResult> {
  const { config, outDir } = options;
  const timings: Record<string, number> = {};
  const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    ctx.progress.stage(stage);
    try { return await fn(); } finally { timings[stage] = Math.round(performance.now() - start); }
  };
  const parsed = await time('parse', async () => {
    const results = [];
    for (const [i, path] of options.sources.entries()) {
      ctx.progress.step(i + 1, options.sources.length, relative(ctx.root, path));
      results.push({ path, ...parseSource(await ctx.readFile(path), path) });
    }
    ctx.progress.done();
    return results;
  });
  const diagnostics: Diagnostic[] = parsed.flatMap(({ path, tree }) => tree.diagnostics.map((d) => ({ ...d, file: relative(ctx.root, path) })));
  let docs: ZbDocument[] = parsed.map((p) => p.tree);
  const sheet = sheetGeometry(config);
  const template = await time('templates', () => loadTemplates(ctx));
  const proofDir = join(outDir, 'proof');
  const date = editionDate(config, ctx.now());
  const title = `${config.paper} ${config.section}专版`;

  return withBrowser(config.timeoutMs, async (session) => {
    let pass: LayoutPassResult | undefined;
    let views = buildPageViews(docs, config, date);
    let page;
    for (let attempt = 0; ; attempt++) {
      views = buildPageViews(docs, config, date);
      const html = renderEdition(template, { ctx, config, sheet, pages: views.pages, title, htmlDir: proofDir, mode: 'print' });
      const measurePath = join(proofDir, '.edition.html');
      await ctx.writeFileAtomic(measurePath, html);
      await page?.close();
      page = await time('load', () => openEdition(session, measurePath));
      pass = await time('layout', () => layoutPass(page!, views.pages, sheet.grid));
      if (pass.overfull < 0) break;
      if (attempt >= MAX_CONTINUATIONS) throw new Error(`page ${views.pages[pass.overfull]!.number}: copy does not fit even after ${attempt} continuation pages`);
      const view = views.pages[pass.overfull]!;
      diagnostics.push({ ruleId: 'continued', severity: 'warning', file: view.source, line: view.articles.at(-1)?.line ?? 1, column: 1,
        message: `page ${view.number}: copy too long for one page; 「${view.articles.at(-1)?.headline}」 continues on the next page with jump lines` });
      docs = splitLastArticle(docs, pass.overfull, pass.keepShare);
    }
    const proof = await serialise(page!);
    ctx.progress.stage('print');
    const pdf = await time('print', () =>
      page!.pdf({ width: `${sheet.sheet.widthMm}mm`, height: `${sheet.sheet.heightMm}mm`, printBackground: true, tagged: true, outline: true,
        preferCSSPageSize: true, timeout: config.timeoutMs }),
    );
    await page!.close();
    await session.close();
    const report = buildReport({ config, sheet, views: views.pages, pass: pass!, diagnostics, timings, problems: session.problems, sources: options.sources, ctx });
    const pdfPath = await time('outputs', () => writeOutputs(ctx, { outDir, pdf, proof, views: views.pages, report, config, date, title, pressReady: !!options.pressReady, marks: options.marks ?? config.marks }));
    report.timings = timings;
    await ctx.writeFileAtomic(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    return { report, pdfPath };
  });
}
