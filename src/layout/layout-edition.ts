/**
 * Everything up to the print: parse every source, build the page views, render the templates,
 * and make up the pages in one Chromium page. Shared by `build` (which then prints the PDF) and
 * `preview` (which keeps a browser alive and serves the proof).
 */
import { join, relative } from 'node:path';
import type { Page } from 'puppeteer';
import type { Diagnostic, ZbDocument } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import { parseSource } from '../parse/index.js';
import { sheetGeometry, type Sheet } from '../render/geometry.js';
import { loadTemplates, renderEdition } from '../render/html.js';
import { loadBodyPlugins } from '../render/plugins.js';
import type { PageView } from '../render/view.js';
import type { BrowserSession } from '../print/browser.js';
import { openEdition, serialise, type ReusablePage } from '../print/page-session.js';
import { buildPageViews, editionDate, viewDiagnostics } from '../pipeline/pages.js';
import { layoutPass, type LayoutPassResult } from './layout-pass.js';
import { moveLastArticle, splitLastArticle } from './continuation.js';

/** A source file the importer refuses; the build stops with its name. */
export class SourceRefused extends Error {
  override name = 'SourceRefused';
}

/** Runs one named stage, timing it. */
export type StageTimer = <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;

/** The laid-out edition, still open in its Chromium page. */
export interface LaidOutEdition {
  page: Page;
  sheet: Sheet;
  views: PageView[];
  pass: LayoutPassResult;
  proof: { head: string; pages: string[] };
  diagnostics: Diagnostic[];
  docs: ZbDocument[];
  date: Date;
  title: string;
  /** Source basename → path relative to the project, for file:line in diagnostics. */
  fileOf: (source: string) => string;
}

const MAX_CONTINUATIONS = 60;
/** A split that keeps less of the last article than this moves it whole instead. */
const MIN_SHARE = 0.1;
/** Cuts of one page's last article tried before it moves whole instead. */
const MAX_RESPLITS = 3;

/**
 * Parse, render and make up the edition in `session`; the caller closes the returned page. `reuse` is the page
 * an earlier call with the same `proofDir` returned (the preview's); the edition is laid out again in it.
 */
export async function layoutEdition(ctx: Context, session: BrowserSession,
  options: { config: Config; sources: string[]; proofDir: string; time: StageTimer; reuse?: ReusablePage | null }): Promise<LaidOutEdition> {
  const { config, proofDir, time } = options;
  const parsed = await time('parse', async () => {
    const results = [];
    for (const [i, path] of options.sources.entries()) {
      ctx.progress.step(i + 1, options.sources.length, relative(ctx.root, path));
      try {
        results.push({ path, ...parseSource(await ctx.readFile(path), path) });
      } catch (error) {
        // A source the importer refuses (binary, undecodable) names its file.
        const reason = (error as Error).message;
        throw new SourceRefused(reason.includes(path) ? reason.replace(path, relative(ctx.root, path)) : `${relative(ctx.root, path)}: ${reason}`);
      }
    }
    ctx.progress.done();
    return results;
  });
  const fileOf = new Map(parsed.map(({ path, tree }) => [tree.source, relative(ctx.root, path)]));
  const diagnostics: Diagnostic[] = parsed.flatMap(({ path, tree }) => tree.diagnostics.map((d) => ({ ...d, file: relative(ctx.root, path) })));
  let docs: ZbDocument[] = parsed.map((p) => p.tree);
  const sheet = sheetGeometry(config);
  const template = await time('templates', () => loadTemplates(ctx, config.templates));
  const plugins = await time('templates', () => loadBodyPlugins(ctx.root, config));
  const date = editionDate(config, ctx.now());
  const title = `${config.paper} ${config.section}专版`;
  // Splits already made, by page index: the documents before the split and the share kept, so a page
  // that still does not fit after its split is re-split from the original with less copy, not split twice.
  const splits = new Map<number, { before: ZbDocument[]; share: number; tries: number }>();
  let reuse = options.reuse ?? null;
  for (let attempt = 0; ; attempt++) {
    const views = buildPageViews(docs, config, date, plugins);
    const html = renderEdition(template, { ctx, config, sheet, pages: views.pages, title, htmlDir: proofDir, mode: 'print' });
    const measurePath = join(proofDir, '.edition.html');
    await ctx.writeFileAtomic(measurePath, html);
    const previous = reuse;
    const current = await time('load', () => openEdition(session, measurePath, html, previous));
    reuse = { page: current, reloadStyles: false };
    const pass = await time('layout', () => layoutPass(current, views.pages, sheet.grid));
    if (pass.overfull < 0) {
      const proof = await serialise(current);
      for (const d of diagnostics) if (d.file && fileOf.has(d.file)) d.file = fileOf.get(d.file);
      diagnostics.push(...viewDiagnostics(views, (s) => fileOf.get(s) ?? s));
      return { page: current, sheet, views: views.pages, pass, proof, diagnostics, docs, date, title, fileOf: (s) => fileOf.get(s) ?? s };
    }
    // The next attempt (with a continuation page) is swapped into this same page.
    const view = views.pages[pass.overfull]!;
    if (attempt >= MAX_CONTINUATIONS) throw new Error(`page ${view.number}: copy does not fit even after ${attempt} continuation pages`);
    const earlier = splits.get(pass.overfull);
    // On a page already split, keepShare is the part of the kept head that fits: scale the first cut by it.
    const share = earlier ? earlier.share * pass.keepShare : pass.keepShare;
    const before = earlier ? earlier.before : docs;
    const tries = (earlier?.tries ?? 0) + 1;
    for (const key of [...splits.keys()]) if (key >= pass.overfull) splits.delete(key);
    // A split that still does not fit after a few cuts is not the problem (the other articles and their
    // pictures are): the last article moves whole, when the page has another.
    const giveUp = tries > MAX_RESPLITS && before[pass.overfull]!.articles.length > 1;
    const split = share >= MIN_SHARE && !giveUp ? splitLastArticle(before, pass.overfull, share) : before;
    if (split !== before) {
      splits.set(pass.overfull, { before, share, tries });
      docs = split;
      continue;
    }
    // Too little of the last article would stay (or it cannot be cut): it moves whole to the next page.
    const moved = moveLastArticle(before, pass.overfull);
    if (moved === before) throw new Error(`page ${view.number}: its copy does not fit; even one article with a few lines is too much for this page size`);
    docs = moved;
  }
}
