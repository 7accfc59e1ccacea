/**
 * Building the articles: the operations the page walk (assembler.ts) calls once it has decided what a
 * block is. This layer starts and closes articles (the headline stack at the top of the page, the
 * series banner, a kicker over its head); body-builder.ts under it places their text (paragraphs,
 * standfirsts, figures, subheads, bylines, floating institution labels). Kept apart from the walk so
 * that the decisions and their effects can be read separately.
 */
import { newArticle } from '../ast/article.js';
import { setApart, type Block } from './page.js';
import { spanOf } from './positions.js';
import { isNumberedHead } from './classify.js';
import { readsAsKickerOver } from './display-forms.js';
import { endsWithColumnTag, hasProsePunctuation, isColumnTag, isDashSubtitle } from './text-form.js';
import { BodyBuilder } from './body-builder.js';

export type { Assembled } from './body-builder.js';

/** Articles started and closed over the body placement, shared by the page walk (kept apart so each file reads alone). */
export class ArticleBuilder extends BodyBuilder {
  /** Display lines above the first article: headline and subheadline, or the series banner. */
  protected top: { text: string; block: Block; blankBefore?: number }[] = [];
  protected topCaptions: Block[] = [];
  /** Lines among `topCaptions` set aside only because blank lines set them apart (no caption's form). */
  protected apartAtTop = new WeakSet<Block>();

  /** Start the first article from the display lines at the top of the page (headline, subheadline). */
  protected ensureArticle(block: Block): void {
    if (this.state !== 'top') return;
    this.bannerAboveStack();
    // 引题, 主题, ——副题: with a dash subheadline third, the first line is the kicker.
    // A column tag under the head (`（健康视点）`) is no head of its own: it joins the headline.
    const tagAt = this.top.findIndex((t, k) => k > 0 && isColumnTag(t.text));
    if (tagAt > 0)
      this.top[tagAt - 1] = {
        ...this.top[tagAt - 1]!,
        text: this.top[tagAt - 1]!.text + this.top.splice(tagAt, 1)[0]!.text,
      };
    let kicker = this.top.length >= 3 && isDashSubtitle(this.top[2].text) ? this.top.shift()! : null;
    if (!kicker && this.top.length === 2) {
      const head = this.top.pop()!;
      kicker = this.takePlainKicker(head);
      this.top.push(head);
    }
    const [head, ...rest] = this.top;
    this.top = [];
    if (!head)
      this.report(
        'missing-headline',
        'Text before any headline; started an article without a headline',
        block.lines[0].line,
        block.lines[0].column,
        'warning',
      );
    this.startArticle({ headline: head?.text ?? '', kicker: kicker?.text }, kicker?.block ?? head?.block ?? block);
    const a = this.current!;
    if (rest[0] && this.isWrappedSummary(rest[0].text, rest[0].block))
      this.addSummaryStandfirst(rest[0].text, rest.shift()!.block);
    else if (rest[0]) a.subheadline = rest.shift()!.text;
    for (const r of rest) this.addHeading(r.text, r.block);
    for (const c of this.topCaptions) {
      this.addFigure(c.lines.map((l) => l.text).join(''), c);
      this.reviewApartAtTop(c);
    }
    this.topCaptions = [];
    this.state = a.children.length ? 'body' : 'stack';
  }

  /**
   * Report a line set aside at the top as a photo caption only because blank lines set it apart, once
   * it is placed so (a later rule may read it as a kicker or headline instead, with a note of its own).
   */
  private reviewApartAtTop(c: Block): void {
    if (!this.apartAtTop.has(c)) return;
    this.review(
      c.lines[0]!,
      `“${c.lines[0]!.text}” stands apart by blank lines under the display lines at the top of the page: set aside as a photo caption; it could be the headline, the lines above it the banner`,
    );
  }

  /**
   * The one display line left at the top over `head` (taken off the top already), when it is a plain
   * line right over a head with punctuation: 引题 over 主题. Taken off the top and reported (it could
   * be 主题 over 副题).
   */
  protected takePlainKicker(head: { text: string; blankBefore?: number }): { text: string; block: Block } | null {
    const over = this.top[0];
    if (this.top.length !== 1 || !over) return null;
    if (hasProsePunctuation(over.text) || isNumberedHead(over.text) || setApart(head)) return null;
    // A column tag (`（一线见闻）`) rides on the main head only, never on a subheadline.
    const headForm =
      hasProsePunctuation(head.text) ||
      endsWithColumnTag(head.text) ||
      readsAsKickerOver(over.text, head.text, this.shape);
    if (!headForm || isDashSubtitle(head.text)) return null;
    this.top.shift();
    this.review(
      over.block.lines[0]!,
      `“${over.text}” over the head “${head.text}” read as its kicker (引题); it could be the headline over a subheadline`,
    );
    return over;
  }

  /**
   * Display lines at the top of the page set apart (two or more blank lines) from the headline stack
   * under them are the series banner, whether or not the first headline names an institution.
   */
  private bannerAboveStack(): void {
    const k = this.top.findLastIndex((t, j) => j > 0 && setApart(t));
    if (k <= 0 || this.out.banner) return;
    this.out.banner = this.top.splice(0, k).map((t) => t.text);
  }

  /** Open a new article; display lines still waiting above the first one become the series banner. */
  protected startArticle(
    fields: { institution?: string | undefined; headline: string; kicker?: string | undefined },
    block: Block,
  ): void {
    this.closeArticle();
    this.modulesWaiting = [];
    if (this.state === 'top' && this.top.length) {
      // Display lines above the first headline that carries an institution: the series banner.
      this.out.banner = this.top.map((t) => t.text);
      this.top = [];
      for (const c of this.topCaptions) {
        this.out.furniture.push(c.lines.map((l) => l.text).join(''));
        this.reviewApartAtTop(c);
      }
      this.topCaptions = [];
    }
    this.current = newArticle(this.out.articles.length, fields.headline, spanOf(block.lines[0]), fields);
    this.out.articles.push(this.current);
    this.state = 'stack';
    this.movedReported = false;
    this.ledeOpen = false;
  }
}
