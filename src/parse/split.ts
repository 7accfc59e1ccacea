/**
 * Display lines run into prose: pdftotext prints a wrapped subhead or a
 * two-line headline with no blank line before the body under it, so the head opens a prose block.
 * Split it off by form: the head's lines carry no sentence punctuation, its first line is either a
 * two-phrase line (`甲乙 丙丁`) or clearly narrower than the column, and its wrapped lines are as wide
 * as the first (set in the same larger size) until a shorter last line.
 */
import {
  BYLINE_MAX_LINES,
  isDisplayLine,
  isKickerLine,
  isPunctuatedHead,
  isNumberedHead,
  parseBylineLines,
  splitOrgHeadline,
} from './classify.js';
import { captionOf, isRoleOnly, parseByline } from './credits.js';
import type { Reporter, SourceLine } from './lines.js';
import { reviewNote } from './report.js';
import { CONTINUATION_START } from './paragraphs.js';
import { endsLikeNamePart } from './places.js';
import { headBrokenAtComma } from './phrase-broken-heads.js';
import { CUT_OFF_SHORTFALL, FIRST_LINE_INDENT, INDENT_SLACK, setApart, type Block, type PageShape } from './page.js';
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
  splitGluedOrgTail,
  visualWidth,
} from './text-form.js';

/** A phrase space between two ideographs or quotes: the visual break inside a display line. */
const PHRASE_SPACE = /[\u3400-\u9fff“”‘’] [\u3400-\u9fff“”‘’]/;
/** A head glued before its label has at least this many characters. */
const GLUED_HEAD_MIN = 4;

/** A head's words, then a place-anchored label glued after them (the words no part of a name). */
function gluedLabelAfterHead(text: string): boolean {
  const glued = splitGluedOrgTail(text);
  return glued !== null && glued.head.length >= GLUED_HEAD_MIN && !endsLikeNamePart(glued.head);
}

/** One character, then a mark: the end of a word broken at the line above, never a head's first phrase. */
const WORD_END_START = /^[\u3400-\u9fff][，、；：]/;
/** A head's closing mark: a head with punctuation may end on ！ or ？. */
const CLOSES_HEAD = /[！？!?]$/;
/** A head's first phrase set on a line of its own is at most this share of the measure. */
const PHRASE_MAX = 0.6;
/**
 * A plain line over a head with punctuation (a kicker over its head), nothing else under them but what
 * was split off as the stack's tail. Two lines of prose differ: cut by a column break, the second fills
 * the measure; a whole paragraph opens on a line as wide as the measure less its 2-em indent (a
 * standfirst has a measure of its own: there the first line stops short of the second by the indent).
 * A `——` subheadline, column tag or label split off under them is proof enough of a stack.
 */
function plainOverPunctuated(texts: string[], stackTail: boolean, shape: PageShape): boolean {
  if (texts.length !== 2 || !isDisplayLine(texts[0]!, shape, false) || isNumberedHead(texts[0]!)) return false;
  // A line opening on one character and a mark (`层，…`) ends a word the line above broke: one sentence.
  if (WORD_END_START.test(texts[1]!)) return false;
  if (!isPunctuatedHead(texts[1]!, shape) && !(stackTail && hasProsePunctuation(texts[1]!))) return false;
  // On a page printed a paragraph a line, two short lines are no paragraph: a kicker over its head.
  if (stackTail || shape.lineMode) return true;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  // A head with its label glued on (or a space apart) under a plain line narrower than an indented
  // first line: a kicker over its labelled head (a column line seldom ends on a full name after a head's form).
  if (splitOrgHeadline(texts[1]!) && isPunctuatedHead(texts[1]!, shape))
    return w(texts[0]!) < shape.measure - FIRST_LINE_INDENT;
  const shortfall = w(texts[1]!) - w(texts[0]!);
  // A head closing on ！ or ？ may fill the column: under a short plain line (no wrapped line of
  // prose, no paragraph's indented opening) it is no column line going on.
  const fill = CLOSES_HEAD.test(texts[1]!) ? 0 : INDENT_SLACK;
  return (
    w(texts[0]!) < shape.measure - FIRST_LINE_INDENT - INDENT_SLACK &&
    w(texts[1]!) <= shape.measure - fill &&
    !(shortfall >= INDENT_SLACK && shortfall <= FIRST_LINE_INDENT + 1)
  );
}

