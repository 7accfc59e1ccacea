/**
 * The page walk: go through the classified blocks in reading order
 * and decide, from context, what each display line is — banner, headline, subheadline, subhead or
 * caption — while paragraphs are joined across column breaks and lifted captions. The questions it
 * asks of the blocks live apart: boundaries.ts (does a line open an article), text-openings.ts (how
 * prose opens), display-forms.ts (a line's form), running-head.ts; the stacks and prose it reads
 * are head-stacks.ts and prose-reader.ts, over article-builder.ts.
 */
import type { Assembled } from './article-builder.js';
import { ProseReader } from './prose-reader.js';
import { isNumberedHead, type Classified, type HeadCandidate } from './classify.js';
import { FIRST_LINE_INDENT, setApart, type Block } from './page.js';
import {
  endsSentence,
  goesOnStack,
  hasProsePunctuation,
  isColumnTag,
  isDashSubtitle,
  isStandfirstLabel,
  visualWidth,
} from './text-form.js';
import { nextProse, headsNewArticle } from './boundaries.js';
import {
  captionNotSubhead,
  isHeadlineTail,
  isPhraseSummary,
  isPlainKickerRun,
  isSubheadForm,
  readsAsKickerOver,
} from './display-forms.js';
import { readBareFolio, takeHeadBand, takeLeadingRunningHead } from './running-head.js';
import {
  goesOnSentence,
  isIndented,
  isStandfirstBox,
  opensArticleText,
  opensIndentedParagraph,
  opensText,
} from './text-openings.js';

/** A line opening so goes on a phrase begun elsewhere: no head opens on a mark, 的 or 们. */
const OPENS_MID_PHRASE = /^[，、。；：？！”’）》的们]/;

/** One kind of classified item, by its tag. */
type ItemKind<K extends Classified['kind']['kind']> = Extract<Classified['kind'], { kind: K }>;

/** A display line as the walk reads it: its text, its form, and whether blank lines set it apart. */
interface DisplayLine {
  text: string;
  twoPart: boolean;
  wrapped: boolean;
  block: Block;
  caption: boolean;
  apart: boolean;
}

/** Walks the classified blocks of one page; `run` returns the page's articles. */
/** A lone line this many ems short of a paragraph's full first line cannot be one broken at a column's foot. */
const SHORT_OF_FIRST_LINE = 1;

export class Assembler extends ProseReader {
  /** Photo slots seen whose caption has not come yet: the next display lines are their captions. */
  private slotsAwaitingCaption = 0;

  run(items: Classified[]): Assembled {
    for (let i = takeLeadingRunningHead(items, this.out, this.reviewRunningHead); i < items.length; i++)
      i += this.step(items, i);
    this.closeArticle();
    if (this.state === 'top' && this.top.length) {
      // Display lines only, no prose: keep them as a headline-only article so no text is lost.
      this.startArticle({ headline: '' }, this.top[0].block);
    }
    this.keepStrayCaptions();
    return this.out;
  }

  /** Title words read with the page's date as its running head: a short head printed over the date reads the same. */
  private reviewRunningHead = (words: string[], at: Classified): void => {
    this.review(
      at.block.lines[0]!,
      `Read ${words.map((w) => `“${w}”`).join('、')} with the page's date as the running head (page furniture); a word could be a short head`,
    );
  };

  /**
   * Captions still waiting at the end of the page (a photo slot and its caption with no article to hold
   * them): kept as page furniture and reported, so no character is lost silently.
   */
  private keepStrayCaptions(): void {
    for (const c of this.topCaptions) {
      const text = c.lines.map((l) => l.text).join('');
      this.out.furniture.push(text);
      this.report(
        'caption-without-article',
        `Caption “${text}” has no article on this page; kept as page furniture`,
        c.lines[0]!.line,
        c.lines[0]!.column,
        'info',
      );
    }
    this.topCaptions = [];
  }

