/**
 * Heads printed straight over the prose they head, right under a label, a kicker, the page's head,
 * an article's closing byline or closed prose: split off as blocks of their own.
 */
import { isDisplayLine, isKickerLine, isPunctuatedHead } from './classify.js';
import { parseByline } from './credits.js';
import { CONTINUATION_START } from './paragraphs.js';
import { FIRST_LINE_INDENT, INDENT_SLACK, type Block, type PageShape } from './page.js';
import { headBrokenAtComma } from './phrase-broken-heads.js';
import { MAX_HEAD_LINES, NO_SHAPE, opensParagraphAt, splitAfterHead } from './split-head-parts.js';
import {
  closesQuote,
  endsSentence,
  hasProsePunctuation,
  isColumnTag,
  isDashSubtitle,
  isOrgName,
  isPageDate,
  isStandfirstLabel,
  matchFolio,
  opensQuote,
  opensWithDateline,
  visualWidth,
} from './text-form.js';

/**
 * A head printed straight over the prose it heads (a headline spanning the columns of its article,
 * read by pdftotext into the first column's block) right under a line that stands alone: a label, a
 * kicker or the page's head. It is one or two head lines, then the paragraph's indented first line
 * over a fuller line, so the head is no fragment of that paragraph. Split off as a block of its own.
 */
export function splitHeadsUnderLabels(blocks: Block[], shape: PageShape): Block[] {
  return blocks.flatMap((b, i) => {
    const prev = blocks[i - 1];
    if (shape.lineMode || !prev || b.lines.length < 3) return [b];
    const texts = b.lines.map((l) => l.text);
    // Head lines over their label (`某某 / 某某 / 某某区医院`): a stack, no head over a paragraph.
    if (isOrgName(texts[texts.length - 1]!) && !texts.some(hasProsePunctuation)) return [b];
    const k =
      underLabel(prev) || afterEndByline(blocks, i)
        ? headBrokenAtComma(texts, shape) ||
          headOverParagraph(texts, shape) ||
          headOverShortParagraph(texts, shape) ||
          (labelAbove(prev) ? closedHeadOverText(texts, shape) : 0) ||
          (stackOpensOver(blocks, i) ? wrappedHeadUnderStack(texts, shape) : 0)
        : afterClosedProse(prev)
          ? headOverShortParagraph(texts, shape) || headBrokenAtComma(texts, shape)
          : 0;
    return splitAfterHead(b, k);
  });
}

/** A single line standing alone over the block: a label, a kicker or the page's head (not a byline). */
function underLabel(prev: Block): boolean {
  if (prev.lines.length !== 1) return false;
  const label = prev.lines[0]!.text;
  // A byline stands over the body's first paragraph, not over a head.
  return !(hasProsePunctuation(label) && !isKickerLine(label)) && !parseByline(label);
}

/**
 * A reporter's byline (with its role) closing an article: under prose that ends a sentence, printed
 * straight under it or a blank line below. What follows it opens the next article, as under a label.
 */
function afterEndByline(blocks: Block[], i: number): boolean {
  const prev = blocks[i - 1]!;
  const texts = prev.lines.map((l) => l.text);
  const byline = parseByline(texts[texts.length - 1]!);
  if (!byline?.extra || byline.authors.length === 0) return false;
  // Side-by-side modules' bylines may come out one under the other.
  let j = texts.length - 2;
  while (j >= 0 && parseByline(texts[j]!)?.extra) j--;
  if (j >= 0) return endsSentence(texts[j]!);
  const before = blocks[i - 2];
  return !!before && before.lines.length > 1 && endsSentence(before.lines[before.lines.length - 1]!.text);
}

/** Prose whose last sentence is closed: what follows it on the page opens something new. */
function afterClosedProse(prev: Block): boolean {
  const last = prev.lines[prev.lines.length - 1]!.text;
  return prev.lines.length > 1 && endsSentence(last) && !parseByline(last);
}

/** A head is clearly narrower than the indented opening under it (ems): a one-line paragraph is not. */
const HEAD_SHORTFALL = 3;