/** At most this many lines of a head. */
const MAX_HEAD_LINES = 4;

/** How many leading lines of `block` are a head run into the prose under it (0 when none). */
export function leadingHeadLines(block: Block, shape: PageShape): number {
  const lines = block.lines.map((l) => l.text);
  if (shape.lineMode || lines.length < 2) return 0;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const first = lines[0];
  if (!isDisplayLine(first, shape, false)) return 0;
  const twoPhrase = PHRASE_SPACE.test(first) && first.split(' ').length === 2;
  if (!twoPhrase && w(first) > shape.measure - 3) return 0;
  let k = 1;
  // A standfirst box's label (`核心阅读`) under the head opens the box, not a line of the head.
  while (
    k < lines.length - 1 &&
    k < MAX_HEAD_LINES &&
    isDisplayLine(lines[k], shape, false) &&
    !isStandfirstLabel(lines[k]!)
  ) {
    const wk = w(lines[k]);
    if (wk < w(first) - 1) {
      k++;
      break;
    }
    if (Math.abs(wk - w(first)) > 1) break;
    k++;
  }
  // A head broken at its phrase space: a short first phrase (PHRASE_MAX of the measure at most) over a longer second one, then the body’s
  // prose (`守正创新` / `打造服务新高地` / `今年以来，…`; the body's indented first line may hold no comma yet).
  const second = lines[1]!;
  const onlyFirstLineRead = k === 1 && !twoPhrase && lines.length > 2;
  const shortFirstPhrase = w(first) <= shape.measure * PHRASE_MAX && !CONTINUATION_START.test(first);
  const longerSecondPhrase =
    isDisplayLine(second, shape, false) && w(second) > w(first) + 1 && w(second) <= shape.measure;
  // An indented line over a full one is the body's opening, not a second phrase (`打通服务末梢` / `开展…` / `规定…，…`).
  if (onlyFirstLineRead && shortFirstPhrase && longerSecondPhrase && !opensParagraphAt(lines, 1, shape)) {
    // The second phrase may wrap once more onto a short line (`以创新驱动推动高质量发` / `展`).
    const third = lines[2]!;
    const wraps =
      lines.length > 3 &&
      isDisplayLine(third, shape, false) &&
      w(third) < w(second) - 1 &&
      !hasProsePunctuation(third) &&
      !opensQuote(third);
    const k2 = wraps ? 3 : 2;
    if (lines.slice(k2, k2 + 2).some(hasProsePunctuation)) k = k2;
  }
  // A head is complete in itself: a line that leaves a quotation open is the body's first line.
  while (k > 1 && opensQuote(lines.slice(0, k).join(''))) k--;
  // A two-phrase head set on one line is whole: an indented line over a fuller one under it opens the body.
  if (twoPhrase && k === 2 && opensParagraphAt(lines, 1, shape)) k = 1;
  // A narrow first line alone is a paragraph's indented opening; a head needs its wrapped line too.
  if (!twoPhrase && k < 2) return 0;
  const body = lines[k];
  // A numbered subhead (`三、…`) heads what follows even when pdftotext left a quote alone on the next line.
  if (isNumberedHead(first) && lines.slice(k).some(hasProsePunctuation)) return k;
  if (k >= lines.length || (isDisplayLine(body, shape, false) && w(body) < shape.measure - 3 && !opensQuote(body)))
    return 0;
  return k;
}