  /** Handle items[i]; returns how many following items it consumed. */
  private step(items: Classified[], i: number): number {
    const { block, kind } = items[i];
    const text = block.lines.map((l) => l.text).join('');
    if (readBareFolio(items, i, this.out, this.state === 'top')) return this.out.folio!.section ? 1 : 0;
    switch (kind.kind) {
      case 'folio': {
        // The printed line is kept as furniture, so no character is lost (`第4版` prints more than the
        // number and section; a repeated folio is a second line); `folio` is the first one, read.
        if (!this.out.folio) this.out.folio = { page: kind.page, section: kind.section };
        this.out.furniture.push(text);
        return takeHeadBand(items, i, this.out.furniture);
      }
      case 'furniture':
        this.out.furniture.push(text);
        return 0;
      case 'photo-slot':
        this.out.furniture.push(text);
        this.slotsAwaitingCaption++;
        return 0;
      case 'byline':
        this.bylineItem(kind, items, i);
        return 0;
      case 'org-head':
        return this.labelledHeadItem(kind, items, i);
      case 'org':
        return this.labelItem(kind, items, i);
      case 'display':
        return this.displayItem(kind, items, i);
      case 'prose':
        if (!block.continues && this.stackAtPageTop(items, i) !== null) return 0;
        if (kind.head && !block.continues) {
          const taken = this.punctuatedHead(kind.head, items, i);
          if (taken !== null) return taken;
        }
        this.slotsAwaitingCaption = 0;
        this.proseBlock(block, nextProse(items, i));
        return 0;
    }
  }

  /** A byline: a photo's credit, or the article's byline (opening the body under the stack, or ending it). */
  private bylineItem(kind: ItemKind<'byline'>, items: Classified[], i: number): void {
    const { block } = items[i];
    if (this.creditForFigure(kind.parts, items[i - 1])) return;
    this.flush();
    const beforeBody = this.state === 'top' || this.state === 'stack';
    this.ensureArticle(block);
    this.mergeByline(kind.parts);
    if (kind.parts.guess) {
      this.review(block.lines[0]!, `Byline set letter-spaced, its names run together: ${kind.parts.guess}`);
    }
    // A byline under the headline stack (`本报记者 李明`) opens the body; one after the body ends it.
    if (!beforeBody || this.current!.children.length) this.state = 'closed';
  }

  /** A label with its head glued to it on one line: opens an article (maybe under a kicker). */
  private labelledHeadItem(
    kind: ItemKind<'org-head'>,
    items: Classified[],
    i: number,
    kickerAbove: { text: string; block: Block } | null = null,
  ): number {
    const { block } = items[i];
    if (kind.headWords) {
      this.review(
        block.lines[0]!,
        `Label “${kind.institution}” glued after the head: “${kind.headWords}” before its city name read as the head's last words; it could be part of the name (“${kind.headWords}${kind.institution}”)`,
      );
    }
    if (kind.punctuated)
      this.reviewHead(block, `the headline “${kind.headline}” under the label “${kind.institution}”`);
    const over = this.kickerOverLabel(kind, items, i);
    if (over !== null) return over;
    const kicker = kickerAbove ?? this.kickerOverLabelledHead(kind.headline, items, i);
    this.startArticle(
      { institution: kind.institution, headline: kind.headline, kicker: kicker?.text },
      kicker?.block ?? block,
    );
    return 0;
  }

