/**
 * The make-up pass inside the printing page: measure every module, plan each page, apply, inspect.
 * Pages whose copy cannot fit are reported so the orchestrator can continue them on a new page.
 */
import type { Page } from 'puppeteer';
import type { Grid } from '../render/geometry.js';
import type { PageView } from '../render/view.js';
import { measureOptions, planPage, type ModulePlan, type Rank } from './plan.js';
import {
  applyAndInspect,
  measureLevers,
  measureModules,
  type InspectedPage,
  type MeasuredSpan,
  type ModuleMeasure,
} from './measure.js';
import type { Placement, SpanMeasure } from './types.js';
import { balancedAlready, levelColumns, pageBalance, type BodyFlow } from './columns.js';
import { minFigureLines } from './leaf.js';

/** Fewer full-width lines than this for the last article's first part, and it moves whole instead. */
const MIN_CONTINUED_LINES = 8;
/** Lines each other article is assumed to need beyond its measure (module gap, rules, a line of slack). */
const OTHER_ARTICLE_SLACK_LINES = 8;
/** Lines kept free for the last article's jump line and the gap above it. */
const JUMP_LINE_LINES = 2;
/** The smallest share of the last article cut away per attempt, so each attempt makes progress. */
const MIN_CUT_SHARE = 0.02;

/**
 * What earlier passes in the same Chromium page worked out, by their inputs: each module's level columns
 * and each page's plan. Both are pure functions of what they are given, so a preview save works out
 * again only the modules and pages it changed; the entries a pass did not use are dropped after it.
 */
interface Worked {
  levels: Map<string, SpanMeasure[]>;
  plans: Map<string, ReturnType<typeof planPage>>;
}
const workedOut = new WeakMap<Page, Worked>();

/** `compute(key)` through `earlier`, noting in `now` what this pass used; results are copied out, never shared. */
function remembered<T>(earlier: Map<string, T>, now: Map<string, T>, key: string, compute: () => T): T {
  const value = now.get(key) ?? earlier.get(key) ?? compute();
  now.set(key, value);
  return structuredClone(value);
}

/** Result of laying out all pages in one Chromium page. */
export interface LayoutPassResult {
  /** Index of the first page whose copy does not fit, or -1. */
  overfull: number;
  /** Fraction of that page's last article that would fit, estimated from line counts; 0: move it whole. */
  keepShare: number;
  placements: Placement[][];
  inspected: InspectedPage[];
}

/** The body's one-column flow a span's measure was cut from: beside a vertical head, its own narrower one. */
function flowAt(module: ModuleMeasure, span: MeasuredSpan): BodyFlow {
  return (span.verticalHead && module.verticalFlows?.[span.span]) || module.flow;
}

/**
 * Each span's body cut into level columns where the copy allows (columns.ts): the body is then as tall
 * as its tallest column, and the cut travels with the measure to the page. A body the page did not lay
 * out at a span stands as the page's own balancing sets it, worked out from the one-column flow.
 */
function withLevelColumns(spans: MeasuredSpan[], flows: (span: MeasuredSpan) => BodyFlow): SpanMeasure[] {
  return spans.map((s) => {
    const flow = flows(s);
    const own: SpanMeasure = { ...s, body: s.body ?? pageBalance(flow, s.span).height };
    // Where the page's own balancing already ends the columns within a line, it is left alone.
    if (s.span < 2 || balancedAlready(flow, s.span, own.body)) return own;
    const cut = levelColumns(flow, s.span);
    return cut
      ? { ...own, body: cut.height, columnStarts: cut.starts, adjust: cut.adjust, level: cut.level }
      : { ...own, level: false };
  });
}

/**
 * After packing, the way a make-up editor copyfits: a module whose columns neither the levers nor the
 * page's own balancing can end within a line of each other is cut again with a paragraph or two
 * re-tracked, within the body lines the page gave it. Done only on the placed modules, so the page's
 * arrangement stays the one the packer chose from the untracked copy.
 */
