/**
 * Flows: pdftotext prints a page as a list of flows — runs of lines with a
 * blank line after each — and within a flow it keeps the reading order, but it may list the flows of
 * side-by-side modules in any order. A column that stops mid-sentence goes on in the flow that opens
 * mid-sentence in the same measure. This module describes each flow by those ends; rethread.ts
 * pairs them up.
 */
import type { Classified } from './classify.js';
import { lineWidth, type SourceLine } from './lines.js';
import { CUT_OFF_SHORTFALL, FIRST_LINE_INDENT, INDENT_SLACK, indentWidth, type Block, type PageShape } from './page.js';
import { MID_SENTENCE_START, SIGNATURE_TAIL_RE } from './paragraphs.js';
import { endsSentence, JUMP_IN_RE, JUMP_OUT_RE, opensWithDateline } from './text-form.js';

/** One flow and what its ends say. */
export interface Flow {
  items: Classified[];
  /** Width (ems) its prose lines fill, or null when it has too few to tell. */
  measure: number | null;
  /** Widest prose line, to compare a flow of unknown measure. */
  widest: number;
  /** Opens mid-sentence: its first block is prose whose first line continues a sentence. */
  openStart: boolean;
  /**
   * Opens mid-sentence only by its short first line that ends a sentence: the tail of a paragraph begun
   * elsewhere, or a paragraph of one line (whose indent pdftotext does not print).
   */
  tailStart: boolean;
  /** Its first block is prose whose first line is indented and does not end a sentence: a paragraph start. */
  indentedStart: boolean;
  /** Stops mid-sentence: its last prose line does not end a sentence, and only captions or furniture follow it. */
  openEnd: boolean;
  /**
   * The prose block whose last line stops mid-sentence well short of the measure (a column breaks on a
   * full line): the copy was cut off there, and nothing goes on with it.
   */
  cutOff: Block | null;
  /** Holds a jump line: `（下转第N版）` (out) or `（上接第N版）` (in). */
  jump: 'in' | 'out' | null;
  /** Opens mid-sentence next to a `（上接…）` line: continues copy printed on an earlier page. */
  jumpIn: boolean;
  /** Stops mid-sentence before a `（下转…）` line: the copy goes on on a later page. */
  jumpOut: boolean;
  /** Its prose text (ideographs only matter), for vocabulary affinity. */
  text: string;
  /** Page of the text file (pdftotext ends each page with a form feed). */
  page: number;
}

/** A flow needs this many prose lines before its measure is read from them. */
const MIN_MEASURE_LINES = 3;
/** Measures within this many ems are the same column width (punctuation compression, quotes). */
const MEASURE_TOLERANCE = 1.5;
/**
 * A first line this much narrower than an indented one that ends a sentence is the tail of a
 * paragraph begun in another column (a one-line paragraph that short is rare in body text).
 */
const TAIL = 2;
/** A first line broken mid-sentence fills the measure but for its 2-em indent, give or take half an em. */
const FULL_FIRST_LINE = 2.5;

/**
 * A column's measure from a few of its lines: the upper quartile of their widths, since most lines
 * fill the measure and the rest (indented first lines, short last lines) fall below it.
 */
function columnWidth(widths: number[]): number {
  const sorted = [...widths].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length * 0.75)]);
}

/** Group classified blocks into flows: a block after a blank line opens a new flow. */
export function toFlows(items: Classified[], shape: PageShape): Flow[] {
  const groups: { items: Classified[]; page: number }[] = [];
  let page = 0;
  for (const item of items) {
    const feed = item.block.lines.some((l) => l.raw.includes('\f'));
    if (feed) page++;
    if (!groups.length || item.block.blankBefore > 0 || item.block.first || feed) groups.push({ items: [], page });
    groups[groups.length - 1].items.push(item);
  }
  const flows = groups.map((g) => describe(g.items, g.page, shape));
  linkJumps(flows);
  return flows;
}

/**
 * Jump lines: the prose nearest before `（下转…）` stops here and goes on on a later
 * page; there, the flow opening mid-sentence nearest the `（上接…）` line (pdftotext prints it before or
 * after the text) is where it goes on.
 */
function linkJumps(flows: Flow[]): void {
  const samePage = (i: number, j: number) => j >= 0 && j < flows.length && flows[j].page === flows[i].page;
  flows.forEach((f, i) => {
    if (f.jump === 'out') {
      for (let j = i; samePage(i, j); j--) {
        if (!hasProse(flows[j])) continue;
        if (flows[j].openEnd) flows[j].jumpOut = true;
        break;
      }
    } else if (f.jump === 'in') {
      for (let d = 0; samePage(i, i + d) || samePage(i, i - d); d++) {
        const near = [i + d, i - d].find((j) => samePage(i, j) && flows[j].openStart);
        if (near === undefined) continue;
        flows[near].jumpIn = true;
        break;
      }
    }
  });
}

