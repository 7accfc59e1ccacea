/**
 * The page walk: go through the classified blocks in reading order and hand each to the reader of
 * its kind, deciding from context what each display line is — banner, headline, subheadline, subhead
 * or caption — while paragraphs are joined across column breaks and lifted captions. The readers are
 * layered, each in its own file: article-builder.ts (the article being built), head-stacks.ts (the
 * stacks that open an article), prose-reader.ts (paragraphs), stack-lines.ts (display lines over an
 * article's text), label-lines.ts (institution labels), display-lines.ts (display lines in context and
 * in the body), punctuated-heads.ts (heads with punctuation). The questions they ask of the blocks
 * live apart: boundaries.ts, text-openings.ts, display-forms.ts, running-head.ts.
 */
import type { Assembled } from './article-builder.js';
import type { Classified } from './classify.js';
import type { ItemKind } from './label-lines.js';
import { PunctuatedHeadReader } from './punctuated-heads.js';
import { nextProse } from './boundaries.js';
import { readBareFolio, takeHeadBand, takeLeadingRunningHead } from './running-head.js';

/** Walks the classified blocks of one page; `run` returns the page's articles. */
export class Assembler extends PunctuatedHeadReader {
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
    if (!beforeBody && this.bylineOfNextModule(kind.parts.authors)) {
      const from = this.nextModule();
      this.review(
        block.lines[0]!,
        `Byline of ${kind.parts.authors.join('、')} after the text of “${from.headline}”, which has its own: read as the byline of “${this.current!.headline}”, printed beside it (side-by-side modules); the text before it could be that article's`,
      );
    }
    this.ensureArticle(block);
    this.mergeByline(kind.parts);
    if (kind.parts.guess) {
      this.review(block.lines[0]!, `Byline set letter-spaced, its names run together: ${kind.parts.guess}`);
    }
    // A byline under the headline stack (`本报记者 李明`) opens the body; one after the body ends it.
    if (!beforeBody || this.current!.children.length) this.state = 'closed';
  }

  /**
   * Side-by-side modules waiting for their text: a byline naming other reporters after the text of an
   * article that has its byline already (under its stack) closes the next module, not this one.
   */
  private bylineOfNextModule(authors: string[]): boolean {
    const own = this.current?.byline.authors ?? [];
    return (
      this.modulesWaiting.length > 0 && own.length > 0 && authors.length > 0 && !authors.some((n) => own.includes(n))
    );
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
}
