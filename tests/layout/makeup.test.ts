/**
 * The make-up code in isolation, fed synthetic measurements. Checks the invariants the
 * printed page relies on: modules tile the page exactly, every module holds its copy, the lead
 * story is at the top and widest, many short items become a grid, and copy too long is reported.
 */
import { describe, expect, it } from 'vitest';
import { makeUpPage } from '../../src/layout/makeup.js';
import { MODULE_GAP_LINES } from '../../src/layout/leaf.js';
import type { ArticleMeasure, PageFrame, Placement } from '../../src/layout/types.js';

const FRAME: PageFrame = { columns: 8, lines: 118 };
const COLUMN_PX = 154;
const GUTTER_PX = 15;
const LEADING_PX = 16;

/** Measurements shaped like real ones: 13 characters a line, a 4-line stack, 4:3 pictures. */
function article(id: string, chars: number, figures: number, lede = 0): ArticleMeasure {
  const spans = [];
  for (let k = 1; k <= 8; k++) {
    const perRow = Math.max(1, Math.min(figures, Math.floor(k / 2) || 1));
    const width = (k * COLUMN_PX + (k - 1) * GUTTER_PX - (perRow - 1) * GUTTER_PX) / perRow;
    spans.push({
      span: k,
      stack: k < 3 ? 6 : 4,
      lede: lede ? Math.ceil(lede / (13 * k * 0.8)) + 1 : 0,
      body: Math.ceil(chars / 13 / k) + 1,
      caption: 1,
      figureRows: figures ? Math.ceil(figures / perRow) : 0,
      imageNatural: Math.round((width * 0.75) / LEADING_PX),
    });
  }
  return { id, figures, spans };
}

/** Every grid cell of the frame is covered exactly once. */
function expectTiling(placements: Placement[], frame: PageFrame) {
  const lines = frame.lines + MODULE_GAP_LINES;
  const grid = Array.from({ length: lines }, () => new Array<number>(frame.columns).fill(0));
  for (const p of placements)
    for (let l = p.line; l < p.line + p.lines; l++) for (let c = p.column; c < p.column + p.span; c++) grid[l]![c]!++;
  expect(grid.flat().every((n) => n === 1)).toBe(true);
}

/** Each module is tall enough for its stack, lede, body and minimum figures. */
function expectNothingOverset(placements: Placement[], articles: ArticleMeasure[]) {
  for (const p of placements) {
    const m = articles.find((a) => a.id === p.id)!.spans.find((s) => s.span === p.span)!;
    expect(p.lines - MODULE_GAP_LINES - p.figureLines - p.slack).toBe(m.stack + m.lede + m.body);
    expect(p.slack).toBeLessThanOrEqual(1);
  }
}

describe('makeUpPage', () => {
  it('sets one long article across the whole page', () => {
    const articles = [article('only', 5200, 2, 300)];
    const { placements, overflow } = makeUpPage(articles, FRAME);
    expect(overflow).toEqual([]);
    expect(placements).toHaveLength(1);
    expect(placements[0]).toMatchObject({ column: 0, span: 8, line: 0 });
    expectTiling(placements, FRAME);
    expectNothingOverset(placements, articles);
  });

  it('puts the lead of three articles at the top, widest', () => {
    const articles = [article('lead', 3000, 3), article('second', 2000, 1), article('third', 900, 1)];
    const { placements } = makeUpPage(articles, FRAME);
    expectTiling(placements, FRAME);
    expectNothingOverset(placements, articles);
    const lead = placements.find((p) => p.id === 'lead')!;
    expect(lead).toMatchObject({ column: 0, line: 0 });
    expect(lead.span).toBe(Math.max(...placements.map((p) => p.span)));
    expect(lead.span).toBeGreaterThanOrEqual(5);
  });

  it('makes a tidy grid of twelve short items', () => {
    const articles = Array.from({ length: 12 }, (_, i) => article(`item${i}`, 380 + (i % 3) * 40, 1));
    const started = performance.now();
    const { placements, overflow } = makeUpPage(articles, FRAME);
    expect(performance.now() - started).toBeLessThan(20_000); // a bound against runaway search, not a speed target
    expect(overflow).toEqual([]);
    expectTiling(placements, FRAME);
    expectNothingOverset(placements, articles);
    // A grid: no module narrower than two columns, and items in reading order from the top left.
    expect(Math.min(...placements.map((p) => p.span))).toBeGreaterThanOrEqual(2);
    expect(placements[0]).toMatchObject({ id: 'item0', column: 0, line: 0 });
  });

  it('reports copy far too long for one page instead of cutting it', () => {
    const { placements, overflow } = makeUpPage([article('huge', 40000, 1)], FRAME);
    expect(placements).toEqual([]);
    expect(overflow).toEqual(['huge']);
  });

  it('adds a photo slot only when the copy cannot fill the page otherwise', () => {
    const short = [article('short', 2600, 0, 250)];
    const { placements } = makeUpPage(short, FRAME);
    expectTiling(placements, FRAME);
    expect(placements[0]!.addedSlot).toBe(true);
    const withPictures = makeUpPage([article('pictured', 5200, 2)], FRAME).placements;
    expect(withPictures[0]!.addedSlot).toBe(false);
  });
});

describe('a head set vertically beside a narrow module', () => {
  const upright = (a: ArticleMeasure, body: number) =>
    a.spans.flatMap((s) => (s.span === 2 ? [s, { ...s, stack: 0, verticalHead: 10, body: s.body + body }] : [s]));

  it('is chosen where it fits as well as the head across the top, and tiles the page with the others', () => {
    const briefs = Array.from({ length: 8 }, (_, i) => article(`b${i}`, 900, 1));
    const withVertical = briefs.map((a) => ({ ...a, spans: upright(a, 6) }));
    const { placements } = makeUpPage(withVertical, FRAME);
    expectTiling(placements, FRAME);
    const narrow = placements.filter((p) => p.span === 2);
    expect(narrow.length).toBeGreaterThan(0);
    expect(narrow.every((p) => p.verticalHead === 10)).toBe(true);
    // Without the vertical measure, no module has one.
    expect(makeUpPage(briefs, FRAME).placements.some((p) => p.verticalHead)).toBe(false);
  });

  it('is left where the narrower columns would need far more lines than the head saves', () => {
    const briefs = Array.from({ length: 8 }, (_, i) => article(`b${i}`, 900, 1));
    const withVertical = briefs.map((a) => ({ ...a, spans: upright(a, 40) }));
    const { placements } = makeUpPage(withVertical, FRAME);
    expect(placements.filter((p) => p.span === 2).length).toBeGreaterThan(0);
    expect(placements.filter((p) => p.span === 2 && p.verticalHead)).toEqual([]);
  });
});
