/**
 * The make-up loop over the whole edition, in one Chromium page: render the documents, load them,
 * measure, pack, apply and inspect every page; when a page's copy cannot fit, continue its last
 * article on a following page (or move it whole) and lay out again in the same page. The caller
 * renders (numbering, templates) and prints; this module only lays out.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import type { ZbDocument } from '../ast/types.js';
import type { Context } from '../io/context.js';
import type { BrowserSession } from '../print/browser.js';
import { serialise, type ReusablePage } from '../print/page-session.js';
import type { Grid } from '../render/geometry.js';
import type { PageView } from '../render/view.js';
import { moveLastArticle, splitLastArticle } from './continuation.js';
import { layoutPass, type LayoutPassResult } from './layout-pass.js';
import { openMakeUpPage } from './measure.js';

/** Runs one named stage, timing it. */
export type StageTimer = <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;

/** One rendering of the edition: its page views and the HTML that shows them. */
export interface RenderedEdition {
  pages: PageView[];
  html: string;
}

/** What the make-up loop needs from its caller. */
export interface MakeUpOptions<R extends RenderedEdition> {
  docs: ZbDocument[];
  grid: Grid;
  /** Folder of the measuring file `.edition.html` (the proofs' folder, so relative links resolve). */
  proofDir: string;
  time: StageTimer;
  /** Render documents (with continuation pages) as page views and edition HTML. */
  render: (docs: ZbDocument[]) => R;
  /** A page an earlier call with the same `proofDir` returned; the edition is laid out again in it. */
  reuse?: ReusablePage | null;
  /** Name of the measuring file (one per page made up at once); default `.edition.html`. */
  measureName?: string;
  /** Called once every page is made up, before the proof is taken: what needs the placed sizes (photos) is done here. */
  finish?: (page: Page, rendered: R) => Promise<void>;
}

/** The made-up edition, still open in its Chromium page. */
export interface MadeUpEdition<R extends RenderedEdition> {
  page: Page;
  docs: ZbDocument[];
  rendered: R;
  pass: LayoutPassResult;
  proof: { head: string; pages: string[] };
}

/** More continuation pages than this for one edition means the copy can never fit. */
const MAX_CONTINUATIONS = 60;
/** A split that keeps less of the last article than this moves it whole instead. */
const MIN_SHARE = 0.1;
/** Cuts of one page's last article tried before it moves whole instead. */
const MAX_RESPLITS = 3;

/**
 * Make up every page of the edition in `session`; the caller closes the returned page. `session` may be
 * still starting: the first rendering is made and written while Chromium starts.
 */
export async function makeUpEdition<R extends RenderedEdition>(
  ctx: Context,
  starting: BrowserSession | Promise<BrowserSession>,
  options: MakeUpOptions<R>,
): Promise<MadeUpEdition<R>> {
  const { proofDir, time } = options;
  let docs = options.docs;
  // Splits already made, by page index: the documents before the split and the share kept, so a page
  // that still does not fit after its split is re-split from the original with less copy, not split twice.
  const splits = new Map<number, { before: ZbDocument[]; share: number; tries: number }>();
  let reuse = options.reuse ?? null;
  for (let attempt = 0; ; attempt++) {
    const rendered = options.render(docs);
    const measurePath = join(proofDir, options.measureName ?? '.edition.html');
    await ctx.writeFileAtomic(measurePath, rendered.html);
    const previous = reuse;
    const session = await starting;
    const current = await time('load', () => openMakeUpPage(ctx, session, measurePath, rendered.html, previous));
    reuse = { page: current, reloadStyles: false };
    const pass = await time('layout', () => layoutPass(current, rendered.pages, options.grid));
    if (pass.overfull < 0) {
      await options.finish?.(current, rendered);
      return { page: current, docs, rendered, pass, proof: await serialise(current) };
    }
    // The next attempt (with a continuation page) is swapped into this same page.
    const view = rendered.pages[pass.overfull]!;
    if (attempt >= MAX_CONTINUATIONS)
      throw new Error(`page ${view.number}: copy does not fit even after ${attempt} continuation pages`);
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
    if (moved === before)
      throw new Error(
        `page ${view.number}: its copy does not fit; even one article with a few lines is too much for this page size`,
      );
    docs = moved;
  }
}
