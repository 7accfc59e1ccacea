/**
 * A line's form as a head: a numbered subhead, a display line, a head that carries punctuation, a
 * kicker. Form alone; the page walk decides from context what such a line is.
 */
import type { PageShape } from './page.js';
import { splitOrgHeadline } from './org-headline.js';
import {
  DATELINE_TAIL_RE,
  endsSentence,
  hasProsePunctuation,
  isVisitKicker,
  opensQuote,
  opensWithDateline,
  visualWidth,
} from './text-form.js';

/**
 * A numbered section subhead (`一、…`, `（二）…`, `3. …`): numbering marks a subhead in any paper, so
 * such a line is never a headline, an institution or a caption.
 */
const NUMBERED_HEAD_RE =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))\s*\S/;

/** Is this a numbered section subhead (`一、…`, `（二）…`)? */
export function isNumberedHead(text: string): boolean {
  return NUMBERED_HEAD_RE.test(text);
}

/** Display lines (heads, captions) are short; longer unpunctuated lines are prose fragments. */
export const DISPLAY_MAX_WIDTH = 40;

/**
 * Is a line display-like: short, no sentence punctuation? A line standing alone may be as wide as a
 * headline spanning columns; a line inside a two-line block must fit the column measure.
 */
export function isDisplayLine(text: string, shape: PageShape, alone = true): boolean {
  // A dateline's bracketed reporters read apart from its opening (`（记者 李明、王芳）…`) are text too.
  if (hasProsePunctuation(text) || endsSentence(text) || opensWithDateline(text) || DATELINE_TAIL_RE.test(text.trim()))
    return false;
  const w = visualWidth(text);
  return w <= DISPLAY_MAX_WIDTH && (alone || shape.lineMode || w <= shape.measure + 2);
}

/** A head carries at most this many marks (`守护健康，我们一直在`, `病房不熄灯，我们不下班！`). */
const HEAD_MAX_MARKS = 2;
/** A kicker or a punctuated head is at most this wide (ems); longer lines with commas are prose. */
const PUNCTUATED_HEAD_MAX_WIDTH = 24;

/**
 * Could a line that carries punctuation be a head (headline, kicker, subhead) by its form? Heads
 * carry commas, colons, ！？ and quotes, but never a full stop or semicolon, never end on a comma,
 * and are short. The form alone cannot tell such a line from a column-break fragment of a
 * sentence: the page walk decides from the text around it (and says so in a `needs-review` note).
 */
export function isPunctuatedHead(text: string, shape: PageShape): boolean {
  if (!hasProsePunctuation(text) || /[。；;…]/.test(text) || /[，、,；：:]$/.test(text) || isNumberedHead(text))
    return false;
  // Two sentences (`如何…？如何…？`) are prose: a head ends a sentence, if at all, at its end (a label or a
  // column tag may follow).
  // A label glued after the head (or a space apart) is no part of the head's form or width.
  const labelled = splitOrgHeadline(text);
  const withTag = labelled && labelled.headline.length >= 4 ? labelled.headline : text;
  const head = withTag.replace(/[（(][^（）()]*[）)]$/, '');
  if (/[？！?!](?![”’」』）)]*$)/.test(head)) return false;
  if ((text.match(/[，：！？,:!?]/g) ?? []).length > HEAD_MAX_MARKS || opensQuote(text)) return false;
  const w = visualWidth(text);
  return visualWidth(withTag) <= PUNCTUATED_HEAD_MAX_WIDTH && (shape.lineMode ? w < shape.measure / 2 : true);
}

/**
 * A kicker (引题) by form: a short line ending in `——` or `：` (`记者探访某某医院——`, `聚焦基层：`), or
 * one naming the place a report comes from (`走进某某医院`).
 */
export function isKickerLine(text: string): boolean {
  const t = text.trim();
  if (isVisitKicker(t)) return true;
  if (!/(?:——|：|:)$/.test(t) || /[。；;！？]/.test(t) || isNumberedHead(t)) return false;
  return (
    (t.match(/[，：,:]/g) ?? []).length <= HEAD_MAX_MARKS &&
    visualWidth(t) <= PUNCTUATED_HEAD_MAX_WIDTH &&
    visualWidth(t) >= 4
  );
}
