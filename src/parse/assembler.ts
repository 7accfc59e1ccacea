/**
 * The page walk: go through the classified blocks in reading order
 * and decide, from context, what each display line is — banner, headline, subheadline, subhead or
 * caption — while paragraphs are joined across column breaks and lifted captions.
 */
import { ArticleBuilder, type Assembled } from './article-builder.js';
import type { Classified } from './classify.js';
import type { Reporter } from './lines.js';
import type { Block, PageShape } from './page.js';
import { CONTINUATION_START, startsParagraph, type ProseIndex } from './paragraphs.js';
import { isHeadBandWord } from './furniture.js';
import { isDashSubtitle } from './text-form.js';
import type { BylineParts } from './credits.js';

/** Walks the classified blocks of one page; `run` returns the page's articles. */
export class Assembler extends ArticleBuilder {
  /** Photo slots seen whose caption has not come yet: the next display lines are their captions. */
  private slotsAwaitingCaption = 0;

  constructor(shape: PageShape, private prose: ProseIndex, report: Reporter) {
    super(shape, report);
  }

  run(items: Classified[]): Assembled {
    for (let i = 0; i < items.length; i++) i += this.step(items, i);
    this.closeArticle();
    if (this.state === 'top' && this.top.length) {
      // Display lines only, no prose: keep them as a headline-only article so no text is lost.
      this.startArticle({ headline: '' }, this.top[0].block);
    }
    return this.out;
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
        if (this.creditForFigure(kind.parts)) return 0;
        this.flush();
        const beforeBody = this.state === 'top' || this.state === 'stack';
        this.ensureArticle(block);
        this.mergeByline(kind.parts);
        // A byline under the headline stack (`本报记者 李明`) opens the body; one after the body ends it.
        if (!beforeBody || this.current!.children.length) this.state = 'closed';
        return 0;
      }
      case 'org-head':
        this.startArticle({ institution: kind.institution, headline: kind.headline }, block);
        return 0;
      case 'org': {
        const stacked = this.orgStack(items, i);
        if (stacked) return stacked;
        // A label over a head: a one-line head, or a head that wrapped when text or a byline runs under it.
        const after = items[i + 2]?.kind.kind;
        const heads = (d: { wrapped: boolean; caption?: boolean }) => !d.caption && (!d.wrapped || after === 'prose' || after === 'byline');
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
        return this.display(kind.text, kind.twoPart, kind.wrapped, block, items, i, kind.caption);
      case 'prose':
        this.slotsAwaitingCaption = 0;
        this.proseBlock(block);
        return 0;
    }
  }

  /**
   * A page number printed alone at the page's top (`9`), as pdftotext gives a running head set in
   * separate pieces; a section word right after it (`理论`) is the section. Both are kept as furniture.
   */
  private bareFolio(items: Classified[], i: number): boolean {
    const lines = items[i].block.lines;
    if (this.out.folio || i > 5 || lines.length !== 1 || !/^\d{1,3}$/.test(lines[0].text)) return false;
    const next = items[i + 1]?.block.lines;
    const section = next?.length === 1 && isHeadBandWord(next[0].text) && this.state === 'top' ? next[0].text : null;
    this.out.folio = { page: Number(lines[0].text), section };
    this.out.furniture.push(lines[0].text, ...(section ? [section] : []));
    return true;
  }

  /**
   * A credit-only line (`新华社记者 王刚 摄`) right after a caption that has none is that photo's
   * credit, not the article's byline: it does not end the article.
   */
  private creditForFigure(parts: BylineParts): boolean {
    const last = this.current?.children[this.current.children.length - 1];
    if (parts.authors.length || !parts.photoCredit || parts.extra || this.pending.length || last?.type !== 'figure' || last.credit) return false;
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
    const head = (c: Classified | undefined) => close(c) && c!.kind.kind === 'display' && !(c!.kind as { wrapped: boolean }).wrapped;
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
      c.block.lines.length === 1 && isHeadBandWord(c.block.lines[0].text);
    while (j - i <= 3 && words(items[j])) j++;
    if (j === i + 1 || items[j]?.kind.kind !== 'furniture') return 0;
    for (let k = i + 1; k < j; k++) this.out.furniture.push(items[k].block.lines[0].text);
    return j - i - 1;
  }

  /** A display block in context; returns how many following items it consumed. */
  private display(text: string, twoPart: boolean, wrapped: boolean, block: Block, items: Classified[], i: number, caption = false): number {
    const next = items[i + 1];
    const apart = block.blankBefore >= 2 && !block.first;
    if (this.slotsAwaitingCaption > 0) {
      this.slotsAwaitingCaption--;
      if (this.state === 'top') this.topCaptions.push(block);
      else this.addFigure(text, block);
      return 0;
    }
    if ((this.state === 'body' || this.state === 'closed') && !caption) {
      const stack = this.headsNewArticle(items, i);
      if (stack === 'head') this.startArticle({ headline: text }, block);
      if (stack === 'kicker') this.startArticle({ kicker: text, headline: (items[i + 1].kind as { text: string }).text }, block);
      if (stack) return stack === 'kicker' ? 1 : 0;
    }
    if (this.state === 'top') {
      if ((apart || caption) && this.top.length) this.topCaptions.push(block);
      else this.top.push({ text, block });
      return 0;
    }
    if (this.state === 'closed') {
      const nextIsDisplay = !next || ['display', 'org', 'org-head'].includes(next.kind.kind);
      if (apart || wrapped || nextIsDisplay) this.addFigure(text, block);
      else this.startArticle({ headline: text }, block);
      return 0;
    }
    if (this.state === 'stack' && !this.pending.length) {
      if (apart || wrapped) this.addFigure(text, block);
      else if (!twoPart && !this.current!.subheadline && this.current!.lede.length === 0) {
        this.current!.subheadline = text;
      } else this.addHeading(text, block);
      return 0;
    }
    // In the body.
    const open = this.pendingOpen();
    const nextProse = this.nextProse(items, i);
    if (wrapped || apart || (open && nextProse && !twoPart)) {
      this.addFigure(text, block);
      return 0;
    }
    if (open && nextProse?.continues) {
      this.addInterruptingHeading(text, block);
      return 0;
    }
    if (!twoPart && block.lines.length === 1 && nextProse) {
      const captionFollows = next && next.kind.kind === 'display' && next.block.blankBefore >= 2;
      if (captionFollows || CONTINUATION_START.test(nextProse.lines[0].text)) {
        this.proseBlock(block); // a sentence fragment cut by a column break or a caption
        return 0;
      }
    }
    this.addHeading(text, block);
    return 0;
  }

  /**
   * A head followed by a reporter's byline (`本报记者 李明`, maybe after a `——` subheadline) and then
   * text opens a new article even without an institution label: that is how most papers print one.
   */
  private headsNewArticle(items: Classified[], i: number): 'head' | 'kicker' | null {
    const display = (c: Classified | undefined) => (c?.kind.kind === 'display' && !c.kind.caption ? c.kind.text : null);
    const dashAt = (j: number) => isDashSubtitle(display(items[j]) ?? '');
    // 引题 + 主题 + ——副题: this line is the kicker of the head after it.
    const kicker = display(items[i + 1]) !== null && dashAt(i + 2);
    // A `——` subheadline under a head is a headline stack by itself, whatever follows it.
    if (kicker || dashAt(i + 1)) return kicker ? 'kicker' : 'head';
    let j = i + 1;
    // A photo and its caption may stand between the head and the byline.
    while (items[j]?.kind.kind === 'photo-slot' || (items[j]?.kind.kind === 'display' && (items[j]!.kind as { caption?: boolean }).caption)) j++;
    const byline = items[j]?.kind;
    if (byline?.kind !== 'byline' || byline.parts.authors.length === 0) return null;
    if (byline.parts.extra === null || items[j + 1]?.kind.kind !== 'prose') return null;
    return 'head';
  }

  /** The next prose block, looking past captions set apart by 2+ blank lines. */
  private nextProse(items: Classified[], i: number): Block | null {
    for (let j = i + 1; j < items.length; j++) {
      const { kind, block } = items[j];
      if (kind.kind === 'prose') return block;
      if (kind.kind === 'display' && (block.blankBefore >= 2 || kind.wrapped)) continue;
      return null;
    }
    return null;
  }

  private proseBlock(block: Block): void {
    if (this.state === 'top') this.ensureArticle(block);
    for (const line of block.lines) {
      const prev = this.pending[this.pending.length - 1];
      if (prev && startsParagraph(prev, line, this.shape, this.prose, this.pending.length === 1)) this.flush();
      this.pushLine(line);
    }
  }
}