/**
 * After prose that ends a sentence, a head printed straight over its article's first column: one head
 * line (`如何跑出加速度？`, a question or an unpunctuated line, never a full stop) over a paragraph
 * opening indented against the page's measure. The opening may be a short paragraph (its next line
 * shorter), so the measure is the page's, and the head must fall well short of the indented opening
 * (a one-line paragraph under a column break is as likely as a head: then the block stays whole).
 */
function headOverShortParagraph(texts: string[], shape: PageShape): number {
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const [head, opening] = [texts[0]!, texts[1]!];
  const headLike = isDisplayLine(head, shape, false) || (isPunctuatedHead(head, shape) && !/[，、：]/.test(head));
  if (!headLike || CONTINUATION_START.test(head) || opensQuote(head) || closesQuote(head)) return 0;
  if (CONTINUATION_START.test(opening) || w(head) > w(opening) - HEAD_SHORTFALL) return 0;
  // As wide as an indented first line, the head line may be one: a paragraph opening under a column break.
  const indented = shape.measure - FIRST_LINE_INDENT;
  if (w(head) >= indented - INDENT_SLACK) return 0;
  // A short paragraph: its indented opening, then a shorter last line that closes its sentence.
  const last = texts[2]!;
  const shortParagraph =
    w(opening) >= indented - INDENT_SLACK &&
    w(opening) <= shape.measure - INDENT_SLACK &&
    !endsSentence(opening) &&
    endsSentence(last) &&
    w(last) < w(opening);
  return shortParagraph || opensParagraphAt(texts, 1, shape) ? 1 : 0;
}

/** An institution label alone over the block (not a head: under a head, a question opens a standfirst). */
function labelAbove(prev: Block): boolean {
  return prev.lines.length === 1 && isOrgName(prev.lines[0]!.text);
}

/**
 * Under a label, a head that closes on `？` or `！` (`如何跑出加速度？`) over a line that opens a
 * sentence of its own: cutting after it cuts no sentence, so the line over the text is the head
 * even without an indent to show where the text opens (the walk still reads it in context).
 */
function closedHeadOverText(texts: string[], shape: PageShape): number {
  const head = texts[0]!;
  if (!/[？！]$/.test(head) || !isPunctuatedHead(head, shape) || opensQuote(head) || closesQuote(head)) return 0;
  return CONTINUATION_START.test(texts[1]!) || CONTINUATION_START.test(head) ? 0 : 1;
}

/**
 * A label or kicker alone over the block opens a headline stack, unless a head line stands alone
 * right over it (the label printed under its head; a byline, folio or running head is no head).
 */
function stackOpensOver(blocks: Block[], i: number): boolean {
  const prev = blocks[i - 1]!;
  if (!labelAbove(prev) && !isKickerLine(prev.lines[0]!.text)) return false;
  const before = blocks[i - 2];
  if (before?.lines.length !== 1) return true;
  const t = before.lines[0]!.text;
  if (parseByline(t) || matchFolio(t) || isPageDate(t) || isOrgName(t) || isKickerLine(t) || /的$/.test(t)) return true;
  return !(isDisplayLine(t, NO_SHAPE) || isPunctuatedHead(t, NO_SHAPE));
}

/** A head's wrapped last line is at most this share of its first (`报销快了，传承红色基` / `因`). */
const HEAD_TAIL_MAX_SHARE = 0.5;

/**
 * Under a label or a kicker standing alone, the head must come next: a head set in display type over
 * a narrow module wraps where its width runs out and pdftotext prints it straight over the text, with
 * no indent to show where the text opens. Its first line reads as a head; it ends there when it closes
 * on `？`/`！`/a column tag or when no wrapped tail follows, else at its tail: a line half as wide at
 * most (or closing on a mark or tag), with lines as wide as the first and no mark between. A line
 * with a mark inside, or of another width, is the text's; a first line left open as wide as the line
 * under it is a column's line, not a head.
 */
