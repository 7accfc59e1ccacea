/**
 * How prose opens: whether a prose block is the first line of a paragraph, a standfirst or a short
 * summary over the text. Read only from the blocks and the page's measure, so the page walk and its
 * boundary checks can ask the same questions without sharing state.
 */
import type { Classified } from './classify.js';
import { firstLineIndented, INDENT_SLACK, widthAsSet, type Block, type PageShape } from './page.js';
import { CONTINUATION_START, MID_SENTENCE_START } from './paragraphs.js';
import {
  EDITOR_SIGNATURE_RE,
  endsSentence,
  hasProsePunctuation,
  isStandfirstLabel,
  opensWithDateline,
  visualWidth,
} from './text-form.js';

/** A standfirst recognised by its narrower measure spans at least this many lines… */
const STANDFIRST_MIN_LINES = 3;
/** …none of them within this many ems of the body measure (body lines fill it, half-width commas or not). */
const STANDFIRST_SHORTFALL = 2;
/** A summary standfirst without end punctuation runs at most this many lines. */
const SUMMARY_MAX_LINES = 3;
/** Lines of prose needed to read a paragraph's opening against a measure the block shows itself. */
const OWN_MEASURE_EVIDENCE_LINES = 3;
/** Two lines set in one measure differ by at most this much (ems): a mark hangs, a Latin run packs tighter. */
const OWN_MEASURE_SLACK = 1;

/**
 * Is this prose block a standfirst, which only ever stands under a headline: an editor's note signed
 * `——编 者`, or whole paragraphs (an indented first line, a closed last sentence) set narrower than the body?
 */
export function opensStandfirst(block: Block, shape: PageShape): boolean {
  const texts = block.lines.map((l) => l.text);
  if (EDITOR_SIGNATURE_RE.test(texts.join(''))) return true;
  if (shape.lineMode || texts.length < STANDFIRST_MIN_LINES || !endsSentence(texts.at(-1)!)) return false;
  // Widths as set: a mark hanging past the line's end takes no room in the measure.
  const w = (t: string) => widthAsSet(t, shape.quoteEm);
  const widest = Math.max(...texts.slice(1, -1).map(w));
  return widest <= shape.measure - STANDFIRST_SHORTFALL && w(texts[0]!) < w(texts[1]!) - INDENT_SLACK;
}

/** Is this item prose that opens a paragraph: an indented first line over a full one (any line on line-per-paragraph pages)? */
export function opensIndentedParagraph(c: Classified | undefined, shape: PageShape): boolean {
  if (c?.kind.kind !== 'prose' || c.kind.head || c.block.continues) return false;
  const texts = c.block.lines.map((l) => l.text);
  if (CONTINUATION_START.test(texts[0]!)) return false;
  if (shape.lineMode) return true;
  const w = (t: string) => widthAsSet(t, shape.quoteEm);
  return (
    texts.length >= 2 && w(texts[0]!) <= w(texts[1]!) - INDENT_SLACK && w(texts[1]!) > shape.measure - INDENT_SLACK
  );
}

/** Is this item prose that opens an article's text: a dateline, a standfirst or a paragraph's indented first line? */
export function opensText(c: Classified | undefined, shape: PageShape): boolean {
  if (c?.kind.kind !== 'prose' || c.kind.head || c.block.continues) return false;
  return (
    opensWithDateline(c.block.lines[0]!.text) || opensStandfirst(c.block, shape) || opensIndentedParagraph(c, shape)
  );
}

/**
 * A summary standfirst set without end punctuation (`医共体建设让优质资源沉到` / `基层，百姓在家门口看上好医生`):
 * two or three lines, none within 2 em of the body measure, over a paragraph's indented opening. A
 * column's lines fill the measure, so such a block is no piece of a column's sentence.
 */
export function shortSummaryOverText(block: Block, under: Classified | undefined, shape: PageShape): boolean {
  const texts = block.lines.map((l) => l.text);
  if (shape.lineMode || texts.length < 2 || texts.length > SUMMARY_MAX_LINES || endsSentence(texts.at(-1)!))
    return false;
  if (!hasProsePunctuation(texts.join('')) || CONTINUATION_START.test(texts[0]!)) return false;
  const w = (t: string) => widthAsSet(t, shape.quoteEm);
  return (
    Math.max(...texts.map(w)) <= shape.measure - STANDFIRST_SHORTFALL &&
    under?.block.blankBefore !== 0 &&
    opensIndentedParagraph(under, shape)
  );
}

/**
 * Does a prose line under a display line go on a sentence? A conjunction (`与`, `而`) may open a
 * paragraph: under a line indented as a paragraph's first, or on a page of one paragraph a line
 * (where no indent shows), only a mark or particle that never begins a sentence says so.
 */
export function goesOnSentence(block: Block, shape: PageShape): boolean {
  return (shape.lineMode || isIndented(block, shape) ? MID_SENTENCE_START : CONTINUATION_START).test(
    block.lines[0]!.text,
  );
}

/** Is a block's first line, on a column page, narrower than the measure by a paragraph's first-line indent? */
export function isIndented(block: Block, shape: PageShape): boolean {
  return !shape.lineMode && firstLineIndented(block.lines[0]!.text, block.lines[1]?.text, shape);
}

/**
 * Is this item prose that opens a paragraph in a measure it shows itself: an indented first line over
 * two full lines, the measure a standfirst's own when those two are of one width (any line on
 * line-per-paragraph pages)? Read before the reading order is restored, where a shorter block (a band's
 * piece) says too little.
 */
export function opensParagraphInOwnMeasure(c: Classified | undefined, shape: PageShape): boolean {
  if (c?.kind.kind !== 'prose' || c.kind.head || c.block.lines.length < OWN_MEASURE_EVIDENCE_LINES) return false;
  if (shape.lineMode) return true;
  const w = (k: number) => visualWidth(c.block.lines[k]!.text, shape.quoteEm);
  const measure = Math.abs(w(1) - w(2)) <= OWN_MEASURE_SLACK ? Math.min(w(1), w(2)) : shape.measure;
  return (
    firstLineIndented(c.block.lines[0]!.text, c.block.lines[1]!.text, shape, measure) && w(1) > measure - INDENT_SLACK
  );
}

/** A byline naming a reporter (`本报记者 李明`): under a head, the article's text opens there. */
export function namesReporter(c: Classified | undefined): boolean {
  return c?.kind.kind === 'byline' && c.kind.parts.authors.length > 0;
}

/** Prose whose first line opens with a dateline (`本报北京3月5日电`): a news article's first paragraph. */
export function opensWithDatelineProse(c: Classified | undefined): boolean {
  return c?.kind.kind === 'prose' && opensWithDateline(c.block.lines[0]!.text);
}

/** A standfirst box's label (`核心阅读`) as a display line: the article's lede follows it. */
export function isStandfirstBox(c: Classified | undefined): boolean {
  return c?.kind.kind === 'display' && isStandfirstLabel(c.kind.text);
}

/**
 * Does this item, under a head, open an article's text: a byline naming a reporter, a dateline, or
 * (when `opensParagraph` is given) a paragraph's opening as it reads one? Each stage of the page walk
 * reads a paragraph's opening its own way.
 */
export function opensArticleText(
  c: Classified | undefined,
  opensParagraph: (c: Classified | undefined) => boolean = () => false,
): boolean {
  return namesReporter(c) || opensWithDatelineProse(c) || opensParagraph(c);
}
