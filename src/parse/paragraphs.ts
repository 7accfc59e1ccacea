/**
 * Paragraph joining: a new paragraph starts only where the
 * previous line ends a sentence AND (on column-broken pages) the new line is shorter than the
 * local measure, i.e. carries the 2-em first-line indent (the Chinese
 * paragraph convention). Blank lines alone never end a paragraph: columns break mid-sentence.
 */
import { lineWidth, type SourceLine } from './lines.js';
import { FIRST_LINE_INDENT, INDENT_SLACK, indentThreshold, indentWidth, type PageShape } from './page.js';
import { EDITOR_SIGNATURE_RE, endsSentence, opensWithDateline } from './text-form.js';

/** Characters that cannot begin a sentence: a line starting with one continues the line before. */
export const CONTINUATION_START = /^[的地得了着过们之和与及或并而但且等者性化务，、。；：？！”’）》]/;

/**
 * Marks and particles that never begin a sentence. The conjunctions of CONTINUATION_START may
 * (`与此同时`, `而且`): under an indented first line only these say the text goes on a sentence.
 */
export const MID_SENTENCE_START = /^[，、。；：？！”’）》的地得了着过们]/;

/** The tail of an editor's note signature wrapped onto a line of its own (`编 者`). */
export const SIGNATURE_TAIL_RE = /^\s*编\s*者\s*$/;

/** Closing quotes, brackets and marks that end what the line before began. */
const CLOSING_START = /^[”’」』）》〉】，、。；：？！]/;

/** A quotation closed on a final mark (`…治疗。”`). */
const QUOTE_END = /[。！？…][”’」』]\s*$/;
/**
 * A short sentence ending on a speech verb with nothing said after it (`某某补充道。`, `他说。`): it
 * never stands as a paragraph of its own, it attributes the quotation before it.
 */
const ATTRIBUTION_TAIL = /^[^“”‘’「」『』。！？，]{1,14}[说道]。$/;

/** Widths of all prose lines in page order, for local-measure lookups. */
export interface ProseIndex {
  widths: number[];
  indexOf: Map<SourceLine, number>;
}

/** Index the prose lines; `quoteEm` is the page's curly-quote width (see pageShape). */
export function buildProseIndex(lines: SourceLine[], quoteEm?: number): ProseIndex {
  const indexOf = new Map<SourceLine, number>();
  const widths: number[] = [];
  for (const l of lines) {
    indexOf.set(l, widths.length);
    widths.push(lineWidth(l, quoteEm));
  }
  return { widths, indexOf };
}

/**
 * How a line goes on from the line before: it opens a paragraph (`start`), goes on in it (`continue`),
 * or is joined on a guess — the short last sentence of the paragraph above (`tail`, see isShortTail) or
 * a speech verb attributing the quote above (`attribution`) — or opens one on a guess from two lines
 * that each fall short of the measure (`short-pair`, see isShortPair): the caller reports the guesses.
 */
export type ParagraphBreak = 'start' | 'continue' | 'tail' | 'attribution' | 'short-pair';

/**
 * Does `line` start a new paragraph after `prev`, go on in it, or join it on a guess? `prevIsFirst` says `prev` is its paragraph's
 * first line: it carries the indent, so it fills the measure at 2 em less. `after` is the line after
 * `line` in its block, if any (see indentWidth). `ownMeasure` is the measure of a block set apart in
 * a narrower measure (narrowBlockMeasure): its lines are judged against it instead of the lines around.
 */
export function paragraphBreak(
  prev: SourceLine,
  line: SourceLine,
  shape: PageShape,
  index: ProseIndex,
  prevIsFirst = false,
  after?: SourceLine,
  ownMeasure?: number | null,
): ParagraphBreak {
  // An editor's note ends on its signature (`——编 者`), not on a full stop.
  // The signature may wrap: `——` ends one line and `编 者` stands alone on the next.
  if (EDITOR_SIGNATURE_RE.test(prev.text) || SIGNATURE_TAIL_RE.test(prev.text)) return 'start';
  if (!endsSentence(prev.text)) return 'continue';
  // A closing mark never opens a paragraph: pdftotext moved it off the end of the line before.
  if (CLOSING_START.test(line.text)) return 'continue';
  if (shape.lineMode) return 'start';
  // `…。”` then `某某补充道。`: a speech verb with nothing said after it attributes the quote above.
  if (QUOTE_END.test(prev.text) && ATTRIBUTION_TAIL.test(line.text)) return 'attribution';
  const i = index.indexOf.get(line);
  const j = index.indexOf.get(prev);
  if (i === undefined || j === undefined) return 'start';
  const threshold = (k: number) => (ownMeasure ? ownMeasure - INDENT_SLACK : indentThreshold(index.widths, k, shape));
  // A justified line (spaced out by pdftotext, lines.ts) filled its measure: its own width says nothing.
  // The new line carries the first-line indent… (`after` of a line at a block's foot is the next prose
  // block's first line; with no line after it at all, its last mark is not credited as hanging.)
  const printed = indentWidth(line.text, after?.text, shape.quoteEm) - (line.halfWidthMarks ?? 0) / 2;
  if (!line.justified && printed <= threshold(i))
    return isShortTail(prev, line, index, threshold, prevIsFirst) ? 'tail' : 'start';
  // …or the sentence ended on a line the text did not fill: that line closed its paragraph.
  if (!prev.justified && index.widths[j] <= threshold(j) - 0.5 - (prevIsFirst ? FIRST_LINE_INDENT : 0)) return 'start';
  const measure = (k: number) => threshold(k) + INDENT_SLACK;
  return isShortPair(
    prev,
    line,
    index.widths[j]! + (prevIsFirst ? FIRST_LINE_INDENT : 0),
    printed,
    measure(j),
    measure(i),
  )
    ? 'short-pair'
    : 'continue';
}

