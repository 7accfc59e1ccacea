/**
 * The page walk: go through the classified blocks in reading order
 * and decide, from context, what each display line is — banner, headline, subheadline, subhead or
 * caption — while paragraphs are joined across column breaks and lifted captions.
 */
import { ArticleBuilder, BANNER_GAP, type Assembled } from './article-builder.js';
import { isNumberedHead, type Classified, type HeadCandidate } from './classify.js';
import type { Reporter, SourceLine } from './lines.js';
import type { Block, PageShape } from './page.js';
import {
  CONTINUATION_START,
  joinedAsTail,
  MID_SENTENCE_START,
  startsParagraph,
  type ProseIndex,
} from './paragraphs.js';
import { isHeadBandWord } from './furniture.js';
import {
  EDITOR_SIGNATURE_RE,
  opensWithDateline,
  endsSentence,
  hasProsePunctuation,
  isColumnTag,
  isDashSubtitle,
  isStandfirstLabel,
  visualWidth,
} from './text-form.js';
import { INDENT_SLACK, indentWidth, narrowBlockMeasure } from './page.js';
import type { BylineParts } from './credits.js';
import { spanOfLines } from './positions.js';
import { isOnePhrase, isSubheadForm, nextProse, punctuatedHead, headsNewArticle } from './boundaries.js';
import { goesOnSentence, isIndented, opensIndentedParagraph, opensText } from './text-openings.js';

/** A line opening so goes on a phrase begun elsewhere: no head opens on a mark, 的 or 们. */
const OPENS_MID_PHRASE = /^[，、。；：？！”’）》的们]/;

/** A line under a headline at most this wide (ems) may be the headline's wrapped end (`…凝聚奋进力` / `量`). */
const HEADLINE_TAIL_MAX = 3;
/** A bare page number is the folio only among the page's first this-many blocks (the running head). */
const FOLIO_TOP_BLOCKS = 5;

/** Walks the classified blocks of one page; `run` returns the page's articles. */
export class Assembler extends ArticleBuilder {
  /** Photo slots seen whose caption has not come yet: the next display lines are their captions. */
  private slotsAwaitingCaption = 0;

  constructor(
    shape: PageShape,
    private prose: ProseIndex,
    report: Reporter,
  ) {
    super(shape, report);
  }