/**
 * A block parted under its first `k` lines, a head run into the prose under it: the head keeps the
 * block's place and blank lines, the prose goes on right under it. Kept whole where `k` is 0.
 */
function splitAfterHead(b: Block, k: number): Block[] {
  if (k === 0) return [b];
  return [
    { ...b, lines: b.lines.slice(0, k), runIn: true },
    { lines: b.lines.slice(k), blankBefore: 0, first: false },
  ];
}

/** Split every block whose first lines are a head run into prose into a head block and a prose block. */
export function splitRunInHeads(blocks: Block[], shape: PageShape): Block[] {
  return blocks.flatMap((b) => {
    const k = leadingHeadLines(b, shape);
    return splitAfterHead(b, k);
  });
}

/**
 * pdftotext prints a byline right under the column's last line, with no blank line between. When the
 * last lines of a prose block read as a byline and the line above them ends a sentence, they are split
 * off into a block of their own (a byline never continues a sentence). So are bare names under copy cut
 * off mid-sentence (see cutOffAt): the sentence does not go on on the next line.
 */
export function splitTrailingBylines(blocks: Block[], shape: PageShape, report?: Reporter): Block[] {
  return blocks.flatMap((b) => {
    const texts = b.lines.map((l) => l.text);
    // A caption's own credit line (`图为…。` / `新华社记者 王刚 摄`) stays with its caption.
    if (captionOf(texts) !== null) return [b];
    for (let k = Math.min(BYLINE_MAX_LINES, texts.length - 1); k >= 1; k--) {
      const cut = texts.length - k;
      const underHead =
        k === 1 &&
        cut <= 2 &&
        texts.slice(0, cut).every((t) => isDisplayLine(t, NO_SHAPE) || isPunctuatedHead(t, NO_SHAPE)) &&
        !!parseByline(texts[cut]!)?.extra;
      const byline = bareNamesOverRole(texts.slice(cut)) ? null : parseBylineLines(texts.slice(cut));
      // Names with a role or a photo credit end an article even after a sentence cut off (a truncated article).
      const strong = !!byline && byline.authors.length > 0 && (!!byline.photoCredit || !!byline.extra);
      const afterCut = !endsSentence(texts[cut - 1]) && cutOffAt(texts, cut - 1, shape);
      if ((!endsSentence(texts[cut - 1]) && !afterCut && !underHead && !strong) || !byline) continue;
      if (afterCut && !strong && !underHead && report) reviewBylineAfterCut(b.lines[cut - 1]!, b.lines[cut]!, report);
      return [
        { ...b, lines: b.lines.slice(0, cut) },
        { lines: b.lines.slice(cut), blankBefore: 0, first: false },
      ];
    }
    return [b];
  });
}

/** Bare names under copy cut off mid-sentence, read as the byline: reported, as they could go on the sentence. */
function reviewBylineAfterCut(cut: SourceLine, names: SourceLine, report: Reporter): void {
  reviewNote(
    report,
    names,
    `“${names.text}” under “${cut.text}”, which stops mid-sentence well short of the measure (copy cut off): read as the byline; it could go on the sentence`,
  );
}

/**
 * Does line `i` of a block stop mid-sentence well short of the measure inside a paragraph (the column's
 * line above it goes on a sentence)? A column breaks on a full line, so the copy was cut off there.
 */
function cutOffAt(texts: string[], i: number, shape: PageShape): boolean {
  if (shape.lineMode || i < 1 || endsSentence(texts[i - 1]!)) return false;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  // The line above is a column's line: as wide as the measure, or as a full indented first line.
  const above = w(texts[i - 1]!);
  const columnLine = above >= shape.measure - FIRST_LINE_INDENT - INDENT_SLACK && above <= shape.measure + INDENT_SLACK;
  return columnLine && w(texts[i]!) < shape.measure - CUT_OFF_SHORTFALL;
}

