/**
 * Block classification: what each block of lines is *by its form*,
 * before context decides (in assemble.ts) whether a display line is a headline, subhead or caption.
 */
import { firstLineIndented, INDENT_SLACK, setApart, type Block, type PageShape } from './page.js';
import {
  captionOf,
  isRoleOnly,
  parseByline,
  parseRunTogetherNames,
  stopsInsideName,
  unpadNames,
  type BylineParts,
} from './credits.js';
import {
  endsSentence,
  hasProsePunctuation,
  isOrgName,
  isVisitKicker,
  DATELINE_TAIL_RE,
  opensWithDateline,
  opensQuote,
  quoteBalance,
  isRunningHead,
  matchFolio,
  splitGluedOrgTail,
  visualWidth,
  isDashSubtitle,
} from './text-form.js';
import { isEditorCredit, isPhotoSlotLabel, isSlugLine } from './furniture.js';
import { CONTINUATION_START, MID_SENTENCE_START } from './paragraphs.js';
import {
  isStandfirstBox,
  namesReporter,
  opensArticleText,
  opensParagraphInOwnMeasure,
  opensStandfirst,
} from './text-openings.js';
import { cityNameStart, gluedCityNameStart } from './places.js';

/** What a block is by its form alone; the page walk (assembler.ts) decides the rest from context. */
export type BlockKind =
  | { kind: 'folio'; page: number; section: string | null }
  | { kind: 'furniture' }
  | { kind: 'photo-slot' }
  | { kind: 'byline'; parts: BylineParts }
  | {
      kind: 'org-head';
      institution: string;
      headline: string;
      punctuated?: boolean;
      /** Words read off the front of the label into the head (its name starts at a city's name). */
      headWords?: string;
    }
  | { kind: 'org'; institution: string }
  | {
      kind: 'display';
      text: string;
      twoPart: boolean;
      wrapped: boolean;
      caption?: boolean;
      punctuated?: boolean;
      kicker?: boolean;
    }
  | { kind: 'prose'; head?: HeadCandidate };

/**
 * A one-line prose block whose form also fits a head that carries punctuation (a kicker ending in
 * `：`, a headline or subhead with a comma, maybe with its label). It stays prose for the reading
 * order; the page walk reads it as a head only where the text around it allows.
 */
export interface HeadCandidate {
  text: string;
  institution?: string;
  kicker?: boolean;
}

/** A block with what its form says it is. */
export type Classified = { block: Block; kind: BlockKind };

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
const DISPLAY_MAX_WIDTH = 40;

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

/** A closing mark (or a head's closing ？！) and at most two characters after it. */
const CLOSED_THEN_FEW = /[）)”》？！?!][^）)”》？！?!]{1,2}$/;

/**
 * Split `机构 标题` / `标题 机构` (institution and headline on one line, either order). A label read
 * off the end that holds a city name past its start (`党建引领发展成都某某大学附属医院`) starts at that
 * name: what comes before it is the head's last words.
 */
export function splitOrgHeadline(text: string): { institution: string; headline: string; headWords?: string } | null {
  const split = splitOrgHeadlineBySuffix(text);
  if (!split || !text.endsWith(split.institution)) return split;
  const p = cityNameStart(split.institution, isOrgName);
  if (p === 0) return split;
  const institution = split.institution.slice(p);
  return {
    institution,
    headline: text.slice(0, text.length - institution.length).trim(),
    headWords: split.institution.slice(0, p),
  };
}