  run(items: Classified[]): Assembled {
    for (let i = 0; i < items.length; i++) i += this.step(items, i);
    this.closeArticle();
    if (this.state === 'top' && this.top.length) {
      // Display lines only, no prose: keep them as a headline-only article so no text is lost.
      this.startArticle({ headline: '' }, this.top[0].block);
    }
    this.keepStrayCaptions();
    return this.out;
  }

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
    const next = items[i + 1];
    const text = block.lines.map((l) => l.text).join('');
    if (this.bareFolio(items, i)) return this.out.folio!.section ? 1 : 0;
    switch (kind.kind) {
      case 'folio': {
        // The printed line is kept as furniture, so no character is lost (`第4版` prints more than the
        // number and section; a repeated folio is a second line); `folio` is the first one, read.
        if (!this.out.folio) this.out.folio = { page: kind.page, section: kind.section };
        this.out.furniture.push(text);
        return this.headBand(items, i);
      }
      case 'furniture':
        this.out.furniture.push(text);
        return 0;
      case 'photo-slot':
        this.out.furniture.push(text);
        this.slotsAwaitingCaption++;
        return 0;
      case 'byline': {
        if (this.creditForFigure(kind.parts, items[i - 1])) return 0;
        this.flush();
        const beforeBody = this.state === 'top' || this.state === 'stack';
        this.ensureArticle(block);
        this.mergeByline(kind.parts);
        if (kind.parts.guess) {
          const l = block.lines[0]!;
          this.report(
            'needs-review',
            `Byline set letter-spaced, its names run together: ${kind.parts.guess}`,
            l.line,
            l.column,
            'info',
          );
        }
        // A byline under the headline stack (`本报记者 李明`) opens the body; one after the body ends it.
        if (!beforeBody || this.current!.children.length) this.state = 'closed';
        return 0;
      }
      case 'org-head': {
        if (kind.headWords) {
          const l = block.lines[0]!;
          this.report(
            'needs-review',
            `Label “${kind.institution}” glued after the head: “${kind.headWords}” before its city name read as the head's last words; it could be part of the name (“${kind.headWords}${kind.institution}”)`,
            l.line,
            l.column,
            'info',
          );
        }
        if (kind.punctuated)
          this.reviewHead(block, `the headline “${kind.headline}” under the label “${kind.institution}”`);
        const over = this.kickerOverLabel(kind, items, i);
        if (over !== null) return over;
        const kicker = this.kickerOverLabelledHead(kind.headline, items, i);
        this.startArticle(
          { institution: kind.institution, headline: kind.headline, kicker: kicker?.text },
          kicker?.block ?? block,
        );
        return 0;
      }
      case 'org': {
        const stacked = this.orgStack(items, i);
        if (stacked) return stacked;
        const labelled =
          this.labelOverPunctuatedHead(kind.institution, items, i) ??
          this.labelUnderHead(kind.institution, items, i) ??
          this.labelInStack(kind.institution, items, i);
        if (labelled !== null) return labelled;
        // A label over a head: a one-line head, or a head that wrapped when text or a byline runs under it.
        const after = items[i + 2]?.kind.kind;
        const heads = (d: { wrapped: boolean; caption?: boolean }) =>
          !d.caption && (!d.wrapped || after === 'prose' || after === 'byline');
        if (next && next.kind.kind === 'display' && next.block.blankBefore < 2 && heads(next.kind)) {
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
      case 'display':
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
      case 'prose':
        if (kind.head && !block.continues) {
          const taken = this.punctuatedHead(kind.head, items, i);
          if (taken !== null) return taken;
        }
        this.slotsAwaitingCaption = 0;
        this.proseBlock(block, nextProse(items, i));
        return 0;
    }
  }

  /**
   * Can a line with punctuation be a head here? Only where no sentence is open before it and what
   * follows is not the rest of a sentence: a display line, a byline, or prose that opens a paragraph
   * (its first line indented, or a line of its own on line-per-paragraph pages).
   */
  private headContext(items: Classified[], i: number): boolean {
    if (this.pendingOpen()) return false;
    let j = i + 1;
    // Look past captions and photo slots printed between: the text after them decides.
    while (
      items[j]?.kind.kind === 'photo-slot' ||
      (items[j]?.kind.kind === 'display' &&
        ((items[j]!.kind as { caption?: boolean }).caption || items[j]!.block.blankBefore >= 2))
    )
      j++;
    const next = items[j];
    if (!next || next.kind.kind !== 'prose') return true;
    const first = next.block.lines[0]!.text;
    if (goesOnSentence(next.block, this.shape) || next.block.continues) return false;
    // A short line that ends a sentence may be a sentence's tail as well as a paragraph's first line.
    if (!this.shape.lineMode && endsSentence(first) && next.block.lines.length === 1) return false;
    return this.shape.lineMode || isIndented(next.block, this.shape);
  }

  /**
   * The one plain line printed right over the page's first head that carries its label (no blank line
   * between, or one when the line is no slogan pair `A B`) is its kicker (引题), not the series banner:
   * a banner stands apart (lines set apart above it stay the banner). Reported: it could be the banner.
   */
  private kickerOverLabelledHead(
    headline: string,
    items: Classified[],
    i: number,
  ): { text: string; block: Block } | null {
    // The display line printed just before it, waiting at the top (or set aside there as apart from
    // the lines above it, which are then the banner).
    const prev = items[i - 1];
    if (this.state !== 'top' || prev?.kind.kind !== 'display' || items[i]!.block.blankBefore >= BANNER_GAP) return null;
    const inTop = this.top[this.top.length - 1]?.block === prev.block;
    const aside = this.topCaptions[this.topCaptions.length - 1] === prev.block;
    if (!inTop && !aside) return null;
    // Lines left above it must stand apart from it: they are the banner, not part of this stack.
    if (inTop && this.top.length > 1 && prev.block.blankBefore < BANNER_GAP) return null;
    const over = { text: prev.kind.text, block: prev.block };
    if (hasProsePunctuation(over.text) || isNumberedHead(over.text)) return null;
    // One blank line between: a slogan pair (`A B`) is the series banner, a run of phrases the kicker.
    if (items[i]!.block.blankBefore > 0 && / /.test(over.text.trim())) return null;
    if (inTop) this.top.pop();
    else this.topCaptions.pop();
    const l = over.block.lines[0]!;
    this.report(
      'needs-review',
      `“${over.text}” right over the labelled head “${headline}” read as its kicker (引题); it could be the series banner`,
      l.line,
      l.column,
      'info',
    );
    return over;
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
    if (what) this.reviewHead(block, what);
    return taken;
  }

  /** A label over a head with punctuation (`某某医院` / `守护健康，我们一直在`): the head opens the article. */
  private labelOverPunctuatedHead(institution: string, items: Classified[], i: number): number | null {
    const next = items[i + 1];
    if (
      !next ||
      next.block.blankBefore >= 2 ||
      next.kind.kind !== 'prose' ||
      !next.kind.head ||
      next.kind.head.kicker ||
      next.kind.head.institution
    )
      return null;
    // A line whose sentence goes on in the text under it is that text's first line, not a head.
    if (this.pendingOpen() || items[i + 2]?.block.continues) return null;
    this.startArticle({ institution, headline: next.kind.head.text }, items[i]!.block);
    this.reviewHead(next.block, 'the headline under the label');
    return 1;
  }

  /**
   * A label printed under the headline at the top of the page, before a `——` subheadline, a byline or
   * the text: the headline is the last display line above it (lines above that are the banner).
   */
  private labelUnderHead(institution: string, items: Classified[], i: number): number | null {
    if (this.state !== 'top' || this.top.length === 0) return null;
    const next = items[i + 1]?.kind;
    const followsHead =
      !next ||
      next.kind === 'prose' ||
      next.kind === 'byline' ||
      (next.kind === 'display' && (isDashSubtitle(next.text) || isColumnTag(next.text)));
    if (!followsHead) return null;
    // The head is the display line printed last above the label, set apart by blank lines or not.
    const lastTop = this.top[this.top.length - 1]!;
    const lastApart = this.topCaptions[this.topCaptions.length - 1];
    if (lastApart && lastApart.lines[0]!.line > lastTop.block.lines[0]!.line) {
      this.topCaptions.pop();
      this.startArticle({ institution, headline: lastApart.lines.map((l) => l.text).join('') }, lastApart);
      return 0;
    }
    this.top.pop();
    const kicker = this.takePlainKicker(lastTop);
    this.startArticle({ institution, headline: lastTop.text, kicker: kicker?.text }, kicker?.block ?? lastTop.block);
    return 0;
  }

  /**
   * A label printed right under a headline stack already opened (a kicker over its head), over the
   * stack's `——` subheadline, a column tag, a byline or the text: it names that article.
   */
  private labelInStack(institution: string, items: Classified[], i: number): number | null {
    const a = this.current;
    if (this.state !== 'stack' || !a || a.institution || a.children.length || this.pending.length) return null;
    if (a.subheadline || a.lede.length || items[i]!.block.blankBefore >= 2) return null;
    const next = items[i + 1]?.kind;
    const stackGoesOn = next?.kind === 'display' && (isDashSubtitle(next.text) || isColumnTag(next.text));
    const followsHead = !next || next.kind === 'prose' || next.kind === 'byline' || stackGoesOn;
    // Set a blank line apart, only a `——` subheadline or column tag under it keeps it in the stack.
    if (!followsHead || (items[i]!.block.blankBefore > 0 && !stackGoesOn)) return null;
    a.institution = institution;
    return 0;
  }

  /** What the line just placed became, when it became a head: the headline, subheadline or a subhead. */
  private headReadFrom(text: string): string | null {
    const a = this.current;
    if (!a) return null;
    if (a.headline === text || a.headline.endsWith(text)) return 'a headline opening an article';
    if (a.subheadline === text) return 'the subheadline';
    const last = a.children[a.children.length - 1];
    if (last?.type === 'heading' && last.children[0]?.value === text) return 'a section subhead';
    return null;
  }

  /**
   * Report an article boundary found without an institution label (a byline, dateline, standfirst or
   * subheadline under the head said so). A head with punctuation is reported by reviewHead already.
   */
  private reviewBoundary(text: string, block: Block): void {
    if (hasProsePunctuation(text)) return;
    const l = block.lines[0]!;
    this.report(
      'needs-review',
      `“${text}” opens a new article (no institution label; the stack or text under it opens an article); it could be a section subhead of the article before`,
      l.line,
      l.column,
      'info',
    );
  }

  /** Report a head read from a line that carries punctuation: a guess the editor should check. */
  /**
   * A line of a word or two right under a headline that stops mid-phrase (on an ideograph, no
   * subheadline yet) is the headline's wrapped end: a subheadline is a phrase of its own.
   */
  private isHeadlineTail(text: string): boolean {
    const a = this.current!;
    return (
      !a.subheadline &&
      a.lede.length === 0 &&
      /[\u3400-\u9fff]$/.test(a.headline) &&
      visualWidth(text) <= HEADLINE_TAIL_MAX &&
      !isDashSubtitle(text) &&
      !isColumnTag(text)
    );
  }

  /** Report a short line joined to the headline above it. */
  private reviewHeadlineTail(text: string, block: Block): void {
    const l = block.lines[0]!;
    this.report(
      'needs-review',
      `“${text}” under the headline read as its wrapped end (“${this.current!.headline}”); it could be a subheadline`,
      l.line,
      l.column,
      'info',
    );
  }

  private reviewHead(block: Block, what: string, afterOpen = this.pendingOpen()): void {
    const l = block.lines[0]!;
    // After a sentence left open, only a label, byline or `——` subheadline over the text made it one.
    const before = afterOpen
      ? 'and follows a sentence left open (read as cut off), with a label, byline or ——subheadline and new text under it'
      : 'but stands alone after a closed sentence, before a new paragraph';
    this.report(
      'needs-review',
      `“${l.text}” carries punctuation ${before}: read as ${what}; it could be a piece of a sentence`,
      l.line,
      l.column,
      'info',
    );
  }

  /**
   * A kicker (a line ending in `——` or `：`) over a head opens an article: 引题, then the headline
   * (maybe with its label). Returns how many following items it consumed, or null when no head follows.
   */
  private kickerStack(kicker: string, items: Classified[], i: number): number | null {
    const next = items[i + 1];
    if (!next || next.block.blankBefore >= 2) return null;
    const k = next.kind;
    if (k.kind === 'display' && !k.caption && !k.kicker && !k.wrapped) {
      this.startArticle({ kicker, headline: k.text }, items[i].block);
      return 1;
    }
    if (k.kind === 'org-head') {
      this.startArticle({ kicker, institution: k.institution, headline: k.headline }, items[i].block);
      return 1;
    }
    if (k.kind === 'prose' && k.head && !k.head.kicker) {
      this.startArticle({ kicker, institution: k.head.institution, headline: k.head.text }, items[i].block);
      this.reviewHead(next.block, 'the headline under the kicker');
      return 1;
    }
    const after = items[i + 2]?.kind;
    if (k.kind === 'org' && after?.kind === 'prose' && after.head && !after.head.kicker && !after.head.institution) {
      this.startArticle({ kicker, institution: k.institution, headline: after.head.text }, items[i].block);
      this.reviewHead(items[i + 2]!.block, 'the headline under the kicker and label');
      return 2;
    }
    if (k.kind === 'org' && after?.kind === 'display' && !after.caption) {
      this.startArticle({ kicker, institution: k.institution, headline: after.text }, items[i].block);
      return 2;
    }
    return null;
  }

  /**
   * A page number printed alone at the page's top (`9`), as pdftotext gives a running head set in
   * separate pieces; a section word right after it (`理论`) is the section. Both are kept as furniture.
   */
  private bareFolio(items: Classified[], i: number): boolean {
    const lines = items[i].block.lines;
    if (this.out.folio || i > FOLIO_TOP_BLOCKS || lines.length !== 1 || !/^\d{1,3}$/.test(lines[0].text)) return false;
    const next = items[i + 1]?.block.lines;
    const section = next?.length === 1 && isHeadBandWord(next[0].text) && this.state === 'top' ? next[0].text : null;
    this.out.folio = { page: Number(lines[0].text), section };
    this.out.furniture.push(lines[0].text, ...(section ? [section] : []));
    return true;
  }

  /**
   * A credit-only line (`新华社记者 王刚 摄`) right after a caption that has none is that photo's
   * credit, not the article's byline: it does not end the article. Under the article's byline
   * (`本报记者 李明` / `图片由某某医院提供`) it is the article's photo credit.
   */
  private creditForFigure(parts: BylineParts, before: Classified | undefined): boolean {
    const last = this.current?.children[this.current.children.length - 1];
    if (
      before?.kind.kind === 'byline' ||
      parts.authors.length ||
      !parts.photoCredit ||
      parts.extra ||
      this.pending.length ||
      last?.type !== 'figure' ||
      last.credit
    )
      return false;
    last.credit = parts.photoCredit;
    return true;
  }

  /**
   * Side-by-side modules: pdftotext lists their institution labels one after another, then their
   * headlines. k ≥ 2 labels followed by display lines pair up in order (both run left to right).
   * Returns how many items after i were consumed (0 when this is not such a stack).
   */
  private orgStack(items: Classified[], i: number): number {
    const close = (c: Classified | undefined) => c !== undefined && c.block.blankBefore < 2;
    let k = 0;
    while (close(items[i + k]) && items[i + k].kind.kind === 'org') k++;
    let m = 0;
    const head = (c: Classified | undefined) =>
      close(c) && c!.kind.kind === 'display' && !(c!.kind as { wrapped: boolean }).wrapped;
    // Heads beyond the labels (each its own block) belong to modules printed without a label.
    while (head(items[i + k + m]) && (m < k || items[i + k + m].block.blankBefore > 0)) m++;
    if (k < 2 || m === 0) return 0;
    for (let j = 0; j < Math.max(k, m); j++) {
      const org = j < k ? items[i + j] : undefined;
      const institution = org ? (org.kind as { institution: string }).institution : undefined;
      const headline = j < m ? (items[i + k + j].kind as { text: string }).text : '';
      this.startArticle({ institution, headline }, (org ?? items[i + k + j]).block);
    }
    return k + m - 1;
  }

  /**
   * A running-head band: page number, then short title words (section, paper name), then the date.
   * The words between the folio and the date are furniture too; returns how many were taken.
   */
  private headBand(items: Classified[], i: number): number {
    let j = i + 1;
    // A two- or three-character section word (`经济`) reads like a name by form: a byline kind counts too.
    const words = (c: Classified | undefined) =>
      (c?.kind.kind === 'display' || (c?.kind.kind === 'byline' && !c.kind.parts.extra && !c.kind.parts.photoCredit)) &&
      c.block.lines.length === 1 &&
      isHeadBandWord(c.block.lines[0].text);
    while (j - i <= 3 && words(items[j])) j++;
    if (j === i + 1 || items[j]?.kind.kind !== 'furniture') return 0;
    for (let k = i + 1; k < j; k++) this.out.furniture.push(items[k].block.lines[0].text);
    return j - i - 1;
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
    const next = items[i + 1];
    const apart = block.blankBefore >= 2 && !block.first && !this.headAfterCaption(text, items, i);
    if (this.slotsAwaitingCaption > 0) {
      this.slotsAwaitingCaption--;
      if (this.state === 'top') this.topCaptions.push(block);
      else this.addFigure(text, block);
      return 0;
    }
    if (this.state === 'stack' && this.current && !this.current.children.length && !this.pending.length) {
      // A column tag printed under the headline belongs to it; a box label opens the standfirst.
      if (isColumnTag(text) && !this.current.subheadline) {
        this.current.headline += text;
        return 0;
      }
      if (isStandfirstLabel(text)) {
        this.addStandfirstLabel(text, block);
        return 0;
      }
      if (!caption && this.current.lede.length === 0 && this.isWrappedSummary(text, block)) {
        this.addSummaryStandfirst(text, block);
        return 0;
      }
    }
    // In the body, or under the stack while its first paragraph is still being read.
    const inBody =
      this.state === 'body' || this.state === 'closed' || (this.state === 'stack' && this.pending.length > 0);
    if (inBody && !caption) {
      // A head with its label on the next line, then text or a byline: a new article.
      const afterItem = items[i + 2]?.kind;
      const after = afterItem?.kind;
      // Under the label, a `——` subheadline or a standfirst box (`核心阅读`) still belongs to the stack.
      const subtitleAfter =
        afterItem?.kind === 'display' && (isDashSubtitle(afterItem.text) || isStandfirstLabel(afterItem.text));
      // An article without a label of its own takes a label printed mid-text instead (see floatingInstitution).
      // A label printed right under the head (no blank line between) names the head's own article.
      // So does one with a standfirst box, a reporter's byline or a dateline under it: those open an article.
      const boxAfter = afterItem?.kind === 'display' && isStandfirstLabel(afterItem.text);
      const opensUnder =
        boxAfter ||
        (afterItem?.kind === 'byline' && afterItem.parts.authors.length > 0) ||
        (after === 'prose' && opensWithDateline(items[i + 2]!.block.lines[0]!.text));
      // A head with punctuation over a label a blank line below, over a paragraph's opening: a stack of its
      // own (a subhead carries no label under it).
      const punctuatedOverOpening =
        hasProsePunctuation(text) && after === 'prose' && opensIndentedParagraph(items[i + 2], this.shape);
      const labelled =
        this.current?.institution ||
        this.state === 'closed' ||
        next?.block.blankBefore === 0 ||
        opensUnder ||
        punctuatedOverOpening;
      if (
        labelled &&
        next?.kind.kind === 'org' &&
        next.block.blankBefore < 2 &&
        (after === 'prose' || after === 'byline' || after === undefined || subtitleAfter || boxAfter)
      ) {
        this.startArticle({ institution: next.kind.institution, headline: text }, block);
        return 1;
      }
      if (this.kickerOverLabelAndHead(text, items, i)) return 2;
      const stack = headsNewArticle(items, i, this.shape);
      if (stack === 'head') this.startArticle({ headline: text }, block);
      if (stack === 'kicker')
        this.startArticle({ kicker: text, headline: (items[i + 1].kind as { text: string }).text }, block);
      if (stack === 'plain-kicker') return this.plainKickerStack(text, items, i);
      if (stack) {
        this.reviewBoundary(text, block);
        return stack === 'kicker' ? 1 : 0;
      }
    }
    // A standfirst box label (`核心阅读`) under display lines at the top closes their stack: the box opens
    // the standfirst, never a line of the stack.
    if (this.state === 'top' && this.top.length && !caption && isStandfirstLabel(text)) {
      this.ensureArticle(block);
      this.addStandfirstLabel(text, block);
      return 0;
    }
    if (this.state === 'top') {
      // A line set apart under a single line (no stack, no caption yet) and over an article's opening
      // text (a dateline, a standfirst, an indented first line) is its headline, the line above the
      // banner: a caption does not come before any head.
      const underBannerOnly = this.top.length === 1 && this.topCaptions.length === 0;
      const headsText =
        apart &&
        underBannerOnly &&
        !caption &&
        !wrapped &&
        !isNumberedHead(text) &&
        opensText(items[i + 1], this.shape);
      if ((apart || caption) && this.top.length && !headsText) this.topCaptions.push(block);
      else if (headsText && this.top.length) {
        const l = block.lines[0]!;
        this.report(
          'needs-review',
          `“${text}” set apart over the text under it read as the first headline, the lines above it as the banner; it could be a photo caption`,
          l.line,
          l.column,
          'info',
        );
        this.top.push({ text, block, blankBefore: items[i]!.block.blankBefore });
      } else this.top.push({ text, block, blankBefore: items[i]!.block.blankBefore });
      return 0;
    }
    if (this.state === 'closed') {
      // A line opening on a mark or particle that never opens a head (`的“…”大型`) is a piece of a column
      // pdftotext printed after the byline: the text it goes on belongs to the article before.
      if (OPENS_MID_PHRASE.test(text)) {
        this.proseBlock(block);
        const l = block.lines[0]!;
        this.report(
          'needs-review',
          `“${text}” after a byline opens mid-phrase: read as text of the article before, not as the headline of a new one`,
          l.line,
          l.column,
          'info',
        );
        return 0;
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
      return 0;
    }
    if (this.state === 'stack' && !this.pending.length) {
      if (apart || wrapped) this.addFigure(text, block);
      else if (this.isHeadlineTail(text)) {
        this.current!.headline += text;
        this.reviewHeadlineTail(text, block);
      } else if (!twoPart && !this.current!.subheadline && this.current!.lede.length === 0) {
        this.current!.subheadline = text;
      } else if (this.isPhraseSummary(text)) this.addPhraseSummary(text, block);
      else this.addHeading(text, block);
      return 0;
    }
    // In the body.
    const open = this.pendingOpen();
    const proseAfter = nextProse(items, i);
    // Set apart by blank lines, as captions are, but numbered or in two phrases over text after a closed
    // paragraph: the form of a section subhead (captions are one phrase, a sentence, or carry a credit).
    const headForm = apart && !open && !wrapped && !caption && proseAfter !== null && (isNumberedHead(text) || twoPart);
    if (wrapped || (apart && !headForm) || (open && proseAfter && !twoPart)) {
      this.addFigure(text, block);
      return 0;
    }
    if (open && proseAfter?.continues) {
      this.addInterruptingHeading(text, block);
      return 0;
    }
    if (!twoPart && block.lines.length === 1 && proseAfter) {
      const captionFollows = next && next.kind.kind === 'display' && next.block.blankBefore >= 2;
      // A piece of a sentence goes on after the caption; an indented line there opens a new paragraph.
      if ((captionFollows && !isIndented(proseAfter, this.shape)) || goesOnSentence(proseAfter, this.shape)) {
        this.proseBlock(block); // a sentence fragment cut by a column break or a caption
        return 0;
      }
    }
    if (block.lines.length === 1 && this.captionNotSubhead(text, items, i)) {
      this.addFigure(text, block);
      this.reviewCaption(block);
      return 0;
    }
    this.addHeading(text, block);
    if (headForm && !isNumberedHead(text)) this.reviewApartSubhead(text, block);
    return 0;
  }

  /** A two-phrase line set apart like a caption, read as a subhead: reported. */
  private reviewApartSubhead(text: string, block: Block): void {
    const l = block.lines[0]!;
    this.report(
      'needs-review',
      `“${text}” stands apart between blank lines, as captions do, but in two phrases over new text: read as a section subhead; it could be a photo caption`,
      l.line,
      l.column,
      'info',
    );
  }

  /**
   * A one-phrase line between two paragraphs has the form of a caption and of a one-phrase subhead.
   * An article's subheads are set in one form (parallel phrases): where the article prints its
   * subheads in another form (two phrases, numbered, or with a comma), this line is a caption.
   */
  private captionNotSubhead(text: string, items: Classified[], i: number): boolean {
    if (!isOnePhrase(text)) return false;
    const before = this.current?.children.some(
      (c) => c.type === 'heading' && isSubheadForm(c.children.map((x) => x.value).join('')),
    );
    if (before) return true;
    for (let j = i + 1; j < items.length; j++) {
      const k = items[j]!.kind;
      if (k.kind === 'org' || k.kind === 'org-head' || k.kind === 'byline') return false;
      if (k.kind === 'display' && !k.caption && !k.wrapped && !k.kicker && isSubheadForm(k.text)) return true;
      if (k.kind === 'prose' && k.head && !k.head.institution && !k.head.kicker && isSubheadForm(k.head.text))
        return true;
    }
    return false;
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

  /** Report a one-phrase line read as a caption rather than a subhead. */
  private reviewCaption(block: Block): void {
    const l = block.lines[0]!;
    this.report(
      'needs-review',
      `“${l.text}” stands alone between paragraphs in another form than the article's subheads: read as a photo caption; it could be a section subhead`,
      l.line,
      l.column,
      'info',
    );
  }

  /**
   * A plain line over its label read as a head over its label, when a head with punctuation and a `——`
   * subheadline follow with no blank line between: the stack is 引题, label, 主题, 副题, so the line is the
   * kicker. Reported: it could be the headline over a subheadline.
   */
  private kickerOverLabel(
    kind: { institution: string; headline: string; punctuated?: boolean },
    items: Classified[],
    i: number,
  ): number | null {
    const head = items[i + 1];
    const dash = items[i + 2]?.kind;
    if (kind.punctuated || hasProsePunctuation(kind.headline) || items[i]!.block.lines.length !== 2) return null;
    if (!head || head.block.blankBefore > 0 || dash?.kind !== 'display' || dash.caption || !isDashSubtitle(dash.text))
      return null;
    const headline = punctuatedHead(head)?.text;
    if (!headline) return null;
    this.startArticle({ kicker: kind.headline, institution: kind.institution, headline }, items[i]!.block);
    const l = items[i]!.block.lines[0]!;
    this.report(
      'needs-review',
      `“${kind.headline}” over the label “${kind.institution}” and the head “${headline}” read as its kicker (引题); it could be the headline, the next line a subheadline`,
      l.line,
      l.column,
      'info',
    );
    return 1;
  }

  /**
   * A plain line over a label and a head, each at most a blank line below the other, over what opens an
   * article's text (a byline, a dateline, a paragraph's opening, a column tag, a `——` subheadline): the
   * line is the stack's kicker (引题), not a caption or subhead of the article before. Reported for review.
   */
  private kickerOverLabelAndHead(text: string, items: Classified[], i: number): boolean {
    const [label, headItem, under] = [items[i + 1], items[i + 2], items[i + 3]];
    if (hasProsePunctuation(text) || isNumberedHead(text) || label?.kind.kind !== 'org') return false;
    if (label.block.blankBefore >= 2 || !headItem || headItem.block.blankBefore >= 2) return false;
    const plain = headItem.kind.kind === 'display' && !headItem.kind.caption && !headItem.kind.wrapped;
    const headline = punctuatedHead(headItem)?.text ?? (plain ? (headItem.kind as { text: string }).text : null);
    if (headline === null || (headItem.kind.kind === 'display' && isDashSubtitle(headline))) return false;
    const opens =
      (under?.kind.kind === 'byline' && under.kind.parts.authors.length > 0) ||
      (under?.kind.kind === 'display' && (isColumnTag(under.kind.text) || isDashSubtitle(under.kind.text))) ||
      (under?.kind.kind === 'prose' && opensWithDateline(under.block.lines[0]!.text)) ||
      opensIndentedParagraph(under, this.shape);
    if (!opens || (under?.block.blankBefore ?? 0) >= 2) return false;
    this.startArticle({ kicker: text, institution: label.kind.institution, headline }, items[i]!.block);
    const l = items[i]!.block.lines[0]!;
    this.report(
      'needs-review',
      `“${text}” over the label “${label.kind.institution}” and the head “${headline}” read as its kicker (引题); it could be a caption or subhead of the article before`,
      l.line,
      l.column,
      'info',
    );
    return true;
  }

  /**
   * A plain line over a head with punctuation (maybe with its label under it) opens an article: the
   * line is the kicker. Reported for review: it could be the headline over a subheadline.
   */
  private plainKickerStack(kicker: string, items: Classified[], i: number): number {
    const { text: headline, institution: glued } = punctuatedHead(items[i + 1])!;
    const label = items[i + 2];
    const under =
      !glued && label?.kind.kind === 'org' && label.block.blankBefore < 2 ? label.kind.institution : undefined;
    const institution = glued ?? under;
    this.startArticle({ kicker, headline, institution }, items[i]!.block);
    const l = items[i]!.block.lines[0]!;
    this.report(
      'needs-review',
      `“${kicker}” over the head “${headline}” read as its kicker (引题); it could be the headline over a subheadline`,
      l.line,
      l.column,
      'info',
    );
    return under ? 2 : 1;
  }

  /**
   * A two-phrase display line under the headline stack, before any text, too long for one line of the
   * column (`A B` set as a summary sentence): the standfirst, not a section subhead, which heads text
   * after the first paragraph and fits the column. Numbered lines are always subheads.
   */
  private isPhraseSummary(text: string): boolean {
    const a = this.current!;
    return (
      !this.shape.lineMode &&
      a.lede.length === 0 &&
      !a.children.length &&
      !isNumberedHead(text) &&
      !isDashSubtitle(text) &&
      visualWidth(text, this.shape.quoteEm) > this.shape.measure
    );
  }

  /** Place a two-phrase summary line as the standfirst, reported for review. */
  private addPhraseSummary(text: string, block: Block): void {
    this.current!.lede.push({
      type: 'paragraph',
      children: [{ type: 'text', value: text, position: spanOfLines(block.lines) }],
      position: spanOfLines(block.lines),
    });
    const l = block.lines[0]!;
    this.report(
      'needs-review',
      `“${text}” under the headline stack, before the text and longer than a column line: read as the standfirst; it could be a section subhead`,
      l.line,
      l.column,
      'info',
    );
  }

  /** A short sentence read as the last of the paragraph above, not a paragraph of its own: reported. */
  private reviewTail(line: SourceLine): void {
    this.report(
      'needs-review',
      `“${line.text}” after a full line that ends a sentence: read as the paragraph's last sentence; it could be a paragraph of its own (the extraction shows no indent)`,
      line.line,
      line.column,
      'info',
    );
  }

  /** A line that ends a sentence kept in its standfirst by the standfirst's own measure: reported. */
  private reviewOwnMeasure(line: SourceLine, measure: number): void {
    this.report(
      'needs-review',
      `“${line.text}” ends a sentence short of the body's measure, but fills the ${measure}-em measure of the standfirst under the headline: the standfirst's paragraph goes on; it could end there`,
      line.line,
      line.column,
      'info',
    );
  }

  private proseBlock(block: Block, next: Block | null = null): void {
    if (this.state === 'top') this.ensureArticle(block);
    // Under the headline stack, a block set in a narrower measure is a standfirst: judged by its own measure.
    const own = this.state === 'stack' && !this.pending.length ? narrowBlockMeasure(block.lines, this.shape) : null;
    for (const [k, line] of block.lines.entries()) {
      const prev = this.pending[this.pending.length - 1];
      // At the block's foot, the next line in reading order is the next prose block's first (a column's
      // foot goes on there): a mark it opens with was pushed down from this line.
      const after = block.lines[k + 1] ?? next?.lines[0];
      const first = this.pending.length === 1;
      // A short last sentence is read as a tail only in the same block: a blank line may part modules.
      const tail = prev && joinedAsTail(prev, line, this.shape, this.prose, first, after, own);
      if (prev && (startsParagraph(prev, line, this.shape, this.prose, first, after, own) || (tail && k === 0)))
        this.flush();
      else if (tail) this.reviewTail(line);
      else if (prev && own && startsParagraph(prev, line, this.shape, this.prose, first, after))
        this.reviewOwnMeasure(prev, own);
      this.pushLine(line);
    }
    const narrow = own ?? (this.state === 'stack' ? narrowBlockMeasure(block.lines, this.shape, 2) : null);
    if (narrow) this.closeUnpunctuatedStandfirst(block, narrow, next);
  }

  /**
   * A standfirst in its own narrower measure that stops short on its last line without end punctuation
   * (a summary set like a headline sentence: `一年来，…签约居民超过12万人`) ends there: a column piece
   * stops on a full line, and the body under it is set in another measure. Reported: it could go on.
   */
  private closeUnpunctuatedStandfirst(block: Block, measure: number, next: Block | null): void {
    const last = block.lines.at(-1)!;
    const w = (t: string) => visualWidth(t, this.shape.quoteEm);
    const short = w(last.text) <= measure - INDENT_SLACK;
    // Or the text under it opens a paragraph (an indented first line that does not end a sentence, a
    // tail's form) in the body's wider measure: its sentence cannot go on there.
    const opener = next?.lines[0]?.text ?? '';
    const bodyUnder =
      next !== null &&
      next.lines.length > 1 &&
      isIndented(next, this.shape) &&
      !endsSentence(opener) &&
      w(next.lines[1]!.text) > measure + INDENT_SLACK;
    // The whole block is the standfirst's one paragraph (no paragraph ended inside it).
    if (!this.pendingOpen() || this.pending[0] !== block.lines[0] || !(short || bodyUnder)) return;
    this.ledeOpen = true;
    this.flush();
    this.report(
      'needs-review',
      `The standfirst under the headline ends without end punctuation (“${last.text}”), ${short ? 'on a short line' : 'over text in the wider measure of the body'}: closed there; the text under it could go on its sentence`,
      last.line,
      last.column,
      'info',
    );
  }
}
