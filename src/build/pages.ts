/**
 * From parsed documents to page views: page numbers (the folio's, else counted from `firstPage`),
 * running-head facts, and continuation pages for copy that cannot fit (jump lines, issue #4).
 */
import type { ZbDocument } from '../ast/types.js';
import type { Config } from '../config/schema.js';
import { pageView, type PageView } from '../render/view.js';
import type { JumpArticle } from './continuation.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2026年11月22日 星期日` for the running head. */
export function dateLabel(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日 ${WEEKDAYS[date.getUTCDay()]}`;
}

/** The edition date: the config's, else the build clock's day. */
export function editionDate(config: Config, now: Date): Date {
  return config.date ? new Date(`${config.date}T00:00:00Z`) : now;
}

/** Page views for every document, numbered. */
export function buildPageViews(docs: ZbDocument[], config: Config, date: Date): { pages: PageView[]; warnings: { source: string; nodeType: string; line: number; column: number }[] } {
  const warnings: { source: string; nodeType: string; line: number; column: number }[] = [];
  const pages = docs.map((doc, i) => {
    const number = doc.folio?.page ?? config.firstPage + i;
    const { view, warnings: w } = pageView(doc, { number, paper: config.paper, section: config.section, dateLabel: dateLabel(date) }, i);
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
  return { pages, warnings };
}
