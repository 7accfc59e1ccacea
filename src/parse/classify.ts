/**
 * Block classification: what each block of lines is *by its form*,
 * before context decides (in assemble.ts) whether a display line is a headline, subhead or caption.
 */
import type { BlockKind } from './block-kinds.js';
import { parseBylineLines } from './byline-lines.js';
import { captionOf, isRoleOnly } from './credits.js';
import { isEditorCredit, isPhotoSlotLabel, isSlugLine } from './furniture.js';
import { DISPLAY_MAX_WIDTH, isDisplayLine, isKickerLine, isNumberedHead, isPunctuatedHead } from './head-line-forms.js';
import { splitOrgHeadline } from './org-headline.js';
import type { Block, PageShape } from './page.js';
import {
  hasProsePunctuation,
  isOrgName,
  isRunningHead,
  matchFolio,
  opensQuote,
  quoteBalance,
  visualWidth,
} from './text-form.js';

/** The block kinds, line forms and revisions in context, re-exported so callers import classification from one place. */
export type { BlockKind, Classified, HeadCandidate } from './block-kinds.js';
export { BYLINE_MAX_LINES, parseBylineLines } from './byline-lines.js';
export { demoteOpenDisplay, promoteHeads } from './classify-in-context.js';
export { isDisplayLine, isKickerLine, isNumberedHead, isPunctuatedHead } from './head-line-forms.js';
export { splitOrgHeadline } from './org-headline.js';

/**
 * Join display fragments (a two-line subhead, a display headline pdftotext broke up, a wrapped
 * caption). A deliberate break follows a shorter first phrase and reads as one space (a two-line
 * subhead is joined with one space); wrapped text fills a line first and is joined
 * without space. A line with a phrase space of its own is a head that wrapped.
 */
function joinDisplay(parts: string[], shape: PageShape): { text: string; twoPart: boolean; wrapped: boolean } {
  let text = parts[0];
  let spaced = false;
  for (let i = 1; i < parts.length; i++) {
    const a = parts[i - 1];
    // A head has one phrase break: when either line holds it as a space, this break is a wrap.
    // Three or more fragments are a display line broken up by pdftotext, not a two-phrase head.
    const wrappedHere =
      parts.length >= 3 ||
      visualWidth(a) >= visualWidth(parts[i]) ||
      opensQuote(a) ||
      / /.test(a) ||
      / /.test(parts[i]);
    text += wrappedHere ? parts[i] : ` ${parts[i]}`;
    spaced ||= !wrappedHere;
  }
  const twoPart = spaced || / /.test(text);
  // Text that wrapped filled its first line. Two phrases of a head need not differ in length (heads
  // are often two phrases of equal length): on a column page, two lines the first of which stops well
  // short of the measure are a head broken at its phrase, not a wrapped caption.
  const first = visualWidth(parts[0]!);
  const brokenHead =
    !shape.lineMode && parts.length === 2 && first < shape.measure - WRAP_FILL_SLACK && !opensQuote(parts[0]!);
  return { text, twoPart, wrapped: !twoPart && !brokenHead };
}

/** A wrapped display line fills its column to within this many ems. */
const WRAP_FILL_SLACK = 1;

/**
 * A head or caption never ends on the particle 的 (`目的` aside) nor on an enumeration comma `、`: a
 * block of display-like lines that does is a piece of a sentence (`“某某”等区域品牌的`,
 * `负责急诊急救、`) cut by a column break, and stays prose.
 */
const OPEN_PHRASE_END = /(?:(?<!目)的|、)$/;

/** A wrapped head's last line holds at most this share of its first line. */
const HEAD_TAIL_SHARE = 0.5;

/** The second of two lines is a head's wrapped end: short, and no mark inside a sentence. */
function wrappedHeadTail(texts: string[], shape: PageShape): boolean {
  // A line wrapped inside a quotation is a sentence's, not a head's (a head breaks between phrases).
  // Nor does a head end on 的: that is a sentence cut off (`每天下午擦黑，他都会到楼下` / `的`).
  // Brackets aside: a column tag may wrap (`…（医` / `者仁心）`).
  if (texts.length !== 2 || /[，、。；：]/.test(texts[1]!) || quoteBalance(texts[0]!, false) > 0) return false;
  if (OPEN_PHRASE_END.test(texts[1]!)) return false;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  return w(texts[1]!) <= w(texts[0]!) * HEAD_TAIL_SHARE;
}

/** A head line broken after its comma. */
const COMMA_END = /[，,]$/;

/** A line that ends on an ideograph: wrapped inside a phrase, not broken after a mark. */
const WRAPPED_MID_PHRASE = /[\u3400-\u9fff]$/;