  /** An institution label on its own line: over or under a head, in a stack, or floating in the text. */
  private labelItem(kind: ItemKind<'org'>, items: Classified[], i: number): number {
    const { block } = items[i];
    const next = items[i + 1];
    const stacked = this.orgStack(items, i);
    if (stacked) return stacked;
    const labelled =
      this.labelOverPunctuatedHead(kind.institution, items, i) ??
      this.labelUnderHead(kind.institution, items, i) ??
      this.labelInStack(kind.institution, items, i);
    if (labelled !== null) return labelled;
    // A label over a kicker in its form (`…——`, `走进…`) over a head: label, 引题 and headline of one stack.
    if (next?.kind.kind === 'display' && next.kind.kicker && !next.kind.caption && !setApart(next.block)) {
      const taken = this.kickerStack(next.kind.text, items, i + 1, { institution: kind.institution, block });
      if (taken !== null) return taken + 1;
    }
    // A label over a head: a one-line head, or a head that wrapped when text or a byline runs under it.
    const after = items[i + 2]?.kind.kind;
    const heads = (d: { wrapped: boolean; caption?: boolean }) =>
      !d.caption && (!d.wrapped || after === 'prose' || after === 'byline');
    if (next && next.kind.kind === 'display' && !setApart(next.block) && heads(next.kind)) {
      this.startArticle({ institution: kind.institution, headline: next.kind.text }, block);
      return 1;
    }
    if (this.state === 'top') {
      this.startArticle({ institution: kind.institution, headline: '' }, block);
      return 0;
    }
    this.floatingInstitution(kind.institution, block);
    return 0;
  }

  /** A display line: a kicker over its head, a head with punctuation (reported), or read in context. */
  private displayItem(kind: ItemKind<'display'>, items: Classified[], i: number): number {
    const { block } = items[i];
    if (kind.kicker) {
      const stack = this.kickerStack(kind.text, items, i);
      if (stack !== null) return stack;
    }
    if (kind.punctuated) {
      const afterOpen = this.pendingOpen();
      const taken = this.display(
        kind.text,
        kind.twoPart,
        kind.wrapped,
        { ...block, blankBefore: Math.min(1, block.blankBefore) },
        items,
        i,
      );
      const what = this.headReadFrom(kind.text);
      if (what) this.reviewHead(block, what, afterOpen);
      return taken;
    }
    return this.display(kind.text, kind.twoPart, kind.wrapped, block, items, i, kind.caption);
  }

  /**
   * Can a line with punctuation be a head here? Only where no sentence is open before it and what
   * follows is not the rest of a sentence: a display line, a byline, or prose that opens a paragraph
   * (its first line indented, or a line of its own on line-per-paragraph pages).
   */
  private headContext(items: Classified[], i: number): boolean {
    // A sentence left open before it goes on after it, unless its column was found cut off.
    if (this.pendingOpen() && !items[i - 1]?.block.cutOff) return false;
    let j = i + 1;
    // Look past captions and photo slots printed between: the text after them decides.
    while (
      items[j]?.kind.kind === 'photo-slot' ||
      (items[j]?.kind.kind === 'display' &&
        ((items[j]!.kind as { caption?: boolean }).caption || setApart(items[j]!.block)))
    )
      j++;
    const next = items[j];
    if (next?.kind.kind !== 'prose') return true;
    const first = next.block.lines[0]!.text;
    if (goesOnSentence(next.block, this.shape) || next.block.continues) return false;
    // A short line that ends a sentence may be a sentence's tail as well as a paragraph's first line.
    if (!this.shape.lineMode && endsSentence(first) && next.block.lines.length === 1) return false;
    return this.shape.lineMode || isIndented(next.block, this.shape) || this.shortOfFirstLine(items[i]!.block);
  }

  /**
   * In an article's body, a line alone in its block, stopping well short of a paragraph's full first
   * line, is no piece of a column broken mid-sentence (the next word would have fitted on it): the text
   * under it opens a paragraph even where its first line does not read as indented (a hanging mark,
   * Latin widths).
   */
  private shortOfFirstLine(block: Block): boolean {
    const inBody = this.state === 'body' || (this.state === 'stack' && this.pending.length > 0);
    if (!inBody || block.lines.length !== 1) return false;
    const width = visualWidth(block.lines[0]!.text, this.shape.quoteEm);
    return width <= this.shape.measure - FIRST_LINE_INDENT - SHORT_OF_FIRST_LINE;
  }

