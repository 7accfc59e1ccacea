/**
 * Page statistics and blocks: the page's column
 * measure is read from the line-length distribution of its prose lines, so paragraph breaks can
 * be told from column breaks on pages of any paper and any column width.
 */
import { lineWidth, type SourceLine } from './lines.js';
import { endsSentence, hasProsePunctuation, visualWidth } from './text-form.js';

/** Line-per-paragraph pages (one source line = one paragraph) vs. column-broken pages. */
export interface PageShape {
  /** True when prose lines are long: each line is a paragraph or a paragraph fragment. */
  lineMode: boolean;
  /** Most common width (ems) of prose lines: the body column measure. */
  measure: number;
  /** Width of a curly quote on this page: ½ em (most Chinese newspaper fonts) or 1 em. */
  quoteEm?: number;
}

/** Prose lines shorter than this median width (ems) mean the page was hard-broken at column width. */
const COLUMN_MEDIAN_LIMIT = 30;
/** A line or paragraph wider than this many body measures is set across columns (a spanning standfirst). */
const WIDE_MEASURE = 1.3;
/** Median shortfall per quote (ems) above which the page's curly quotes are read as full-width. */
const FULL_WIDTH_QUOTE_SHORTFALL = 0.35;
/** Fewer lines with two or more quotes than this: too little evidence, keep quotes half-width. */
const QUOTE_EVIDENCE_MIN = 5;
/** Lines either side of a line that make up its local measure. */
const LOCAL_MEASURE_SPAN = 6;
/** Lines in the local window at the page's body measure that show the body's column is there. */
const BODY_MEASURE_EVIDENCE = 2;
/** A paragraph this much narrower than the body measure (ems) is set apart (a narrow standfirst). */
const NARROW_SHORTFALL = 1.5;

function modeOf(widths: number[]): number {
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(Math.round(w), (counts.get(Math.round(w)) ?? 0) + 1);
  let measure = 0;
  let best = -1;
  for (const [w, n] of counts) if (n > best || (n === best && w > measure)) [measure, best] = [w, n];
  return measure;
}

/**
 * Are curly quotes set full-width? Mid-paragraph lines fill the measure. Fonts that set quotes ½ em
 * (or compress a pair) make lines holding two or more quotes fill it when quotes are counted ½;
 * if such lines fall short by about ½ em per quote, the quotes are 1 em wide.
 */
function quoteWidth(texts: string[]): number {
  const measure = modeOf(texts.filter((t) => !/[“”‘’]/.test(t)).map((t) => visualWidth(t)));
  const shortfalls: number[] = [];
  for (const t of texts) {
    const q = (t.match(/[“”‘’]/g) ?? []).length;
    if (q >= 2 && !endsSentence(t)) shortfalls.push((measure - visualWidth(t)) / q);
  }
  if (shortfalls.length < QUOTE_EVIDENCE_MIN) return 0.5;
  const sorted = shortfalls.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] >= FULL_WIDTH_QUOTE_SHORTFALL ? 1 : 0.5;
}

/** Read the page's shape from its prose lines. */
export function pageShape(lines: SourceLine[]): PageShape {
  const prose = lines.filter((l) => l.text && hasProsePunctuation(l.text));
  const texts = prose.map((l) => l.text);
  const widths = prose.map((l) => lineWidth(l));
  if (widths.length === 0) return { lineMode: true, measure: 0 };
  const sorted = [...widths].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median > COLUMN_MEDIAN_LIMIT) return { lineMode: true, measure: median };
  const quoteEm = quoteWidth(texts);
  if (quoteEm === 0.5) return { lineMode: false, measure: modeOf(widths) };
  return { lineMode: false, measure: modeOf(texts.map((t) => visualWidth(t, quoteEm))), quoteEm };
}

/** Blank lines that set a block apart from the one above it (a stack's or a paragraph's lines stand closer). */
const APART_BLANKS = 2;

/**
 * Is this block (or line waiting at the page's top) set apart from the one above it by blank lines, as
 * captions and the series banner over the first headline stack are?
 */
export function setApart(block: { blankBefore?: number }): boolean {
  return (block.blankBefore ?? 0) >= APART_BLANKS;
}