/** Classify one block by form. */
export function classifyBlock(block: Block, shape: PageShape): BlockKind {
  const kind = classifyByForm(block, shape);
  if (kind.kind === 'display' && !kind.caption && OPEN_PHRASE_END.test(kind.text)) return { kind: 'prose' };
  return kind;
}

function classifyByForm(block: Block, shape: PageShape): BlockKind {
  const texts = block.lines.map((l) => l.text);
  if (texts.length === 1) {
    const t = texts[0];
    const folio = matchFolio(t);
    if (folio) return { kind: 'folio', ...folio };
    if (isRunningHead(t) || isSlugLine(t) || isEditorCredit(t)) return { kind: 'furniture' };
    if (isPhotoSlotLabel(t)) return { kind: 'photo-slot' };
  }
  const caption = captionOf(texts);
  if (caption !== null) return { kind: 'display', text: caption, twoPart: false, wrapped: true, caption: true };
  const byline = parseBylineLines(texts);
  if (byline) return { kind: 'byline', parts: byline };
  // A reporter's role on a line of its own (a letter-spaced byline broken up): the byline's, not a head's.
  if (texts.length === 1 && isRoleOnly(texts[0]!))
    return { kind: 'byline', parts: { authors: [], photoCredit: null, extra: texts[0]! } };
  if (texts.length === 1 && isKickerLine(texts[0])) {
    const t = texts[0];
    if (hasProsePunctuation(t)) return { kind: 'prose', head: { text: t, kicker: true } };
    return { kind: 'display', text: t, twoPart: false, wrapped: false, punctuated: true, kicker: true };
  }
  // A lone line that opens a bracket or quote it does not close is a piece of a sentence, not a head.
  if (texts.length === 1 && isDisplayLine(texts[0], shape) && !opensQuote(texts[0])) {
    const t = texts[0];
    if (isNumberedHead(t)) return { kind: 'display', text: t, twoPart: true, wrapped: false };
    const oh = splitOrgHeadline(t);
    if (oh) return { kind: 'org-head', ...oh };
    if (isOrgName(t)) return { kind: 'org', institution: t };
    return { kind: 'display', text: t, twoPart: /[^\s] +[^\s]/.test(t), wrapped: false };
  }
  if (texts.length === 1 && hasProsePunctuation(texts[0])) {
    const t = texts[0];
    const oh = visualWidth(t) <= DISPLAY_MAX_WIDTH ? splitOrgHeadline(t) : null;
    if (oh && isPunctuatedHead(oh.headline, shape))
      return { kind: 'prose', head: { text: oh.headline, institution: oh.institution } };
    if (isPunctuatedHead(t, shape)) return { kind: 'prose', head: { text: t } };
  }
  // A head with punctuation that wrapped mid-phrase (its first line ends on an ideograph, not a mark),
  // split off the prose under it by form (split.ts): one head.
  // Set apart by blank lines, such a head ends on a short line: a word or two, maybe a ！ or a tag's
  // closing bracket (`病房不熄灯，打造区域医疗` / `高地！`); the page walk reads it as a head only where
  // no sentence runs through it.
  if (
    (block.runIn || wrappedHeadTail(texts, shape)) &&
    texts.length === 2 &&
    WRAPPED_MID_PHRASE.test(texts[0]!) &&
    !OPEN_PHRASE_END.test(texts[0]!) &&
    isPunctuatedHead(texts.join(''), shape)
  )
    return { kind: 'prose', head: { text: texts.join('') } };
  // A head broken after its comma, split off the text under it by form (phrase-broken-heads.ts).
  if (block.runIn && texts.length === 2 && COMMA_END.test(texts[0]!) && isPunctuatedHead(texts.join(''), shape))
    return { kind: 'prose', head: { text: texts.join('') } };
  if (texts.length >= 2 && texts.length <= 4 && texts.every((t) => isDisplayLine(t, shape, false))) {
    // Institution label and headline on separate lines without a blank between.
    if (isNumberedHead(texts[0]))
      return { kind: 'display', ...joinDisplay(texts, shape), twoPart: true, wrapped: false };
    const rest = [...texts];
    let institution: string | null = null;
    if (isOrgName(rest[0]) && !isOrgName(rest[1])) institution = rest.shift()!;
    else if (isOrgName(rest[rest.length - 1]) && !opensQuote(rest[rest.length - 2])) institution = rest.pop()!;
    const joined = joinDisplay(rest, shape);
    if (institution) return { kind: 'org-head', institution, headline: joined.text };
    return { kind: 'display', ...joined };
  }
  return { kind: 'prose' };
}