  /**
   * A one-line block that may be a head with punctuation: a kicker over a head, a headline under
   * its label, or a head. Read as one only where no sentence is open before it and a new paragraph
   * (or a head or byline) follows; every such reading is reported for review. Returns null to keep
   * it as prose.
   */
  private punctuatedHead(head: HeadCandidate, items: Classified[], i: number): number | null {
    const block = items[i]!.block;
    if (head.kicker) return this.kickerStack(head.text, items, i);
    if (!this.headContext(items, i)) return null;
    const afterOpen = this.pendingOpen();
    let taken: number;
    if (head.institution) {
      this.startArticle({ institution: head.institution, headline: head.text }, block);
      taken = 0;
    } else {
      // Set apart by blank lines or not, a line with punctuation is never a caption here (captions are read by their own form).
      taken = this.display(
        head.text,
        false,
        false,
        { ...block, blankBefore: Math.min(1, block.blankBefore) },
        items,
        i,
      );
    }
    const what = this.headReadFrom(head.text);
    if (what) this.reviewHead(block, what, afterOpen);
    return taken;
  }

  /** A display block in context; returns how many following items it consumed. */
  private display(
    text: string,
    twoPart: boolean,
    wrapped: boolean,
    block: Block,
    items: Classified[],
    i: number,
    caption = false,
  ): number {
    const apart = setApart(block) && !block.first && !this.headAfterCaption(text, items, i);
    const line: DisplayLine = { text, twoPart, wrapped, block, caption, apart };
    if (this.slotsAwaitingCaption > 0) {
      this.captionForSlot(line);
      return 0;
    }
    if (this.takenUnderHead(line)) return 0;
    // In the body, or under the stack while its first paragraph is still being read.
    const inBody =
      this.state === 'body' || this.state === 'closed' || (this.state === 'stack' && this.pending.length > 0);
    if (inBody && !caption) {
      const opened = this.displayOpensArticle(line, items, i);
      if (opened !== null) return opened;
    }
    if (this.state === 'top') this.displayAtTop(line, items, i);
    else if (this.state === 'closed') this.displayAfterByline(line, items, i);
    else if (this.state === 'stack' && !this.pending.length) this.displayInStack(line, items[i + 1]);
    else this.displayInBody(line, items, i);
    return 0;
  }

  /** A display line after a photo slot is that photo's caption (set aside at the top, a figure below). */
  private captionForSlot({ text, block }: DisplayLine): void {
    this.slotsAwaitingCaption--;
    if (this.state === 'top') this.topCaptions.push(block);
    else this.addFigure(text, block);
  }

  /**
   * Right under a headline, before any text: a column tag joins the headline, a box label or a wrapped
   * summary opens the standfirst. Returns whether the line was taken so.
   */
  private takenUnderHead({ text, block, caption }: DisplayLine): boolean {
    if (this.state !== 'stack' || !this.current || this.current.children.length || this.pending.length) return false;
    // A column tag printed under the headline belongs to it; a box label opens the standfirst.
    if (isColumnTag(text) && !this.current.subheadline) {
      this.current.headline += text;
      return true;
    }
    if (isStandfirstLabel(text)) {
      this.addStandfirstLabel(text, block);
      return true;
    }
    if (!caption && this.current.lede.length === 0 && this.isWrappedSummary(text, block)) {
      this.addSummaryStandfirst(text, block);
      return true;
    }
    return false;
  }

