/**
 * Glue between the in-page measurements and the pure make-up: headline sizes by rank and width,
 * measurement tables per article, and the per-module plan the page applies.
 */
import type { FlowAdjustment } from './columns.js';
import { makeUpPage } from './makeup.js';
import type { ArticleMeasure, PageMakeup, SpanMeasure } from './types.js';

export type Rank = 'lead' | 'second' | 'brief';

/** Headline size in pt by rank and module span: heavy and large for the lead (40–50 pt lead, 20–30 pt others). */
export function headlineSize(rank: Rank, span: number, columns: number): number {
  const share = span / columns;
  if (rank === 'lead') return share >= 0.7 ? 44 : share >= 0.45 ? 36 : 28;
  if (rank === 'second') return share >= 0.6 ? 32 : share >= 0.35 ? 26 : 20;
  return share >= 0.45 ? 24 : share >= 0.3 ? 20 : 17;
}

/** Columns for a standfirst at this span: one wide measure per three grid columns. */
export function ledeColumns(span: number): number {
  return Math.max(1, Math.floor(span / 3));
}

/** Size tables handed to the page for measuring. */
export function measureOptions(columns: number) {
  const sizes: Record<Rank, Record<number, string>> = { lead: {}, second: {}, brief: {} };
  const ledeCols: Record<number, number> = {};
  for (let k = 1; k <= columns; k++) {
    for (const rank of ['lead', 'second', 'brief'] as Rank[]) sizes[rank][k] = `${headlineSize(rank, k, columns)}pt`;
    ledeCols[k] = ledeColumns(k);
  }
  return { columns, headlineSizes: sizes, ledeCols };
}

/** What the page needs to place one module. */
export interface ModulePlan {
  domId: string;
  column: number;
  span: number;
  line: number;
  lines: number;
  stack: number;
  lede: number;
  ledeCols: number;
  figureLines: number;
  headlineSize: string;
  /** Where each text column after the first starts in the body's flow; absent: the page balances them. */
  columnStarts?: number[];
  /** The levers pulled so the lines divide (columns.ts). */
  adjust?: FlowAdjustment[];
  /** Lines of the head set vertically in its own column; absent: across the top. */
  verticalHead?: number;
  addedSlot: boolean;
  atBottom: boolean;
  atLeft: boolean;
}

/** One page's articles as the make-up sees them. */
export interface PageArticles {
  articles: { domId: string; rank: Rank; figures: number; spans: SpanMeasure[] }[];
  lines: number;
}

/** Make up a page and turn the placements into module plans. */
export function planPage(page: PageArticles, columns: number): { makeup: PageMakeup; plans: ModulePlan[] } {
  const measures: ArticleMeasure[] = page.articles.map((a) => ({ id: a.domId, figures: a.figures, spans: a.spans }));
  const makeup = makeUpPage(measures, { columns, lines: page.lines });
  const plans = makeup.placements.map((p) => {
    const a = page.articles.find((x) => x.domId === p.id)!;
    const m = a.spans.find((s) => s.span === p.span && s.verticalHead === p.verticalHead)!;
    return {
      domId: p.id,
      column: p.column,
      span: p.span,
      line: p.line,
      lines: p.lines,
      stack: m.stack,
      lede: m.lede,
      ledeCols: ledeColumns(p.span),
      figureLines: p.figureLines,
      headlineSize: `${headlineSize(a.rank, p.span, columns)}pt`,
      columnStarts: m.columnStarts,
      adjust: m.adjust,
      verticalHead: m.verticalHead,
      addedSlot: p.addedSlot,
      atBottom: p.atBottom,
      atLeft: p.atLeft,
    };
  });
  return { makeup, plans };
}