function describe(items: Classified[], page: number, shape: PageShape): Flow {
  const width = (l: SourceLine) => lineWidth(l, shape.quoteEm);
  const proseLines = items.filter((c) => c.kind.kind === 'prose').flatMap((c) => c.block.lines);
  const measure = proseLines.length >= MIN_MEASURE_LINES ? columnWidth(proseLines.map(width)) : null;
  const m = measure ?? shape.measure;
  const texts = items.map((c) => c.block.lines.map((l) => l.text).join(''));
  const jumpLine = (re: RegExp) => items.some((c, i) => c.kind.kind === 'furniture' && re.test(texts[i]));
  const jump = jumpLine(JUMP_OUT_RE) ? 'out' : jumpLine(JUMP_IN_RE) ? 'in' : null;
  const first = items.find((c) => c.kind.kind !== 'furniture');
  let openStart = false;
  let tailStart = false;
  let indentedStart = false;
  // A head split off the text under it by its form (run in) opens what follows: nothing goes on into it.
  const runInHead = first?.kind.kind === 'prose' && first.kind.head !== undefined && first.block.runIn === true;
  if (runInHead) indentedStart = true;
  else if (first?.kind.kind === 'prose') {
    const l = first.block.lines[0];
    const w = indentWidth(l.text, first.block.lines[1]?.text, shape.quoteEm);
    // Not indented, or a short line that closes a sentence: the tail of a paragraph begun elsewhere.
    // A dateline (`本报某地某月某日电`) opens an article's text wherever it is printed: never a tail.
    const continues = !opensWithDateline(l.text) && (w > m - INDENT_SLACK || MID_SENTENCE_START.test(l.text));
    tailStart = !continues && endsSentence(l.text) && w < m - INDENT_SLACK - TAIL;
    openStart = continues || tailStart;
    indentedStart = !openStart && !endsSentence(l.text) && !l.justified;
  }
  let openEnd = false;
  let cutOff: Block | null = null;
  for (let i = items.length - 1; i >= 0; i--) {
    const k = items[i].kind.kind;
    if (k === 'prose') {
      const lines = items[i].block.lines;
      openEnd = !endsSentence(lines[lines.length - 1].text);
      // A column line that stops mid-sentence fills the measure, or its indented first line does: a lone
      // line much narrower than either is no piece of a column (a head, a label), and nothing goes on it.
      if (proseLines.length === 1 && width(lines[0]!) < m - INDENT_SLACK - TAIL) openEnd = false;
      // A column breaks on a full line: a line inside a paragraph (the line above it goes on a sentence)
      // stopping well short mid-sentence is where the copy was cut off, and no other column goes on
      // with it. (Judged by the narrower of the flow's and the page's measure: a mark hung past a line
      // widens the flow's.)
      const measure = Math.min(m, shape.measure);
      const last = lines[lines.length - 1]!;
      const above = lines[lines.length - 2];
      // The line above is a column's line (a head broken after its comma is not): at least as wide as a
      // full indented first line.
      const columnLine = !!above && width(above) >= measure - FIRST_LINE_INDENT - INDENT_SLACK;
      const inside = columnLine && !endsSentence(above!.text);
      // An editor's note closes on its signature wrapped onto a line of its own (`——` / `编 者`).
      if (SIGNATURE_TAIL_RE.test(last.text)) openEnd = false;
      else if (openEnd && inside && width(last) < measure - CUT_OFF_SHORTFALL) {
        openEnd = false;
        cutOff = items[i].block;
      }
      // A lone line in the form of a head that stops short of a full indented first line is no first line
      // broken mid-sentence either (the next word would have fitted on it): nothing goes on it.
      const k = items[i].kind;
      if (
        proseLines.length === 1 &&
        k.kind === 'prose' &&
        k.head !== undefined &&
        width(lines[0]!) < m - FULL_FIRST_LINE
      )
        openEnd = false;
      break;
    }
    if (k !== 'display' && k !== 'photo-slot' && k !== 'furniture') break;
  }
  return {
    items,
    measure,
    widest: Math.max(0, ...proseLines.map(width)),
    openStart,
    tailStart,
    indentedStart,
    openEnd,
    cutOff,
    jump,
    jumpIn: false,
    jumpOut: false,
    text: proseLines.map((l) => l.text).join(''),
    page,
  };
}

/** Can `b` continue the column of `a`? Same measure, or (too few lines to tell) no line wider than it. */
export function sameMeasure(a: Flow, b: Flow): boolean {
  if (a.measure !== null && b.measure !== null) return Math.abs(a.measure - b.measure) <= MEASURE_TOLERANCE;
  const known = a.measure ?? b.measure;
  if (known === null) return true;
  const other = a.measure === null ? a : b;
  return other.widest <= known + MEASURE_TOLERANCE;
}

/** Does the flow hold prose at all? */
export function hasProse(f: Flow): boolean {
  return f.items.some((c) => c.kind.kind === 'prose');
}

const IDEOGRAPHS = /[\u3400-\u9fff]{3,}/g;

/** Trigrams of ideographs: the vocabulary a column shares with the rest of its article. */
function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(IDEOGRAPHS) ?? [])
    for (let i = 0; i + 3 <= run.length; i++) out.add(run.slice(i, i + 3));
  return out;
}

/**
 * Vocabulary affinity of two texts: shared ideograph trigrams (names, terms, phrases), scaled by the
 * square root of the smaller set so that long and short columns compare fairly.
 */
export function affinity(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  if (!ga.size || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / Math.sqrt(Math.min(ga.size, gb.size));
}