  /**
   * In the body, does the display line open a new article: a head over its label, a kicker over a label
   * and head, or a head the stack or text under it marks as one? Returns the items consumed, or null.
   */
  private displayOpensArticle({ text, block }: DisplayLine, items: Classified[], i: number): number | null {
    const next = items[i + 1];
    // A head with its label on the next line, then text or a byline: a new article.
    const afterItem = items[i + 2]?.kind;
    const after = afterItem?.kind;
    // Under the label, a `——` subheadline or a standfirst box (`核心阅读`) still belongs to the stack.
    const subtitleAfter =
      afterItem?.kind === 'display' && (isDashSubtitle(afterItem.text) || isStandfirstLabel(afterItem.text));
    // An article without a label of its own takes a label printed mid-text instead (see floatingInstitution).
    // A label printed right under the head (no blank line between) names the head's own article.
    // So does one with a standfirst box, a reporter's byline or a dateline under it: those open an article.
    const boxAfter = isStandfirstBox(items[i + 2]);
    const opensUnder = boxAfter || opensArticleText(items[i + 2]);
    // A head with punctuation over a label a blank line below, over a paragraph's opening: a stack of its
    // own (a subhead carries no label under it).
    const punctuatedOverOpening =
      hasProsePunctuation(text) && after === 'prose' && opensIndentedParagraph(items[i + 2], this.shape);
    // So does a `——` subheadline under the label: a subhead has neither.
    const labelled =
      this.current?.institution ||
      this.state === 'closed' ||
      next?.block.blankBefore === 0 ||
      opensUnder ||
      punctuatedOverOpening ||
      (afterItem?.kind === 'display' && isDashSubtitle(afterItem.text));
    if (
      labelled &&
      next?.kind.kind === 'org' &&
      !setApart(next.block) &&
      (after === 'prose' || after === 'byline' || after === undefined || subtitleAfter || boxAfter)
    ) {
      this.startArticle({ institution: next.kind.institution, headline: text }, block);
      return 1;
    }
    if (this.kickerOverLabelAndHead(text, items, i)) return 2;
    const glued = items[i + 1];
    // One run of words printed close over a head with its label on one line: the head's kicker (引题),
    // not a caption or subhead of the article before (a caption stands apart from the next head). Under
    // a run of captions, or a byline crediting photos, it may be one more caption: left to the walk.
    const prev = items[i - 1]?.kind;
    const afterPhotos =
      prev?.kind === 'display' ||
      prev?.kind === 'photo-slot' ||
      (prev?.kind === 'byline' && prev.parts.photoCredit !== null);
    if (
      glued?.kind.kind === 'org-head' &&
      glued.block.lines.length === 1 &&
      !setApart(glued.block) &&
      !afterPhotos &&
      isPlainKickerRun(text)
    ) {
      this.review(
        block.lines[0]!,
        `“${text}” right over the labelled head “${glued.kind.headline}” read as its kicker (引题); it could be a caption or subhead of the article before`,
      );
      return 1 + this.labelledHeadItem(glued.kind, items, i + 1, { text, block });
    }
    const stack = headsNewArticle(items, i, this.shape);
    if (stack === 'head') this.startArticle({ headline: text }, block);
    if (stack === 'kicker')
      this.startArticle({ kicker: text, headline: (items[i + 1].kind as { text: string }).text }, block);
    if (stack === 'plain-kicker') return this.plainKickerStack(text, items, i);
    if (stack) {
      this.reviewBoundary(text, block);
      return stack === 'kicker' ? 1 : 0;
    }
    return null;
  }