function copyfit(plan: ModulePlan, measure: SpanMeasure, module: ModuleMeasure): ModulePlan {
  if (!wantsCopyfit(plan, measure)) return plan;
  const cut = levelColumns(flowAt(module, measure), plan.span, measure.body);
  return cut?.level ? { ...plan, columnStarts: cut.starts, adjust: cut.adjust } : plan;
}

/** Is `plan` a module whose columns neither the levers nor the page's own balancing end level (copyfit)? */
function wantsCopyfit(plan: ModulePlan, measure: SpanMeasure): boolean {
  return plan.span > 1 && measure.level === false && !measure.columnStarts;
}

/** Measure, make up and apply every page of the loaded edition. */
export async function layoutPass(page: Page, pages: PageView[], grid: Grid): Promise<LayoutPassResult> {
  const raw = await measureModules(page, measureOptions(grid.columns));
  const earlier: Worked = workedOut.get(page) ?? { levels: new Map(), plans: new Map() };
  const now: Worked = { levels: new Map(), plans: new Map() };
  workedOut.set(page, now);
  const levelled = () =>
    Object.fromEntries(
      Object.entries(raw).map(([id, m]): [string, SpanMeasure[]] => [
        id,
        remembered(earlier.levels, now.levels, JSON.stringify(m), () => withLevelColumns(m.spans, (s) => flowAt(m, s))),
      ]),
    );
  const measures = levelled();
  const planned: { plan: ModulePlan; measure: SpanMeasure }[] = [];
  const placements: Placement[][] = [];
  for (const [index, view] of pages.entries()) {
    const lines = grid.lines - view.bannerLines;
    const articles = view.articles.map((a) => ({
      domId: a.domId,
      rank: a.rank as Rank,
      figures: a.figures.length,
      spans: measures[a.domId]!,
    }));
    const { makeup, plans: pagePlans } = remembered(
      earlier.plans,
      now.plans,
      JSON.stringify([articles, lines, grid.columns]),
      () => planPage({ articles, lines }, grid.columns),
    );
    if (makeup.overflow.length) {
      // Lines the last article may use at full width once the others are set across the page (an estimate:
      // CJK sets one character per em, so body lines scale with characters; the loop re-measures anyway).
      const full = articles.map((a) => a.spans.find((s) => s.span === grid.columns)!);
      const others = full
        .slice(0, -1)
        .reduce((n, m) => n + m.stack + m.lede + m.body + minFigureLines(m) + OTHER_ARTICLE_SLACK_LINES, 0);
      const last = full[full.length - 1]!;
      const room = lines - others - last.stack - last.lede - minFigureLines(last) - JUMP_LINE_LINES;
      // Less room than a short column's worth: the article goes to the next page whole (keepShare 0).
      if (room < MIN_CONTINUED_LINES && articles.length > 1)
        return { overfull: index, keepShare: 0, placements, inspected: [] };
      // Always cut at least one line, so the next attempt makes progress.
      return {
        overfull: index,
        keepShare: Math.max(MIN_CUT_SHARE, Math.min(1 - 1 / last.body, room / last.body)),
        placements,
        inspected: [],
      };
    }
    for (const plan of pagePlans)
      planned.push({
        plan,
        measure: measures[plan.domId]!.find((s) => s.span === plan.span && s.verticalHead === plan.verticalHead)!,
      });
    placements.push(makeup.placements);
  }
  // The re-tracked paragraphs are measured only for the modules that copyfit with them (beside a vertical
  // head the narrower flow has them already).
  const untracked = planned
    .filter(({ plan, measure }) => wantsCopyfit(plan, measure) && !plan.verticalHead && !raw[plan.domId]!.tracked)
    .map(({ plan }) => plan.domId);
  if (untracked.length)
    for (const [id, flow] of Object.entries(await measureLevers(page, [...new Set(untracked)])))
      Object.assign(raw[id]!, { flow, tracked: true });
  const plans = planned.map(({ plan, measure }) => copyfit(plan, measure, raw[plan.domId]!));
  const inspected = await applyAndInspect(page, plans);
  return { overfull: -1, keepShare: 1, placements, inspected };
}
