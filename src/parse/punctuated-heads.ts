/**
 * Heads with punctuation: a one-line block that reads as prose by its marks may still be a head, a
 * kicker or a headline under its label, but only where no sentence is open before it and a new
 * paragraph follows. Every such reading is reported for review.
 */
import type { Classified, HeadCandidate } from './classify.js';
import { DisplayLineReader } from './display-lines.js';
import { FIRST_LINE_INDENT, setApart, type Block } from './page.js';
import { endsSentence, visualWidth } from './text-form.js';
import { goesOnSentence, isIndented } from './text-openings.js';

/** A lone line this many ems short of a paragraph's full first line cannot be one broken at a column's foot. */
const SHORT_OF_FIRST_LINE = 1;

/** Lines of a head broken at a phrase and split off the text under it (split.ts). */
const BROKEN_HEAD_LINES = 2;

/** Reads a line with punctuation as a head where its context allows (see punctuatedHead). */
export class PunctuatedHeadReader extends DisplayLineReader {
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
    // A head broken over two lines and split off the text under it by its form needs no indent under it.
    if (items[i]!.block.runIn && items[i]!.block.lines.length === BROKEN_HEAD_LINES) return true;
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
  protected punctuatedHead(head: HeadCandidate, items: Classified[], i: number): number | null {
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
}