  /** Above the first article: a line of the banner or first stack, a caption set aside, or a box label. */
  private displayAtTop({ text, block, caption, wrapped, apart }: DisplayLine, items: Classified[], i: number): void {
    // A column tag printed right under a display line at the top rides on that line (a head): it is
    // never a head of its own, and a label under it names the head above.
    const last = this.top[this.top.length - 1];
    if (isColumnTag(text) && last && block.blankBefore === 0 && !isColumnTag(last.text)) {
      last.text += text;
      return;
    }
    // A standfirst box label (`核心阅读`) under display lines at the top closes their stack: the box opens
    // the standfirst, never a line of the stack.
    if (this.top.length && !caption && isStandfirstLabel(text)) {
      this.ensureArticle(block);
      this.addStandfirstLabel(text, block);
      return;
    }
    // A line set apart under a single line (no stack, no caption yet) and over an article's opening
    // text (a dateline, a standfirst, an indented first line) is its headline, the line above the
    // banner: a caption does not come before any head.
    const underBannerOnly = this.top.length === 1 && this.topCaptions.length === 0;
    const headsText =
      apart && underBannerOnly && !caption && !wrapped && !isNumberedHead(text) && opensText(items[i + 1], this.shape);
    if ((apart || caption) && this.top.length && !headsText) {
      this.topCaptions.push(block);
      if (!caption && block.lines.length === 1) this.apartAtTop.add(block);
    } else if (headsText && this.top.length) {
      this.review(
        block.lines[0]!,
        `“${text}” set apart over the text under it read as the first headline, the lines above it as the banner; it could be a photo caption`,
      );
      this.top.push({ text, block, blankBefore: items[i]!.block.blankBefore });
    } else this.top.push({ text, block, blankBefore: items[i]!.block.blankBefore });
  }

  /** After an article's byline: text of the article before, the next article's headline, or a caption. */
  private displayAfterByline(
    { text, block, caption, wrapped, apart }: DisplayLine,
    items: Classified[],
    i: number,
  ): void {
    const next = items[i + 1];
    // A line opening on a mark or particle that never opens a head (`的“…”大型`) is a piece of a column
    // pdftotext printed after the byline: the text it goes on belongs to the article before.
    if (OPENS_MID_PHRASE.test(text)) {
      this.proseBlock(block);
      this.review(
        block.lines[0]!,
        `“${text}” after a byline opens mid-phrase: read as text of the article before, not as the headline of a new one`,
      );
      return;
    }
    const nextIsDisplay = !next || ['display', 'org', 'org-head'].includes(next.kind.kind);
    // After an article's byline, a head set apart over a paragraph's indented first line opens the next
    // article (text after a byline needs a headline; a caption there is rare). Reported for review.
    const headsText =
      apart && !wrapped && !caption && !isNumberedHead(text) && opensIndentedParagraph(next, this.shape);
    if (headsText) {
      this.startArticle({ headline: text }, block);
      this.reviewBoundary(text, block);
    } else if (apart || wrapped || nextIsDisplay) this.addFigure(text, block);
    else this.startArticle({ headline: text }, block);
  }

  /** Under the headline, before the text: a caption, the headline's wrapped end, the subheadline or a subhead. */
  private displayInStack({ text, block, twoPart, wrapped, apart }: DisplayLine, next: Classified | undefined): void {
    if (apart || wrapped) this.addFigure(text, block);
    else if (isHeadlineTail(text, this.current!)) {
      this.current!.headline += text;
      this.reviewHeadlineTail(text, block);
    } else if (this.textOpeningUnderByline(text, block, next)) return;
    else if (this.kickerAboveHead(text, block, next)) return;
    else if (!twoPart && !this.current!.subheadline && this.current!.lede.length === 0) {
      this.current!.subheadline = text;
    } else if (isPhraseSummary(text, this.current!, this.shape)) this.addPhraseSummary(text, block);
    else this.addHeading(text, block);
  }

  /**
   * Under the stack's byline the stack is done: a line over prose that goes on without a paragraph's
   * opening (no indent, no dateline) is that paragraph's first line, not a subheadline. Reported.
   */
  private textOpeningUnderByline(text: string, block: Block, next: Classified | undefined): boolean {
    const a = this.current!;
    if (this.shape.lineMode || a.byline.authors.length === 0 || a.children.length || block.lines.length !== 1)
      return false;
    if (next?.kind.kind !== 'prose' || next.kind.head || setApart(next.block) || opensText(next, this.shape))
      return false;
    if (isIndented(next.block, this.shape) || isDashSubtitle(text) || isColumnTag(text)) return false;
    this.review(
      block.lines[0]!,
      `“${text}” under the byline read as the first line of the text under it (which goes on without a paragraph's opening); it could be a subheadline`,
    );
    this.proseBlock(block);
    return true;
  }

