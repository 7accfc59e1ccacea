/**
 * The cost of setting one article as one module of `span` columns by `lines` lines: whether its
 * copy fits, how much the figures must stretch to fill it, and how far the span is from the one
 * its length calls for.
 */
import type { ArticleMeasure, SpanMeasure } from './types.js';

/** Weights of the make-up score; higher means worse. */
export const COST = {
  spanDistance: 3,
  figureStretch: 6,
  slackLine: 4,
  photoSlot: 400,
  leadNarrow: 25,
  /** Taken off a module whose head stands vertically (the house style asks for it where it fits as well). */
  verticalHeadBonus: 2,
  /** A span at which a photo would print below SOFT_PHOTO_PPI: worse than a narrow lead. */
  softPhoto: 250,
};

/** Below this a photo prints visibly soft, so the make-up avoids spans that would stretch it so far. */
export const SOFT_PHOTO_PPI = 200;

/** Empty lines a module may keep at the last level, fewer than the smallest picture would need. */
const MAX_EMPTY_LINES = 6;

/** Every module ends with one line of space holding the rule between modules. */
export const MODULE_GAP_LINES = 1;

/** How a leaf was filled, for the placement. */
export interface LeafFill {
  cost: number;
  figureLines: number;
  slack: number;
  addedSlot: boolean;
  /** Lines of a head set vertically in its own column (the measure chosen at this span); absent: across the top. */
  verticalHead?: number;
}

const INFEASIBLE: LeafFill = { cost: Infinity, figureLines: 0, slack: 0, addedSlot: false };

/** The span an article's length calls for: short items 2 columns, long features most of the page. */
export function idealSpan(bodyLinesAtOne: number, columns: number): number {
  return Math.max(2, Math.min(columns, Math.round(bodyLinesAtOne / 45)));
}

/** The most a photo may lose to the crop on either side: its shape is the editor's, the slot follows it. */
export const MAX_PHOTO_CROP = 0.2;

/** The lowest an empty slot may be, as a share of its natural 4:3 height: half makes a wide 8:3 band. */
const EMPTY_SLOT_LOWEST = 0.5;
/** The highest an empty slot may be, as a multiple of its natural 4:3 height: 1.6 makes an upright 5:6. */
const EMPTY_SLOT_HIGHEST = 1.6;
/** The least natural picture height counted, in lines, however narrow the column: a shorter picture is a sliver. */
const MIN_NATURAL_PICTURE_LINES = 4;
/** The fewest lines a photo's picture keeps after its crop, so it still reads as a photo on the page. */
const MIN_PHOTO_LINES = 2;
/** The fewest lines an empty slot keeps, so the page keeps room a picture can be placed in. */
const MIN_EMPTY_SLOT_LINES = 4;

/**
 * Figure lines allowed at this span, captions included: empty slots between a wide 8:3 and an upright 5:6
 * aspect; photos at their own aspect, cut by at most MAX_PHOTO_CROP of their height or width.
 */
function figureRange(m: SpanMeasure, rows: number, caption = m.caption): [number, number, number] {
  const natural = Math.max(MIN_NATURAL_PICTURE_LINES, m.imageNatural);
  const low = m.photos ? 1 - MAX_PHOTO_CROP : EMPTY_SLOT_LOWEST;
  const high = m.photos ? 1 / (1 - MAX_PHOTO_CROP) : EMPTY_SLOT_HIGHEST;
  const fewest = m.photos ? MIN_PHOTO_LINES : MIN_EMPTY_SLOT_LINES;
  const min = rows * (caption + Math.max(fewest, Math.ceil(natural * low)));
  const max = rows * (caption + Math.floor(natural * high));
  return [min, Math.max(min, max), rows * (caption + natural)];
}

/**
 * How far the make-up may go to fill a module: copy and its own figures only; then a photo slot or
 * upright pictures within picture proportions; last, a slot of any height (a page with very little copy).
 */
export type SlotLevel = 0 | 1 | 2;

/** The fewest lines an article's own figures can take at this span (for estimates of what fits). */
export function minFigureLines(m: SpanMeasure): number {
  return m.figureRows ? figureRange(m, m.figureRows)[0] : 0;
}