/**
 * A byline opens with its role (`本报记者 李明` / `王芳`): a line of bare names over a line that
 * carries a role is no part of it, but the short last line of a wrapped head (`…护佑一` / `方平安`).
 */
function bareNamesOverRole(texts: string[]): boolean {
  if (texts.length < 2) return false;
  const first = parseByline(texts[0]!);
  return !!first && !first.extra && !first.photoCredit && texts.slice(1).some((t) => !!parseByline(t)?.extra);
}

/** Shape for testing a head over its byline alone: the head may span columns, so any display width goes. */
const DISPLAY_MEASURE = 40;
const NO_SHAPE: PageShape = { lineMode: false, measure: DISPLAY_MEASURE };

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

/**
 * Is line `k` a paragraph's indented first line: narrower than the fuller line under it by the
 * indent, not a continuation, and not the second half of a number or word broken over the lines?
 */
function opensParagraphAt(texts: string[], k: number, shape: PageShape): boolean {
  if (k + 1 >= texts.length) return false;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const opening = w(texts[k]!);
  const full = w(texts[k + 1]!);
  // A number or word broken over the lines (`6月2` / `7日`) is one paragraph.
  const brokenWord = k > 0 && /[\dA-Za-z]$/.test(texts[k - 1]!) && /^[\dA-Za-z]/.test(texts[k]!);
  return (
    !brokenWord &&
    !CONTINUATION_START.test(texts[k]!) &&
    opening <= full - INDENT_SLACK &&
    full >= shape.measure - INDENT_SLACK
  );
}

/**
 * pdftotext prints a reporter's byline under the headline stack straight above the first column
 * line. A first line that reads as a byline with a role (`本报记者 周航 通讯员 韩雪`) is split off;
 * a names-only line is left alone, as it could be a short line of prose.
 */
export function splitLeadingBylines(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => {
    const first = b.lines.length > 1 ? parseByline(b.lines[0].text) : null;
    if (!first?.extra || first.authors.length === 0) return [b];
    return [
      { ...b, lines: b.lines.slice(0, 1) },
      { lines: b.lines.slice(1), blankBefore: 0, first: false },
    ];
  });
}

/**
 * A numbered subhead (`二、科技赋能 提升产品`) printed straight under a paragraph's last line, with no
 * blank line between (as `pdftotext -layout` gives a column), opens a block of its own.
 */
export function splitBeforeNumberedHeads(blocks: Block[], shape: PageShape): Block[] {
  return blocks.flatMap((b) => {
    const out: Block[] = [];
    let start = 0;
    b.lines.forEach((l, i) => {
      if (
        i === 0 ||
        !isNumberedHead(l.text) ||
        !isDisplayLine(l.text, shape, false) ||
        !endsSentence(b.lines[i - 1]!.text)
      )
        return;
      out.push({ ...b, lines: b.lines.slice(start, i), ...(start ? { blankBefore: 0, first: false } : {}) });
      start = i;
    });
    if (!start) return [b];
    out.push({ lines: b.lines.slice(start), blankBefore: 0, first: false });
    return out;
  });
}

/**
 * A reporter's byline with its role (`记者 李明`) at most a blank line under a block, over a block of
 * text: the stack's byline over the article's first text. A byline closing an article (cut off or
 * not) has the next article's head under it, a line of its own, not text.
 */
function bylineOverText(blocks: Block[], j: number): boolean {
  const [byline, text] = [blocks[j], blocks[j + 1]];
  if (!byline || setApart(byline) || byline.lines.length !== 1 || !text || text.lines.length < 2) return false;
  const parts = parseByline(byline.lines[0]!.text);
  return parts !== null && parts.authors.length > 0 && parts.extra !== null;
}

/**
 * A headline stack printed without blank lines: a kicker (`…——`, `…：`) or a label over the headline,
 * and a label, a column tag (`（健康视点）`) or a `——` subheadline under it. Each of these becomes a
 * block of its own, so the walk reads kicker, label, headline, tag and subheadline apart instead of
 * one display line run together (or, when the headline carries punctuation, a piece of prose).
 */