/** A run of non-blank lines, with the number of blank lines above it (2+ blanks set captions apart). */
export interface Block {
  lines: SourceLine[];
  blankBefore: number;
  /** True for the first block of the file. */
  first: boolean;
  /** A running head or folio split out of its neighbours. */
  alone?: boolean;
  /** A head split off the top of the prose printed under it (split.ts). */
  runIn?: boolean;
  /** Prose that goes on with the sentence left open before it (set by rethread.ts). */
  continues?: boolean;
  /** Prose that stops mid-sentence with no column on the page to go on in: cut off there (set by rethread.ts). */
  cutOff?: boolean;
  /**
   * Prose whose last line stops mid-sentence well short of the measure, inside a paragraph: the copy was
   * cut off there, and its paragraph ends there whatever is printed next (set by rethread.ts).
   */
  copyEnds?: boolean;
}

/**
 * Group non-blank lines into blocks. Lines for which `standsAlone` is true (running heads, folios:
 * pdftotext prints them without blank lines around) become blocks of their own.
 */
export function toBlocks(lines: SourceLine[], standsAlone: (l: SourceLine) => boolean = () => false): Block[] {
  const blocks: Block[] = [];
  let blanks = 0;
  let current: Block | null = null;
  for (const l of lines) {
    if (!l.text) {
      blanks++;
      current = null;
      continue;
    }
    const alone = standsAlone(l);
    if (!current || alone || current.alone) {
      current = { lines: [], blankBefore: blanks, first: blocks.length === 0, alone };
      blocks.push(current);
    }
    current.lines.push(l);
    blanks = 0;
  }
  return blocks;
}

/** A paragraph's first line is indented this many ems: a full first line is this much narrower. */
export const FIRST_LINE_INDENT = 2;

/**
 * A line inside a paragraph this much short of the measure mid-sentence is no column break (a column
 * breaks on a full line), even where a mark was pushed down or half-width commas set it short: the copy
 * was cut off there.
 */
export const CUT_OFF_SHORTFALL = 3;

/** A first line is indented 2 em; it counts as indented when this much narrower (compression, Latin widths). */
export const INDENT_SLACK = 1.25;

/** Marks a column may hang past the measure at the end of a line (kinsoku). */
const HANGING_MARKS = '，。、；：？！';
/** A hanging mark with the closing quote after it. */
const HANGING_MARK = new RegExp(`[${HANGING_MARKS}][”’」』）》]?$`);
/** A hanging mark that is the line's last character. */
const LAST_HANGING_MARK = new RegExp(`[${HANGING_MARKS}]$`);
/** Ems credited for a hanging mark: a hung first line then reads as indented, a full line still does not. */
const HANG_CREDIT = 0.5;
/** A line with more marks inside may have them compressed: its width then says nothing about a hang. */
const HANG_MAX_INTERIOR_MARKS = 1;
const ANY_MARK = /[，。、；：？！（）《》]/g;
/** A mark that may not end a line: when the next line opens with one, it was pushed down from this line. */
const OPENING_MARK = /^[“‘（《〈【「『]/;

/** Width of a line as set: a mark hanging past the line's end takes no room in the measure. */
export function widthAsSet(text: string, quoteEm?: number): number {
  return visualWidth(text.replace(LAST_HANGING_MARK, ''), quoteEm);
}

/**
 * Width of a line for the first-line indent test. A paragraph's first line that ends on a mark the
 * column hung past the measure is one em wider than its indent leaves: half of that is credited back.
 * Not when the next line opens with a mark pushed down from this one (kinsoku): then this line is a
 * full line set short, and its width says nothing about an indent.
 */
export function indentWidth(text: string, next: string | undefined, quoteEm?: number): number {
  const w = visualWidth(text, quoteEm);
  if (!HANGING_MARK.test(text) || next === undefined || OPENING_MARK.test(next)) return w;
  const interior = (text.replace(HANGING_MARK, '').match(ANY_MARK) ?? []).length;
  return interior <= HANG_MAX_INTERIOR_MARKS ? w - HANG_CREDIT : w;
}

/**
 * Is a first line (over `next`) narrower than `measure` (the body's unless given) by a paragraph's
 * first-line indent? The one indent test every reader of the page's prose asks.
 */