/**
 * Cost of article `a` in a `span`-column rectangle, as a function of its lines; `level` says which
 * photo-slot levers are allowed. Where the article was measured both with its head across the top and
 * set vertically beside the rest, the cheaper one is taken, the vertical one by COST.verticalHeadBonus.
 * The packer asks at every height of the page: what does not change with the height is worked out once.
 */
export function leafFill(
  a: ArticleMeasure,
  span: number,
  ideal: number,
  isLead: boolean,
  columns: number,
  level: SlotLevel,
): (lines: number) => LeafFill {
  const measures = a.spans.filter((m) => m.span === span);
  // Lower than its stack, standfirst and body, a module holds nothing at all.
  const least = Math.min(...measures.map((m) => m.stack + m.lede + m.body + MODULE_GAP_LINES));
  return (lines) => {
    let best = INFEASIBLE;
    if (lines < least) return best;
    for (const m of measures) {
      const fill = measureFill(a, m, lines, ideal, isLead, columns, level);
      const cost = fill.cost - (m.verticalHead ? COST.verticalHeadBonus : 0);
      if (cost < best.cost) best = { ...fill, cost, ...(m.verticalHead ? { verticalHead: m.verticalHead } : {}) };
    }
    return best;
  };
}

/** Cost of article `a` measured as `m` in a rectangle `lines` tall. */
function measureFill(
  a: ArticleMeasure,
  m: SpanMeasure,
  lines: number,
  ideal: number,
  isLead: boolean,
  columns: number,
  level: SlotLevel,
): LeafFill {
  const span = m.span;
  const allowSlot = level > 0;
  // Level 2 lifts the proportion limits: better a tall slot than a page that cannot be made up at all.
  const stretch = level === 2 ? Infinity : 1;
  // One 13-character column is too narrow for a headline stack on any page of four columns or more.
  if (span < 2 && columns >= 4) return INFEASIBLE;
  const base = m.stack + m.lede + m.body + MODULE_GAP_LINES;
  const soft = m.photoPpi != null && m.photoPpi < SOFT_PHOTO_PPI ? COST.softPhoto : 0;
  const shape = COST.spanDistance * (span - ideal) ** 2 + (isLead ? COST.leadNarrow * (columns - span) : 0) + soft;
  const free = lines - base;
  if (free < 0) return INFEASIBLE;
  let best = INFEASIBLE;
  // The figures' range is the same at every slack; an empty slot's has no caption.
  const [min, max, natural] =
    a.figures > 0 ? figureRange(m, m.figureRows) : allowSlot ? figureRange(m, 1, 0) : [0, 0, 0];
  // At the last level a few empty lines are also allowed: fewer than the smallest picture would need.
  for (let slack = 0; slack <= (level === 2 ? MAX_EMPTY_LINES : 1); slack++) {
    const figureLines = free - slack;
    if (a.figures > 0) {
      // Last lever: taller (upright) pictures, at the cost of a photo slot.
      // Photos keep their bounded shape until the last level.
      const tall = allowSlot && (!m.photos || level === 2) && figureLines > max && figureLines <= max * 1.6 * stretch;
      if (figureLines < min || (figureLines > max && !tall)) continue;
      const cost =
        shape +
        COST.slackLine * slack +
        (COST.figureStretch * Math.abs(figureLines - natural)) / natural +
        (tall ? COST.photoSlot / 2 : 0);
      if (cost < best.cost) best = { cost, figureLines, slack, addedSlot: false };
    } else if (figureLines === 0) {
      const cost = shape + COST.slackLine * slack;
      if (cost < best.cost) best = { cost, figureLines: 0, slack, addedSlot: false };
    } else if (allowSlot) {
      if (figureLines < min || figureLines > max * 1.5 * stretch) continue;
      const cost =
        shape +
        COST.photoSlot +
        COST.slackLine * slack +
        (COST.figureStretch * Math.abs(figureLines - natural)) / natural;
      if (cost < best.cost) best = { cost, figureLines, slack, addedSlot: true };
    }
  }
  return best;
}