export function splitStackLines(blocks: Block[], shape: PageShape): Block[] {
  const headLine = (t: string) => isDisplayLine(t, shape) || isPunctuatedHead(t, shape);
  return blocks.flatMap((b, i) => {
    const texts = b.lines.map((l) => l.text);
    if (texts.length < 2 || texts.length > 4 || !texts.slice(1).every(headLine)) return [b];
    // A `——` subheadline printed right under the block or one blank line below (split off already: it
    // stands alone) ends the stack too; so do a standfirst box's label (`核心阅读`) and a reporter's
    // byline over the text.
    const next = blocks[i + 1];
    const nextText = next?.lines[0]?.text ?? '';
    const subtitleUnder =
      next !== undefined &&
      !setApart(next) &&
      (isDashSubtitle(nextText) || isStandfirstLabel(nextText) || bylineOverText(blocks, i + 1));
    const head: Block['lines'][] = [];
    const tail: Block['lines'][] = [];
    let lines = b.lines;
    // Under the head, from the bottom up: a `——` subheadline, a column tag, a label under a head
    // with punctuation (`守护健康，我们一直在` / `某某医院`).
    // (A label under a plain head stays with it: the block reads as label and head.)
    const punctuated = lines.slice(isKickerLine(texts[0]!) ? 1 : 0).some((l) => hasProsePunctuation(l.text));
    for (;;) {
      const last = lines[lines.length - 1]?.text ?? '';
      // A reporter's role alone (a letter-spaced byline broken up) is the byline's first piece.
      const under = isDashSubtitle(last) || isColumnTag(last) || (isOrgName(last) && punctuated) || isRoleOnly(last);
      if (lines.length < 2 || !under) break;
      tail.unshift(lines.slice(-1));
      lines = lines.slice(0, -1);
    }
    const rest = lines.map((l) => l.text);
    // A label over a head with punctuation (a display block reads a label over a plain head itself).
    const labelOverPunctuated = rest.length === 2 && isOrgName(rest[0]!) && hasProsePunctuation(rest[1]!);
    // A plain line over a head that opens with its label (`某某医院 守护健康`): a label opens its stack,
    // so the line over it is the kicker, never the head's first line.
    const labelOpensNext =
      rest.length === 2 && !hasProsePunctuation(rest[0]!) && / /.test(rest[1]!) && isOrgName(rest[1]!.split(' ')[0]!);
    // A plain line over a head with its label glued after it (`某某 / 守护健康某某区医院`): the label
    // closes the head's own line, so the line over it is the kicker, not the head's first line.
    const labelClosesNext = rest.length === 2 && !hasProsePunctuation(rest[0]!) && gluedLabelAfterHead(rest[1]!);
    const overHead =
      isKickerLine(rest[0]!) ||
      labelOverPunctuated ||
      labelOpensNext ||
      labelClosesNext ||
      plainOverPunctuated(rest, tail.length > 0 || subtitleUnder, shape);
    // Something must be left under it to be the head.
    if (overHead && rest.length >= 2) {
      head.push(lines.slice(0, 1));
      lines = lines.slice(1);
      // Under a kicker, a label over a head with punctuation splits as well: kicker, label, head.
      const [label, punctuatedHead] = [lines[0]?.text ?? '', lines[1]?.text ?? ''];
      if (lines.length === 2 && isOrgName(label) && hasProsePunctuation(punctuatedHead)) {
        head.push(lines.slice(0, 1));
        lines = lines.slice(1);
      }
    }
    if (head.length === 0 && tail.length === 0) return [b];
    return [...head, lines, ...tail].map((part, k) =>
      k === 0 ? { ...b, lines: part } : { lines: part, blankBefore: 0, first: false },
    );
  });
}