  /**
   * A head line right under a headline that is one plain run of words, before anything else of the
   * stack: the line above was the kicker (引题) and this one is the headline. Reported: it could be the
   * headline over a subheadline printed without its dash.
   */
  private kickerAboveHead(text: string, block: Block, next: Classified | undefined): boolean {
    const a = this.current!;
    if (a.kicker || a.subheadline || a.lede.length || a.children.length || setApart(block)) return false;
    // A line run straight into the text under it, or one whose sentence the text goes on, is that
    // text's first line. What comes under it opens the article's text (a byline, a dateline, an indented first line) or
    // goes on with the stack (a label, a `——` subheadline): not a caption under a photo of the head.
    if (block.runIn || !next || next.block.blankBefore === 0 || next.block.continues) return false;
    const k = next.kind;
    const opens =
      k.kind === 'org' ||
      (k.kind === 'display' && (goesOnStack(k.text) || isStandfirstLabel(k.text))) ||
      opensArticleText(next, (c) => opensText(c, this.shape));
    if (!opens) return false;
    if (!readsAsKickerOver(a.headline, text, this.shape)) return false;
    const l = block.lines[0]!;
    this.report(
      'needs-review',
      `“${a.headline}” over “${text}” read as its kicker (引题) over the headline; it could be the headline over a subheadline`,
      l.line,
      l.column,
      'info',
    );
    a.kicker = a.headline;
    a.headline = text;
    return true;
  }

  /** In the body: a caption, a subhead (maybe interrupting a sentence), or a sentence fragment. */
  private displayInBody(line: DisplayLine, items: Classified[], i: number): void {
    const { text, block, twoPart, wrapped, caption, apart } = line;
    const next = items[i + 1];
    const open = this.pendingOpen();
    const proseAfter = nextProse(items, i);
    // Set apart by blank lines, as captions are, but numbered or in two phrases over text after a closed
    // paragraph: the form of a section subhead (captions are one phrase, a sentence, or carry a credit).
    const headForm = apart && !open && !wrapped && !caption && proseAfter !== null && (isNumberedHead(text) || twoPart);
    if (wrapped || (apart && !headForm) || (open && proseAfter && !twoPart)) {
      this.addFigure(text, block);
      return;
    }
    if (open && proseAfter?.continues) {
      this.addInterruptingHeading(text, block);
      return;
    }
    if (!twoPart && block.lines.length === 1 && proseAfter) {
      const captionFollows = next && next.kind.kind === 'display' && setApart(next.block);
      // A piece of a sentence goes on after the caption; an indented line there opens a new paragraph.
      if ((captionFollows && !isIndented(proseAfter, this.shape)) || goesOnSentence(proseAfter, this.shape)) {
        this.proseBlock(block); // a sentence fragment cut by a column break or a caption
        return;
      }
    }
    if (block.lines.length === 1 && captionNotSubhead(text, items, i, this.current)) {
      this.addFigure(text, block);
      this.reviewCaption(block);
      return;
    }
    this.addHeading(text, block);
    if (headForm && !isNumberedHead(text)) this.reviewApartSubhead(text, block);
  }

  /**
   * Blank lines after a caption close the caption's flow; they do not set the next line apart. A
   * line in a subhead's form there, over a paragraph's indented first line, is a subhead.
   */
  private headAfterCaption(text: string, items: Classified[], i: number): boolean {
    const prev = items[i - 1]?.kind;
    const next = items[i + 1];
    if (prev?.kind !== 'display' || !isSubheadForm(text) || next?.kind.kind !== 'prose') return false;
    const prevIsCaption = prev.caption || this.lastIsFigure();
    return prevIsCaption && isIndented(next.block, this.shape);
  }
}
