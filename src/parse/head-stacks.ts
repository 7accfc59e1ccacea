/**
 * Headline stacks: the shapes a kicker (引题), an institution label and a head take over an article's
 * text — kicker over head, label over or under a head, kicker over label and head, labels side by side —
 * each opening the article it heads. The page walk (assembler.ts) asks these first for a label or kicker line.
 */
import type { Article } from '../ast/types.js';
import { ArticleBuilder } from './article-builder.js';
import { setApart, type Block } from './page.js';
import { punctuatedHead } from './boundaries.js';
import { opensArticleText, opensIndentedParagraph } from './text-openings.js';
import { isPunctuatedHead, isNumberedHead, type Classified } from './classify.js';
import {
  endsWithColumnTag,
  goesOnStack,
  hasProsePunctuation,
  isDashSubtitle,
  isOrgName,
  isStandfirstLabel,
} from './text-form.js';

/** A head line broken after its colon. */
const HEAD_COLON_END = /[：:]$/;

/** Reads the headline stacks that open an article; each returns how many following items it consumed. */
export class HeadStackReader extends ArticleBuilder {
  /**
   * The first block of a page, before any head, printed as one block of a plain line over a head with
   * punctuation (maybe a label between) and set apart from the text under it: a kicker over its head,
   * not a paragraph. Text carried over from another page opens the page at the column's full measure
   * and ends its lines anywhere; a plain line over a short head closing the block is a stack's form.
   * Returns 0 when it opened the article, null when the block is not such a stack.
   */
  protected stackAtPageTop(items: Classified[], i: number): number | null {
    const { block } = items[i];
    const next = items[i + 1];
    if (this.state !== 'top' || this.top.length || this.out.articles.length || this.current) return null;
    if (!next || next.block.blankBefore < 1 || next.kind.kind === 'display') return null;
    const texts = block.lines.map((l) => l.text.trim());
    if (texts.length < 2 || texts.length > 3) return null;
    const [kicker, head] = [texts[0]!, texts.at(-1)!];
    const label = texts.length === 3 ? texts[1]! : null;
    if (label !== null && (!isOrgName(label) || hasProsePunctuation(label))) return null;
    if (hasProsePunctuation(kicker) || isNumberedHead(kicker) || !isPunctuatedHead(head, this.shape)) return null;
    this.startArticle({ kicker, headline: head, institution: label ?? undefined }, block);
    this.review(
      block.lines[0]!,
      `“${kicker}” over “${head}” at the page's top, one block set apart from the text: read as kicker and headline; it could be text carried over from another page`,
    );
    return 0;
  }

