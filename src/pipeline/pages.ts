/**
 * From parsed documents to page views: page numbers (counted from `firstPage`, or the sources'
 * folios when every source carries one, in order), running-head facts, and continuation pages for
 * copy that cannot fit (jump lines).
 */
import type { Diagnostic, ZbDocument } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import { type BodyPlugins, NO_PLUGINS } from '../render/body.js';
import { pageView, type PageView } from '../render/view.js';
import { isOverflowPage, type JumpArticle } from '../layout/continuation.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2026年11月22日 星期日` for the running head. */
export function dateLabel(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日 ${WEEKDAYS[date.getUTCDay()]}`;
}

/** The edition date: the config's, else the build clock's day. */
export function editionDate(config: Config, now: Date): Date {
  return config.date ? new Date(`${config.date}T00:00:00Z`) : now;
}

/**
 * Page numbers. Copy pulled from printed pages often keeps its old folio (`19·卫生健康`); one such
 * folio among unnumbered sources would give an edition numbered 1, 2, 3, 19, 5. So the folios number
 * the pages only when every source has one and they run in order (pages of one printed run);
 * otherwise pages count from `firstPage`, and each folio that disagrees is reported.
 */
export function pageNumbers(
  docs: ZbDocument[],
  firstPage: number,
  folios = true,
): { numbers: number[]; ignoredFolios: { source: string; folio: number; number: number }[] } {
  const folioNumbers: number[] = [];
  let usable = folios;
  for (const doc of docs) {
    const previous = folioNumbers[folioNumbers.length - 1];
    const n = isOverflowPage(doc) ? (previous ?? firstPage - 1) + 1 : (doc.folio?.page ?? null);
    if (n === null || (previous !== undefined && n <= previous)) usable = false;
    folioNumbers.push(n ?? 0);
  }
  if (usable && docs.length) return { numbers: folioNumbers, ignoredFolios: [] };
  const numbers = docs.map((_, i) => firstPage + i);
  const ignoredFolios = docs.flatMap((doc, i) =>
    doc.folio?.page != null && doc.folio.page !== numbers[i]
      ? [{ source: doc.source, folio: doc.folio.page, number: numbers[i]! }]
      : [],
  );
  return { numbers, ignoredFolios };
}

/**
 * Where a run of an edition's pages (a batch, a shard) stands: numbered from `firstPage` (default: the
 * config's), by the folios only when `folios` (they number the whole edition), and `firstIndex` pages
 * after the edition's first (it names the pages' elements, unique in the edition).
 */
export interface PageRun {
  firstPage?: number;
  folios: boolean;
  firstIndex: number;
}

/** The whole edition: numbered by the folios when they can, else from the config's firstPage. */
const WHOLE_EDITION: PageRun = { folios: true, firstIndex: 0 };

/** Page views for every document, numbered; `ignoredFolios` are the source folios the numbering overrode. */
export function buildPageViews(
  docs: ZbDocument[],
  config: Config,
  date: Date,
  plugins: BodyPlugins = NO_PLUGINS,
  run: PageRun = WHOLE_EDITION,
): {
  pages: PageView[];
  warnings: { source: string; nodeType: string; line: number; column: number }[];
  ignoredFolios: { source: string; folio: number; number: number }[];
} {
  const warnings: { source: string; nodeType: string; line: number; column: number }[] = [];
  const { numbers, ignoredFolios } = pageNumbers(docs, run.firstPage ?? config.firstPage, run.folios);
  const pages = docs.map((doc, i) => {
    const number = numbers[i]!;
    const { view, warnings: w } = pageView(
      doc,
      { number, paper: config.paper, section: config.section, dateLabel: dateLabel(date) },
      run.firstIndex + i,
      plugins,
    );
    warnings.push(...w.map((x) => ({ source: doc.source, ...x })));
    return view;
  });
  docs.forEach((doc, i) => {
    doc.articles.forEach((article: JumpArticle, j) => {
      const view = pages[i]!.articles[j]!;
      if (article.jumpToNext && pages[i + 1]) view.jumpTo = `（下转第${pages[i + 1]!.number}版）`;
      if (article.jumpFromPrevious && pages[i - 1]) view.jumpFrom = `（上接第${pages[i - 1]!.number}版）`;
    });
  });
  return { pages, warnings, ignoredFolios };
}

/** What making the views found: unknown nodes skipped, folios overridden, empty pages, stories continued on another page. */
export function viewDiagnostics(
  views: ReturnType<typeof buildPageViews>,
  fileOf: (source: string) => string,
): Diagnostic[] {
  const out: Diagnostic[] = views.warnings.map((w) => ({
    ruleId: 'unknown-node',
    severity: 'warning',
    file: fileOf(w.source),
    line: w.line,
    column: w.column,
    message: `unknown node type "${w.nodeType}" skipped`,
  }));
  for (const f of views.ignoredFolios)
    out.push({
      ruleId: 'folio-renumbered',
      severity: 'info',
      file: fileOf(f.source),
      line: 1,
      column: 1,
      message: `the source's folio says page ${f.folio}; printed as page ${f.number} (pages count from firstPage unless every source carries its folio, in order)`,
    });
  for (const v of views.pages.filter((p) => !p.articles.length && !p.banner))
    out.push({
      ruleId: 'empty-page',
      severity: 'warning',
      file: fileOf(v.source),
      line: 1,
      column: 1,
      message: `page ${v.number}: the source has no copy; the page is left blank`,
    });
  for (const v of views.pages)
    for (const a of v.articles.filter((x) => x.jumpTo))
      out.push({
        ruleId: 'continued',
        severity: 'warning',
        file: fileOf(v.source),
        line: a.line ?? 1,
        column: 1,
        message: `page ${v.number}: copy too long for one page; 「${a.headline}」 ${a.jumpTo}`,
      });
  return out;
}