/** A line falls at least this many ems short of its measure: no justified line of running text does. */
const SHORT_OF_MEASURE = 1;
/** Opening marks and dashes a column pushes down whole to the next line, leaving the line above short. */
const PUSHED_DOWN_START = /^[“‘（《〈【「『—…]/;

/**
 * A line that ends a sentence a full em short of the measure, over a line a full em short too: a
 * justified line of running text fills the measure, so the first is a paragraph's last line and the
 * second an indented first line, whose width alone (a hanging mark after others, Latin widths) or the
 * other's alone would not say so. Not when the second opens with a mark the column pushed down from
 * the first (which then fell short for that). Either width could be misread: the caller reports it.
 */
function isShortPair(
  prev: SourceLine,
  line: SourceLine,
  prevWidth: number,
  lineWidth: number,
  prevMeasure: number,
  lineMeasure: number,
): boolean {
  if (prev.justified || line.justified || PUSHED_DOWN_START.test(line.text)) return false;
  return prevWidth <= prevMeasure - SHORT_OF_MEASURE && lineWidth <= lineMeasure - SHORT_OF_MEASURE;
}

/** Should `line` start a new paragraph after `prev`? (paragraphBreak, the guessed joins read as joins) */
export function startsParagraph(...args: Parameters<typeof paragraphBreak>): boolean {
  return paragraphBreak(...args) === 'start';
}

/** A line at least this much short of a full indented first line cannot be one: it ends its paragraph. */
const TAIL_SHORTFALL = 0.5;
/** One sentence: a single final mark, at the end. */
const ONE_SENTENCE = /^[^。！？!?]*[。！？!?][”’」』）)]*$/;

/**
 * A full line that ends a sentence, then a line of one short sentence that ends it too: pdftotext
 * drops the indent that would tell a one-line paragraph from the paragraph's last sentence. A
 * paragraph seldom ends exactly at a line's end, and a paragraph of one short sentence is rare in news
 * copy, while a short last sentence is common: read as the tail (the caller reports it for review).
 * The short line must stop short of a full indented line, so that it ends its paragraph either way.
 */
function isShortTail(
  prev: SourceLine,
  line: SourceLine,
  index: ProseIndex,
  threshold: (k: number) => number,
  prevIsFirst: boolean,
): boolean {
  const i = index.indexOf.get(line)!;
  const j = index.indexOf.get(prev)!;
  if (!endsSentence(line.text) || !ONE_SENTENCE.test(line.text) || opensWithDateline(line.text)) return false;
  const fullIndented = threshold(i) + INDENT_SLACK - FIRST_LINE_INDENT;
  if (index.widths[i] > fullIndented - TAIL_SHORTFALL) return false;
  const prevFull = threshold(j) + INDENT_SLACK - TAIL_SHORTFALL - (prevIsFirst ? FIRST_LINE_INDENT : 0);
  return prev.justified === true || index.widths[j] >= prevFull;
}

const LATIN_LETTER = /[A-Za-z]/;

/**
 * Join a paragraph's lines: no separator between ideographs; one space between two Latin words. Only the
 * last character joined so far is looked at (a regex anchored at the end of the growing text would scan it
 * whole for every line: quadratic in a paragraph of many short lines).
 */
export function joinLines(lines: SourceLine[]): string {
  const parts: string[] = [];
  let last = '';
  for (const l of lines) {
    if (!l.text) continue;
    if (LATIN_LETTER.test(last) && LATIN_LETTER.test(l.text[0]!)) parts.push(' ');
    parts.push(l.text);
    last = l.text[l.text.length - 1]!;
  }
  return parts.join('');
}