  /**
   * A kicker (a line ending in `——` or `：`) over a head opens an article: 引题, then the headline
   * (maybe with its label). Returns how many following items it consumed, or null when no head follows.
   * `label`: the institution label printed over the kicker, opening the stack there.
   */
  protected kickerStack(
    kicker: string,
    items: Classified[],
    i: number,
    label?: { institution: string; block: Block },
  ): number | null {
    const next = items[i + 1];
    if (!next || setApart(next.block)) return null;
    const k = next.kind;
    const from = label?.block ?? items[i].block;
    if (k.kind === 'display' && !k.caption && !k.kicker && !k.wrapped) {
      this.startArticle({ kicker, institution: label?.institution, headline: k.text }, from);
      return 1;
    }
    if (label) {
      if (k.kind !== 'prose' || !k.head || k.head.kicker || k.head.institution) return null;
      this.startArticle({ kicker, institution: label.institution, headline: k.head.text }, from);
      this.reviewHead(next.block, 'the headline under the label and kicker');
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
    // A stack has one kicker: a line in a kicker's form under it (`…：`) is the head broken after its
    // colon, its last phrase on the next line (`让群众少跑腿：` / `改善就医体验`).
    const colonHead = k.kind === 'prose' && k.head?.kicker && HEAD_COLON_END.test(k.head.text);
    if (colonHead && after?.kind === 'display' && !after.caption && !after.kicker && !setApart(items[i + 2]!.block)) {
      const headline = k.head!.text + after.text;
      this.startArticle({ kicker, headline }, from);
      this.review(
        next.block.lines[0]!,
        `“${k.head!.text}” under the kicker “${kicker}” read as the headline broken after its colon (“${headline}”): a stack has one kicker; it could be a second kicker`,
      );
      return 2;
    }
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
   * A plain line over its label read as a head over its label, when a head with punctuation and a `——`
   * subheadline follow with no blank line between: the stack is 引题, label, 主题, 副题, so the line is the
   * kicker. Reported: it could be the headline over a subheadline.
   */
  protected kickerOverLabel(
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
    this.review(
      items[i]!.block.lines[0]!,
      `“${kind.headline}” over the label “${kind.institution}” and the head “${headline}” read as its kicker (引题); it could be the headline, the next line a subheadline`,
    );
    return 1;
  }

  /**
   * The one plain line printed right over the page's first head that carries its label (no blank line
   * between, or one when the line is no slogan pair `A B`) is its kicker (引题), not the series banner:
   * a banner stands apart (lines set apart above it stay the banner). Reported: it could be the banner.
   */
  protected kickerOverLabelledHead(
    headline: string,
    items: Classified[],
    i: number,
  ): { text: string; block: Block } | null {
    // The display line printed just before it, waiting at the top (or set aside there as apart from
    // the lines above it, which are then the banner).
    const prev = items[i - 1];
    if (this.state !== 'top' || prev?.kind.kind !== 'display' || setApart(items[i]!.block)) return null;
    const inTop = this.top[this.top.length - 1]?.block === prev.block;
    const aside = this.topCaptions[this.topCaptions.length - 1] === prev.block;
    if (!inTop && !aside) return null;
    // Lines left above it must stand apart from it: they are the banner, not part of this stack.
    if (inTop && this.top.length > 1 && !setApart(prev.block)) return null;
    const over = { text: prev.kind.text, block: prev.block };
    if (hasProsePunctuation(over.text) || isNumberedHead(over.text)) return null;
    // One blank line between: a slogan pair (`A B`) is the series banner, a run of phrases the kicker.
    if (items[i]!.block.blankBefore > 0 && / /.test(over.text.trim())) return null;
    if (inTop) this.top.pop();
    else this.topCaptions.pop();
    this.review(
      over.block.lines[0]!,
      `“${over.text}” right over the labelled head “${headline}” read as its kicker (引题); it could be the series banner`,
    );
    return over;
  }

  /**
   * A plain line over a label and a head, each at most a blank line below the other, over what opens an
   * article's text (a byline, a dateline, a paragraph's opening, a column tag, a `——` subheadline): the
   * line is the stack's kicker (引题), not a caption or subhead of the article before. Reported for review.
   */
  protected kickerOverLabelAndHead(text: string, items: Classified[], i: number): boolean {
    const [label, headItem, under] = [items[i + 1], items[i + 2], items[i + 3]];
    if (hasProsePunctuation(text) || isNumberedHead(text) || label?.kind.kind !== 'org') return false;
    if (setApart(label.block) || !headItem || setApart(headItem.block)) return false;
    const plain = headItem.kind.kind === 'display' && !headItem.kind.caption && !headItem.kind.wrapped;
    const headline = punctuatedHead(headItem)?.text ?? (plain ? (headItem.kind as { text: string }).text : null);
    if (headline === null || (headItem.kind.kind === 'display' && isDashSubtitle(headline))) return false;
    const opens =
      (under?.kind.kind === 'display' && goesOnStack(under.kind.text)) ||
      opensArticleText(under, (c) => opensIndentedParagraph(c, this.shape));
    if (!opens || (under !== undefined && setApart(under.block))) return false;
    this.startArticle({ kicker: text, institution: label.kind.institution, headline }, items[i]!.block);
    this.review(
      items[i]!.block.lines[0]!,
      `“${text}” over the label “${label.kind.institution}” and the head “${headline}” read as its kicker (引题); it could be a caption or subhead of the article before`,
    );
    return true;
  }

  /**
   * A plain line over a head with punctuation (maybe with its label under it) opens an article: the
   * line is the kicker. Reported for review: it could be the headline over a subheadline.
   */
  protected plainKickerStack(kicker: string, items: Classified[], i: number): number {
    const { text: headline, institution: glued } = punctuatedHead(items[i + 1])!;
    const label = items[i + 2];
    const under = !glued && label?.kind.kind === 'org' && !setApart(label.block) ? label.kind.institution : undefined;
    const institution = glued ?? under;
    this.startArticle({ kicker, headline, institution }, items[i]!.block);
    this.review(
      items[i]!.block.lines[0]!,
      `“${kicker}” over the head “${headline}” read as its kicker (引题); it could be the headline over a subheadline`,
    );
    return under ? 2 : 1;
  }

  /** A label over a head with punctuation (`某某医院` / `守护健康，我们一直在`): the head opens the article. */
  protected labelOverPunctuatedHead(institution: string, items: Classified[], i: number): number | null {
    const next = items[i + 1];
    if (
      !next ||
      setApart(next.block) ||
      next.kind.kind !== 'prose' ||
      !next.kind.head ||
      next.kind.head.kicker ||
      next.kind.head.institution
    )
      return null;
    // A line whose sentence goes on in the text under it is that text's first line, not a head; a line
    // ending in a column tag (`…（健康时评）`) ends a head, whatever the text under it reads as.
    const goesOn = items[i + 2]?.block.continues && !endsWithColumnTag(next.kind.head.text);
    // A head split off the text under the label by its form (run in) opens the article even after a
    // sentence left open: the label and the head over the text outweigh the sentence's pull.
    if ((this.pendingOpen() && !next.block.runIn) || goesOn) return null;
    this.startArticle({ institution, headline: next.kind.head.text }, items[i]!.block);
    this.reviewHead(next.block, 'the headline under the label');
    return 1;
  }

  /**
   * A label printed under the headline at the top of the page, before a `——` subheadline, a byline or
   * the text: the headline is the last display line above it (lines above that are the banner).
   */
  protected labelUnderHead(institution: string, items: Classified[], i: number): number | null {
    if (this.state !== 'top' || this.top.length === 0) return null;
    const next = items[i + 1]?.kind;
    const followsHead =
      !next || next.kind === 'prose' || next.kind === 'byline' || (next.kind === 'display' && goesOnStack(next.text));
    if (!followsHead) return null;
    // The head is the display line printed last above the label, set apart by blank lines or not.
    const lastTop = this.top[this.top.length - 1]!;
    const lastApart = this.topCaptions[this.topCaptions.length - 1];
    if (lastApart && lastApart.lines[0]!.line > lastTop.block.lines[0]!.line) {
      this.topCaptions.pop();
      const headline = lastApart.lines.map((l) => l.text).join('');
      this.startArticle({ institution, headline }, lastApart);
      this.review(
        lastApart.lines[0]!,
        `“${headline}”, set apart at the top of the page as a photo caption is, read as the headline: the label “${institution}” under it names it; it could be a photo caption, the label opening an article without a headline`,
      );
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
  protected labelInStack(institution: string, items: Classified[], i: number): number | null {
    const a = this.current;
    if (this.state !== 'stack' || !a || a.institution || a.children.length || this.pending.length) return null;
    if (a.subheadline || a.lede.length || setApart(items[i]!.block)) return null;
    const next = items[i + 1]?.kind;
    // A standfirst box (`核心阅读`) under it opens the article's lede: the stack ends there too.
    const stackGoesOn = next?.kind === 'display' && (goesOnStack(next.text) || isStandfirstLabel(next.text));
    const followsHead = !next || next.kind === 'prose' || next.kind === 'byline' || stackGoesOn;
    // Set a blank line apart, only a `——` subheadline, column tag or box label under it keeps it in the stack.
    if (!followsHead || (items[i]!.block.blankBefore > 0 && !stackGoesOn)) return null;
    a.institution = institution;
    return 0;
  }

  /**
   * Side-by-side modules: pdftotext lists their institution labels one after another, then their
   * headlines. k ≥ 2 labels followed by display lines pair up in order (both run left to right).
   * Returns how many items after i were consumed (0 when this is not such a stack).
   */
  protected orgStack(items: Classified[], i: number): number {
    const close = (c: Classified | undefined) => c !== undefined && !setApart(c.block);
    let k = 0;
    while (close(items[i + k]) && items[i + k].kind.kind === 'org') k++;
    let m = 0;
    const head = (c: Classified | undefined) =>
      close(c) && c!.kind.kind === 'display' && !(c!.kind as { wrapped: boolean }).wrapped;
    // Heads beyond the labels (each its own block) belong to modules printed without a label.
    while (head(items[i + k + m]) && (m < k || items[i + k + m].block.blankBefore > 0)) m++;
    if (k < 2 || m === 0) return 0;
    const opened: Article[] = [];
    for (let j = 0; j < Math.max(k, m); j++) {
      const org = j < k ? items[i + j] : undefined;
      const institution = org ? (org.kind as { institution: string }).institution : undefined;
      const headline = j < m ? (items[i + k + j].kind as { text: string }).text : '';
      this.startArticle({ institution, headline }, (org ?? items[i + k + j]).block);
      opened.push(this.current!);
    }
    // Their texts follow in the same order: the first module's text comes first (a head missing here
    // was printed elsewhere: its label still waits for its text).
    if (opened.length >= 2) {
      this.current = opened[0]!;
      this.modulesWaiting = opened.slice(1);
    }
    return k + m - 1;
  }

  /** What the line just placed became, when it became a head: the headline, subheadline or a subhead. */
  protected headReadFrom(text: string): string | null {
    const a = this.current;
    if (!a) return null;
    if (a.headline === text || a.headline.endsWith(text)) return 'a headline opening an article';
    if (a.subheadline === text) return 'the subheadline';
    const last = a.children[a.children.length - 1];
    if (last?.type === 'heading' && last.children[0]?.value === text) return 'a section subhead';
    return null;
  }

  /** Report a head read from a line that carries punctuation: a guess the editor should check. */
  protected reviewHead(block: Block, what: string, afterOpen = this.pendingOpen()): void {
    const l = block.lines[0]!;
    // After a sentence left open, only a label, byline or `——` subheadline over the text made it one.
    const before = afterOpen
      ? 'and follows a sentence left open (read as cut off), with a label, byline or ——subheadline and new text under it'
      : 'but stands alone after a closed sentence, before a new paragraph';
    this.review(l, `“${l.text}” carries punctuation ${before}: read as ${what}; it could be a piece of a sentence`);
  }

  /**
   * Report an article boundary found without an institution label (a byline, dateline, standfirst or
   * subheadline under the head said so). A head with punctuation is reported by reviewHead already.
   */
  protected reviewBoundary(text: string, block: Block): void {
    if (hasProsePunctuation(text)) return;
    this.review(
      block.lines[0]!,
      `“${text}” opens a new article (no institution label; the stack or text under it opens an article); it could be a section subhead of the article before`,
    );
  }

  /** Report a short line joined to the headline above it. */
  protected reviewHeadlineTail(text: string, block: Block): void {
    this.review(
      block.lines[0]!,
      `“${text}” under the headline read as its wrapped end (“${this.current!.headline}”); it could be a subheadline`,
    );
  }

  /** A two-phrase line set apart like a caption, read as a subhead: reported. */
  protected reviewApartSubhead(text: string, block: Block): void {
    this.review(
      block.lines[0]!,
      `“${text}” stands apart between blank lines, as captions do, but in two phrases over new text: read as a section subhead; it could be a photo caption`,
    );
  }

  /** Report a one-phrase line read as a caption rather than a subhead. */
  protected reviewCaption(block: Block): void {
    const l = block.lines[0]!;
    this.review(
      l,
      `“${l.text}” stands alone between paragraphs in another form than the article's subheads: read as a photo caption; it could be a section subhead`,
    );
  }
}