export function firstLineIndented(
  first: string,
  next: string | undefined,
  shape: PageShape,
  measure = shape.measure,
): boolean {
  return indentWidth(first, next, shape.quoteEm) <= measure - INDENT_SLACK;
}

/**
 * Width threshold for a paragraph's first line at this point of the page: the most common width of
 * nearby prose lines (a local measure, because a standfirst may be set narrower or wider than the
 * body; the mode, because punctuation compression makes a few lines overfull), less 1.25 em for the
 * 2-em first-line indent. Where two nearby lines fill the page's measure, that is the measure.
 */
export function indentThreshold(widths: number[], index: number, shape: PageShape): number {
  const wide = shape.measure * WIDE_MEASURE;
  const own = widths[index];
  const counts = new Map<number, number>();
  for (
    let i = Math.max(0, index - LOCAL_MEASURE_SPAN);
    i <= Math.min(widths.length - 1, index + LOCAL_MEASURE_SPAN);
    i++
  ) {
    const w = widths[i];
    if (own > wide ? w > wide : w <= wide) counts.set(Math.round(w), (counts.get(Math.round(w)) ?? 0) + 1);
  }
  if (own > wide) return Math.max(...counts.keys()) - INDENT_SLACK;
  // Lines near it that fill the page's body measure show the body's column: a run of short paragraphs
  // (indented first lines, short last lines) outnumbering its full lines does not make the column narrower.
  if ((counts.get(Math.round(shape.measure)) ?? 0) >= BODY_MEASURE_EVIDENCE) return shape.measure - INDENT_SLACK;
  let mode = 0;
  let best = -1;
  for (const [w, n] of counts) if (n > best || (n === best && w > mode)) [mode, best] = [w, n];
  return mode - INDENT_SLACK;
}

/** A block needs this many lines (first, middle, last) before its own measure can be read from it. */
const OWN_MEASURE_MIN_LINES = 3;

/**
 * The measure of a block set narrower than the body (a standfirst box under the headline): the widest
 * of its middle lines (its second line, of two), which a paragraph fills; null when the block is in the body's measure or too
 * short to tell (`minLines` 2 reads a block of two lines, an indented first line and a full one, where the
 * second could also be a body paragraph's indented first line: for a decision that has other evidence). Its first line is indented against this measure, not the body's, so a short first
 * line ending a sentence (`如何…？`) is the indented opening of the standfirst, not a paragraph of its own.
 */
export function narrowBlockMeasure(
  lines: SourceLine[],
  shape: PageShape,
  minLines = OWN_MEASURE_MIN_LINES,
): number | null {
  if (shape.lineMode || lines.length < Math.max(2, minLines)) return null;
  const width = (l: SourceLine) => visualWidth(l.text, shape.quoteEm);
  // The middle lines fill the measure; of two lines, the second is all there is to go by.
  const widest = Math.max(...(lines.length > 2 ? lines.slice(1, -1) : lines.slice(1)).map(width));
  // Its first line is indented against that measure (else the middle line is a short last line).
  const firstIndented = firstLineIndented(lines[0]!.text, lines[1]!.text, shape, widest);
  // No line of a block set in that measure runs past it by more than a hung mark: a wider line shows the
  // body's measure, and the middle line was a paragraph's indented first line.
  const overrun = Math.max(...lines.map(width)) > widest + HUNG_MARK;
  return firstIndented && !overrun && widest <= shape.measure - NARROW_SHORTFALL ? widest : null;
}

/** A line may run one mark past its measure, hung in the margin. */
const HUNG_MARK = 1;

/** How a paragraph's measure compares with the body's: set-apart standfirsts are narrower or wider. */
export function paragraphMeasure(lines: SourceLine[], shape: PageShape): 'body' | 'narrow' | 'wide' {
  if (shape.lineMode) return 'body';
  const widths = lines.map((l) => visualWidth(l.text, shape.quoteEm));
  if (widths.length === 1) return widths[0] > shape.measure * WIDE_MEASURE ? 'wide' : 'body';
  const middle = widths.slice(1, -1);
  if (middle.length === 0) return widths[0] > shape.measure * WIDE_MEASURE ? 'wide' : 'body';
  const sorted = [...middle].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (median > shape.measure * WIDE_MEASURE) return 'wide';
  if (median <= shape.measure - NARROW_SHORTFALL) return 'narrow';
  return 'body';
}