function splitOrgHeadlineBySuffix(text: string): { institution: string; headline: string } | null {
  // A place-anchored name glued to the end wins: a long last phrase may itself end in 医院.
  // A name glued after a closing mark (`…（健康视点）某某大学附属医院`, `“…”某某医院`, `…？某某医院`): the mark ends the head.
  const afterMark = /^(.{4,}[）)”》？！?!])([^）)”》？！?!\s]+)$/.exec(text);
  const markSplit =
    afterMark && isOrgName(afterMark[2]!) ? { institution: afterMark[2]!, headline: afterMark[1]! } : null;
  const glued = splitGluedOrgTail(text);
  // A head does not end a character or two after its closing mark: the label starts at the mark.
  if (glued && glued.head.length >= 4 && !(markSplit && CLOSED_THEN_FEW.test(glued.head)))
    return { institution: glued.org, headline: glued.head };
  if (markSplit) return markSplit;
  const parts = text.split(/ +/);
  if (parts.length >= 2) {
    if (isOrgName(parts[0])) return { institution: parts[0], headline: parts.slice(1).join(' ') };
    const last = parts[parts.length - 1];
    if (isOrgName(last)) return { institution: last, headline: parts.slice(0, -1).join(' ') };
  }
  // A label named after its city, with no district to anchor it, glued after the head.
  const city = gluedCityNameStart(text, isOrgName);
  return city > 0 ? { institution: text.slice(city), headline: text.slice(0, city).trim() } : null;
}

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

/** Most lines a byline takes: names, a credit, and one line a long credit wrapped onto. */
export const BYLINE_MAX_LINES = 4;

/**
 * Read lines as one byline: every line is names and/or a credit, except that a credit too long for
 * its column wraps (`图片由…` / `…提供`); such a line is joined to the next, without a space.
 */
export function parseBylineLines(texts: string[]): BylineParts | null {
  if (texts.length === 0 || texts.length > BYLINE_MAX_LINES) return null;
  // A bracketed byline wrapped in its column (`（本报记者 李明 通讯员` / `王芳）`) reads as one line.
  // The column may break inside a name (`（本报记者 李` / `明）`), or a padded name (`王 芳）`) on the next line.
  if (texts.length > 1 && /^[（(【［〔]/.test(texts[0]!) && !/[）)】］〕]$/.test(texts[0]!)) {
    for (const joiner of [' ', '']) {
      const whole = parseByline(unpadNames(texts.join(joiner)).text);
      if (whole?.extra) return whole;
    }
    // Letter-spaced, its names run together once the spaces are gone (`（本报记者李明` / `华王芳芳）`).
    const run = parseRunTogetherNames(texts.join(''));
    return run?.extra ? run : null;
  }
  const merged: BylineParts = { authors: [], photoCredit: null, extra: null };
  // A name broken over the lines (`本报记者 李` / `斌`): a single character is never a name, so a line
  // ending on one after a space goes on with the next line's first word.
  if (texts.slice(0, -1).some(stopsInsideName)) {
    const whole = parseByline(texts.join(''));
    if (whole?.extra && whole.authors.length) return whole;
  }
  for (let i = 0; i < texts.length; i++) {
    let p = parseByline(texts[i]);
    if (!p && i + 1 < texts.length) {
      p = parseByline(texts[i] + texts[i + 1]);
      if (p?.photoCredit) i++;
      else p = null;
    }
    if (!p) return null;
    merged.authors.push(...p.authors);
    if (p.photoCredit)
      merged.photoCredit = merged.photoCredit ? `${merged.photoCredit} ${p.photoCredit}` : p.photoCredit;
    if (p.extra) merged.extra = merged.extra ? `${merged.extra} ${p.extra}` : p.extra;
  }
  return merged;
}

/**
 * Head candidates (one-line blocks with punctuation) printed between closed text and a byline, a
 * label or another head are heads: no sentence runs through them. Decided before the reading order
 * is restored, so that such a line is not paired with a column as a piece of a sentence. Those
 * followed by prose are left to the page walk, which sees the text after them in reading order.
 */
