/**
 * A large edition is made up and printed in batches of source pages, so memory stays flat however many
 * pages there are (one Chromium document per batch, each swapped into the same page so fonts stay decoded)
 * and make-up stays fast (measuring in a small document reflows a small document). With two workers, two
 * batches are made up at once in two pages of the one browser; Chromium renders each page in a process of
 * its own, so each makes up on its own core. (A browser context of its own per page cost about 60 MB more
 * and rendered no faster.)
 *
 * Page numbers run on across batches: a batch's first page follows the previous batch's last, which is
 * known only once that batch is made up (continuation pages add pages). A worker that starts early guesses
 * (one page per source) and makes its batch up again when the guess was wrong, before printing, so the
 * result is the same as one worker's, batch for batch.
 */
import type { Page } from 'puppeteer';
import type { Config } from '../config/schema.js';
import type { Context } from '../io/context.js';
import type { Diagnostic, ZbDocument } from '../ast/types.js';
import type { BrowserSession } from '../print/browser.js';
import { printPdf } from '../print/print-pdf.js';
import type { PageView } from '../render/view.js';
import { layoutPages, type LaidOutEdition, type ParsedEdition, type StageTimer } from './lay-out.js';
import type { PlacedPhoto } from './photos.js';
import type { LayoutPassResult } from '../layout/layout-pass.js';
import { type PageRun, pageNumbers } from './pages.js';
import { isOverflowPage } from '../layout/continuation.js';

/** Pages per source in a made-up run of documents: a page the make-up added belongs to the source before it. */
function pagesPerSource(docs: ZbDocument[]): number[] {
  const out: number[] = [];
  for (const doc of docs) {
    if (isOverflowPage(doc) && out.length) out[out.length - 1]!++;
    else out.push(1);
  }
  return out;
}

/**
 * Source pages held in Chromium at once (about 10 MB each): one batch of this many with one job, two
 * batches of half as many with two, so memory is the same either way.
 */
export const BATCH_SOURCES = 10;

/** The made-up edition, printed one PDF per batch (in order). */
export interface PrintedEdition {
  pdfs: Uint8Array[];
  /** Pages each source filled (1 plus its continuation pages), in source order. */
  pagesPerSource: number[];
  views: PageView[];
  pass: LayoutPassResult;
  proof: { head: string; pages: string[] };
  /** The make-up's diagnostics (the parser's are in the ParsedEdition). */
  diagnostics: Diagnostic[];
  /** Photos placed, in page order. */
  photos: PlacedPhoto[];
}

/** Options of a batched make-up. */
export interface BatchOptions {
  config: Config;
  proofDir: string;
  time: StageTimer;
  /** Source pages per batch (default: BATCH_SOURCES shared among the jobs). */
  batchSources?: number;
  /** Pages made up at once (1 or more). */
  jobs?: number;
  /** Numbering of the first page (a shard's, from the plan); default: the config's, by the folios when they number the whole edition. */
  numbering?: Required<PageRun>;
  /** False to make up without printing (the plan). */
  print?: boolean;
  /**
   * Called once, as soon as every batch is made up (before the last print is done), with the proof of all
   * pages: what needs only the made-up pages can be done while Chromium prints.
   */
  laidOut?: (proof: { head: string; pages: string[] }) => void;
}

/** A place in the edition: a page's number and how many pages come before it. */
interface Place {
  number: number;
  index: number;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => {}); // a batch that fails is reported by its own worker
  return { promise, resolve, reject };
}

/** Split `items` into runs of `size`. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** True when the sources' folios number the edition's pages (then every run of its pages keeps them). */
export function folioNumbering(docs: ZbDocument[], config: Config): boolean {
  return docs.length > 0 && pageNumbers(docs, config.firstPage).numbers.every((n, i) => n === docs[i]!.folio?.page);
}

/** Make up and print the edition in batches, `jobs` at a time; the pages come back in edition order. */
export async function layoutAndPrint(
  ctx: Context,
  session: BrowserSession | Promise<BrowserSession>,
  edition: ParsedEdition,
  options: BatchOptions,
): Promise<PrintedEdition> {
  const { config, time } = options;
  const size = Math.max(1, options.batchSources ?? Math.round(BATCH_SOURCES / Math.max(1, options.jobs ?? 1)));
  const batches = chunk(edition.docs, size);
  // The folios number the pages only when they number the whole edition; each batch then keeps them.
  const folios = options.numbering?.folios ?? folioNumbering(edition.docs, config);
  const firstPage = options.numbering?.firstPage ?? config.firstPage;
  // Where each batch ends: the number of the page after it and the pages so far.
  const ends = batches.map(() => deferred<Place>());
  const known: (Place | undefined)[] = [];
  const done: { laid: LaidOutEdition; pdf: Uint8Array | null }[] = [];
  const proofs: LaidOutEdition['proof'][] = [];
  let next = 0;

  async function worker(index: number): Promise<void> {
    let page: Page | null = null;
    try {
      while (next < batches.length) {
        const k = next++;
        const layout = (at: Place) =>
          layoutPages(ctx, session, edition, batches[k]!, {
            config,
            proofDir: options.proofDir,
            time,
            reuse: page ? { page, reloadStyles: false } : null,
            run: { firstPage: at.number, folios, firstIndex: at.index },
            measureName: index ? `.edition-${index + 1}.html` : '.edition.html',
          });
        const start = { number: firstPage, index: options.numbering?.firstIndex ?? 0 };
        const guess =
          k === 0 ? start : (known[k - 1] ?? { number: start.number + k * size, index: start.index + k * size });
        let laid = await layout(guess);
        page = laid.page;
        const first = k === 0 ? start : await ends[k - 1]!.promise;
        if ((!folios && first.number !== guess.number) || first.index !== guess.index) {
          laid = await layout(first);
          page = laid.page;
        }
        known[k] = { number: first.number + laid.views.length, index: first.index + laid.views.length };
        ends[k]!.resolve(known[k]!);
        proofs[k] = laid.proof;
        if (proofs.filter(Boolean).length === batches.length)
          options.laidOut?.({ head: proofs[0]!.head, pages: proofs.flatMap((p) => p.pages) });
        if (batches.length > 1)
          ctx.progress.step(k + 1, batches.length, `pages ${first.number}–${known[k]!.number - 1}`);
        const pdf =
          options.print === false
            ? null
            : await time('print', () => printPdf(laid.page, laid.sheet.sheet, config.timeoutMs));
        done[k] = { laid, pdf };
      }
    } catch (error) {
      for (const end of ends) end.reject(error);
      throw error;
    } finally {
      if (page && !page.isClosed()) await page.close().catch(() => {});
    }
  }

  const jobs = Math.max(1, Math.min(options.jobs ?? 1, batches.length));
  const settled = await Promise.allSettled([...Array(jobs).keys()].map(worker));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  if (batches.length > 1) ctx.progress.done();
  return {
    pdfs: done.flatMap((d) => (d.pdf ? [d.pdf] : [])),
    pagesPerSource: done.flatMap((d) => pagesPerSource(d.laid.docs)),
    views: done.flatMap((d) => d.laid.views),
    pass: {
      overfull: -1,
      keepShare: 1,
      placements: done.flatMap((d) => d.laid.pass.placements),
      inspected: done.flatMap((d) => d.laid.pass.inspected),
    },
    proof: { head: done[0]?.laid.proof.head ?? '', pages: done.flatMap((d) => d.laid.proof.pages) },
    diagnostics: done.flatMap((d) => d.laid.diagnostics),
    photos: done.flatMap((d) => d.laid.photos),
  };
}
