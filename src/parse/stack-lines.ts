/**
 * Display lines above an article's text: over the first article at the page's top, under a headline
 * before its text (a column tag, a box label, the subheadline, the headline's wrapped end), and after a
 * byline, where the next article's headline may stand. The page walk (assembler.ts) routes them here.
 */
import type { Classified } from './classify.js';
import { isNumberedHead } from './classify.js';
import { setApart, type Block } from './page.js';
import { ProseReader } from './prose-reader.js';
import {
  endsSentence,
  endsWithColumnTag,
  goesOnStack,
  isColumnTag,
  isDashSubtitle,
  isStandfirstLabel,
  visualWidth,
} from './text-form.js';
import { isHeadlineTail, isPhraseSummary, readsAsKickerOver } from './display-forms.js';
import { isIndented, opensArticleText, opensIndentedParagraph, opensText } from './text-openings.js';

/** A line opening so goes on a phrase begun elsewhere: no head opens on a mark, 的 or 们. */
const OPENS_MID_PHRASE = /^[，、。；：？！”’）》的们]/;

/** A head broken over two lines runs to this many ems at most; longer, its first line is a kicker. */
const BROKEN_HEAD_MAX_WIDTH = 24;

/** A display line as the walk reads it: its text, its form, and whether blank lines set it apart. */
export interface DisplayLine {
  text: string;
  twoPart: boolean;
  wrapped: boolean;
  block: Block;
  caption: boolean;
  apart: boolean;
}

/** Reads the display lines that stand over an article's text, where its headline stack is read. */
export class StackLineReader extends ProseReader {
  /**
   * Right under a headline, before any text: a column tag joins the headline, a box label or a wrapped
   * summary opens the standfirst. Returns whether the line was taken so.
   */
  protected takenUnderHead({ text, block, caption }: DisplayLine): boolean {
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

  /** Above the first article: a line of the banner or first stack, a caption set aside, or a box label. */
  protected displayAtTop({ text, block, caption, wrapped, apart }: DisplayLine, items: Classified[], i: number): void {
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
  protected displayAfterByline(
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
  protected displayInStack({ text, block, twoPart, wrapped, apart }: DisplayLine, next: Classified | undefined): void {
    if (apart || wrapped) this.addFigure(text, block);
    else if (isHeadlineTail(text, this.current!)) {
      this.current!.headline += text;
      this.reviewHeadlineTail(text, block);
    } else if (this.textOpeningUnderByline(text, block, next)) return;
    else if (this.kickerAboveHead(text, block, next)) return;
    else if (this.sentenceUnderByline(text, block)) return;
    else if (this.taggedHeadUnderHeadline(text, block)) return;
    else if (!twoPart && !this.current!.subheadline && this.current!.lede.length === 0) {
      this.current!.subheadline = text;
    } else if (isPhraseSummary(text, this.current!, this.shape)) this.addPhraseSummary(text, block);
    else this.addHeading(text, block);
  }

  /**
   * A column tag (`（基层观察）`) closes the main head, never a subheadline: a line closing on one under
   * a headline that has none, before anything else of the stack, is the head's. With the headline it
   * reads as one head (a head broken at a phrase: `把专家` / `请到县里来（基层观察）`); too long
   * for one, the line above was the kicker. Reported either way.
   */
  private taggedHeadUnderHeadline(text: string, block: Block): boolean {
    const a = this.current!;
    if (!endsWithColumnTag(text) || isColumnTag(text) || isDashSubtitle(text) || endsWithColumnTag(a.headline))
      return false;
    if (!a.headline || a.kicker || a.subheadline || a.lede.length || a.children.length) return false;
    const above = a.headline;
    if (visualWidth(above + text) <= BROKEN_HEAD_MAX_WIDTH) {
      a.headline = above + text;
      this.review(
        block.lines[0]!,
        `“${text}” closes on a column tag under the headline “${above}”: read as the head's second line; it could be a subheadline`,
      );
    } else {
      a.kicker = above;
      a.headline = text;
      this.review(
        block.lines[0]!,
        `“${text}” closes on a column tag under “${above}”: read as the headline, the line above as its kicker (引题); it could be a subheadline`,
      );
    }
    return true;
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
   * Under the stack's byline, a line that ends a sentence (`怎样把专家请到县里？`) is the text's first
   * paragraph: a subheadline is printed over the byline, with the rest of the stack. Reported.
   */
  private sentenceUnderByline(text: string, block: Block): boolean {
    const a = this.current!;
    if (a.byline.authors.length === 0 || a.children.length || a.lede.length || block.lines.length !== 1) return false;
    if (!endsSentence(text) || isDashSubtitle(text) || isColumnTag(text)) return false;
    this.review(
      block.lines[0]!,
      `“${text}” under the byline ends a sentence: read as the text's first paragraph; it could be a subheadline`,
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
    this.review(
      block.lines[0]!,
      `“${a.headline}” over “${text}” read as its kicker (引题) over the headline; it could be the headline over a subheadline`,
    );
    a.kicker = a.headline;
    a.headline = text;
    return true;
  }
}