export function promoteHeads(items: Classified[], shape: PageShape): Classified[] {
  // Prose that opens a paragraph right under the candidate: an indented first line over full lines.
  const opensParagraph = (c: Classified | undefined) => opensParagraphInOwnMeasure(c, shape);
  // A standfirst set in a narrower measure (no box label over it) stands only under a headline stack.
  const standfirstProse = (c: Classified | undefined) => c?.kind.kind === 'prose' && opensStandfirst(c.block, shape);
  return items.map((c, i) => {
    if (c.kind.kind !== 'prose' || !c.kind.head || c.kind.head.kicker) return c;
    const prev = items[i - 1];
    const prevOpen = prev?.kind.kind === 'prose' && !endsSentence(prev.block.lines[prev.block.lines.length - 1]!.text);
    const next = items[i + 1]?.kind;
    const headFollows =
      next !== undefined &&
      (namesReporter(items[i + 1]) ||
        next.kind === 'org' ||
        next.kind === 'org-head' ||
        (next.kind === 'display' && !next.caption && !setApart(items[i + 1]!.block)) ||
        (next.kind === 'prose' && next.head !== undefined) ||
        opensParagraph(items[i + 1]) ||
        labelledHeadOverText(c, items[i + 1]));
    // A reporter's byline and a paragraph's first line (or a standfirst box's label) under it open an
    // article whatever came before (the article before may be cut off mid-sentence).
    const under = items[i + 2];
    const bylineOpensArticle = namesReporter(items[i + 1]) && (opensParagraph(under) || isStandfirstBox(under));
    // So does a label printed with the head or on the line under it, over a paragraph's opening or a
    // byline: the article before was cut off (it is reported truncated).
    const labelled = c.kind.head.institution !== undefined || next?.kind === 'org';
    const afterLabel = items[i + (c.kind.head.institution !== undefined ? 1 : 2)];
    const labelOpensArticle = labelled && (opensParagraph(afterLabel) || namesReporter(afterLabel));
    // So does a `——` subheadline under it over a byline, a dateline, a standfirst box or a paragraph's opening.
    const subtitleUnder = next?.kind === 'display' && isDashSubtitle(next.text) && !setApart(items[i + 1]!.block);
    const subtitleOpensArticle =
      subtitleUnder &&
      (opensArticleText(items[i + 2], opensParagraph) ||
        isStandfirstBox(items[i + 2]) ||
        standfirstProse(items[i + 2]));
    if ((prevOpen && !bylineOpensArticle && !labelOpensArticle && !subtitleOpensArticle) || !headFollows) return c;
    const { text, institution } = c.kind.head;
    const kind: BlockKind = institution
      ? { kind: 'org-head', institution, headline: text, punctuated: true }
      : { kind: 'display', text, twoPart: false, wrapped: false, punctuated: true };
    return { block: c.block, kind };
  });
}

/**
 * A paragraph's opening lines cut by a column break can carry no mark (`床位由2015年的300张增` /
 * `加到2021年底`) and read as a display block; but its first line is indented, its last fills the
 * measure, and the text after the break goes on its sentence (`的800张…`): no head is followed by
 * text that opens on a mark or particle. Such a block is prose.
 */
export function demoteOpenDisplay(items: Classified[], shape: PageShape): Classified[] {
  return items.map((c, i) => {
    const next = items[i + 1];
    if (c.kind.kind !== 'display' || c.kind.caption || shape.lineMode || c.block.lines.length !== 2) return c;
    if (next?.kind.kind !== 'prose' || next.kind.head || !MID_SENTENCE_START.test(next.block.lines[0]!.text)) return c;
    const [first, last] = c.block.lines.map((l) => l.text) as [string, string];
    const full = visualWidth(last, shape.quoteEm) >= shape.measure - INDENT_SLACK;
    return full && firstLineIndented(first, last, shape) ? { block: c.block, kind: { kind: 'prose' } } : c;
  });
}

/**
 * A head with punctuation and an institution label glued to it or a space apart, standing alone
 * between blank lines over prose that does not go on a sentence, is a labelled headline even when
 * the prose's first-line indent cannot be seen (a short column misreads the measure): a sentence cut by a
 * column break does not end on an organisation's full name after a head's phrase form.
 */
function labelledHeadOverText(c: Classified, next: Classified | undefined): boolean {
  if (c.kind.kind !== 'prose' || !c.kind.head?.institution || next?.kind.kind !== 'prose' || next.kind.head)
    return false;
  if (c.block.lines.length !== 1 || next.block.blankBefore === 0) return false;
  return !CONTINUATION_START.test(next.block.lines[0]!.text);
}

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
