/**
 * How prose opens: whether a prose block is the first line of a paragraph, a standfirst or a short
 * summary over the text. Read only from the blocks and the page's measure, so the page walk and its
 * boundary checks can ask the same questions without sharing state.
 */
import type { Classified } from './classify.js';
import { firstLineIndented, INDENT_SLACK, widthAsSet, type Block, type PageShape } from './page.js';
import { CONTINUATION_START, MID_SENTENCE_START } from './paragraphs.js';
import { EDITOR_SIGNATURE_RE, endsSentence, hasProsePunctuation, opensWithDateline } from './text-form.js';

/** A standfirst recognised by its narrower measure spans at least this many lines… */
const STANDFIRST_MIN_LINES = 3;
/** …none of them within this many ems of the body measure (body lines fill it, half-width commas or not). */
const STANDFIRST_SHORTFALL = 2;
/** A summary standfirst without end punctuation runs at most this many lines. */
const SUMMARY_MAX_LINES = 3;

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
 * paragraph: under a line indented as a paragraph's first, only a mark or particle that never
 * begins a sentence says so.
 */
export function goesOnSentence(block: Block, shape: PageShape): boolean {
  return (isIndented(block, shape) ? MID_SENTENCE_START : CONTINUATION_START).test(block.lines[0]!.text);
}

/** Is a block's first line, on a column page, narrower than the measure by a paragraph's first-line indent? */
export function isIndented(block: Block, shape: PageShape): boolean {
  return !shape.lineMode && firstLineIndented(block.lines[0]!.text, block.lines[1]?.text, shape);
}