function wrappedHeadUnderStack(texts: string[], shape: PageShape): number {
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const first = texts[0]!;
  const headLike = (t: string) => isDisplayLine(t, NO_SHAPE) || isPunctuatedHead(t, NO_SHAPE);
  if (CONTINUATION_START.test(first) || opensWithDateline(first) || parseByline(first) || isOrgName(first)) return 0;
  // An indented line over a fuller one opens a paragraph: the text begins right under the label.
  if (opensParagraphAt(texts, 0, shape)) return 0;
  const closed = (t: string) => /[？！]$/.test(t) || /[（(][^（）()]*[）)]$/.test(t);
  let k = 1;
  if (!closed(first)) {
    for (let j = 1; j < Math.min(texts.length - 1, MAX_HEAD_LINES); j++) {
      const t = texts[j]!;
      const inner = closed(t) ? t.replace(/[？！]$/, '').replace(/[（(][^（）()]*[）)]$/, '') : t;
      if (hasProsePunctuation(inner) || CONTINUATION_START.test(t.slice(-1))) break;
      if (closed(t) || w(t) <= w(first) * HEAD_TAIL_MAX_SHARE) {
        k = j + 1;
        break;
      }
      if (Math.abs(w(t) - w(first)) > 1) break;
    }
  }
  // A first line as wide as the line under it, left open, is a column's line: the text runs on.
  if (k === 1 && !closed(first) && Math.abs(w(first) - w(texts[1]!)) <= 1) return 0;
  const head = texts.slice(0, k).join('');
  if (!headLike(head) || endsSentence(head.replace(/[？！]$/, '')) || opensQuote(head)) return 0;
  // A head stops on its last phrase: a line ending on a comma goes on in the text.
  if (/[，、：,:]$/.test(head) || k >= texts.length || CONTINUATION_START.test(texts[k]!)) return 0;
  return k;
}

/** Lines of head (1 or 2) over a paragraph's indented first line and a fuller line; 0 when none. */
function headOverParagraph(texts: string[], shape: PageShape): number {
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const headLike = (t: string) => isDisplayLine(t, shape) || isPunctuatedHead(t, shape);
  // A dateline (`本报成都4月6日电`) opens the first paragraph: the lines over it are the whole head.
  const dateline = texts.findIndex((t, j) => j > 0 && j <= 2 && opensWithDateline(t));
  for (const k of dateline > 0 ? [dateline] : [1, 2]) {
    // A wrapped head over one line only: a one-line paragraph, or an opening the column broke after.
    const overOneLine = k === 2 && texts.length === 3;
    if (texts.length < k + 2 && !overOneLine) break;
    const head = texts.slice(0, k);
    // A column tag may wrap (`…惠及百姓！（医` / `者仁心）`): then the head is judged whole.
    const tagWraps = k === 2 && opensQuote(texts[0]!) && isColumnTag(`（${texts[0]!.split(/[（(]/).pop()}${texts[1]}`);
    const headOk = tagWraps ? headLike(head.join('')) : head.every(headLike);
    if (!headOk || CONTINUATION_START.test(texts[0]!) || opensQuote(head.join(''))) continue;
    // A wrapped head's second line is its shorter end, without a mark ending a sentence inside it.
    if (k === 2 && (w(texts[1]!) >= w(texts[0]!) || (hasProsePunctuation(texts[0]!.slice(-1)) && !tagWraps))) continue;
    // A `——` subheadline right under the head closes the stack: the text under it is the body's.
    if (isDashSubtitle(texts[k]!) && k !== dateline && k + 1 < texts.length) return k + 1;
    // A `核心阅读` box under the head opens the article's standfirst.
    if (k === dateline || opensParagraphAt(texts, k, shape) || isStandfirstLabel(texts[k]!)) return k;
    if (overOneLine && wrappedHeadOverLine(texts, shape)) return k;
  }
  return 0;
}

/**
 * Two lines wrapped inside a phrase (the first ends on an ideograph) that read as one head, over a
 * line that opens a sentence of its own.
 */
function wrappedHeadOverLine(texts: string[], shape: PageShape): boolean {
  const joined = texts[0]! + texts[1]!;
  return (
    /[\u3400-\u9fff]$/.test(texts[0]!) &&
    (isDisplayLine(joined, shape) || isPunctuatedHead(joined, shape)) &&
    !CONTINUATION_START.test(texts[2]!)
  );
}
