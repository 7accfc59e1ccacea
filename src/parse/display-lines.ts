/**
 * A display line read in context: routed by where the walk stands (a photo's caption, under a head,
 * at the top, after a byline, in the stack) and, in an article's body, told apart as the head of a new
 * article, a caption, a subhead or a sentence fragment cut by a column break.
 */
import { isNumberedHead, type Classified } from './classify.js';
import { setApart, type Block } from './page.js';
import { LabelLineReader } from './label-lines.js';
import type { DisplayLine } from './stack-lines.js';
import { hasProsePunctuation, isDashSubtitle, isStandfirstLabel } from './text-form.js';
import { nextProse, headsNewArticle } from './boundaries.js';
import { captionNotSubhead, isPlainKickerRun, isSubheadForm } from './display-forms.js';
import {
  goesOnSentence,
  isIndented,
  isStandfirstBox,
  opensArticleText,
  opensIndentedParagraph,
} from './text-openings.js';

/** Reads display lines in context; the body's own questions (new article, caption, subhead) live here. */
export class DisplayLineReader extends LabelLineReader {
  /** Photo slots seen whose caption has not come yet: the next display lines are their captions. */
  protected slotsAwaitingCaption = 0;

  /** A display block in context; returns how many following items it consumed. */
  protected display(
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
