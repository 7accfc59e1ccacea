/**
 * Article assembly (issue #3 "assemble articles"): walk the classified blocks in page order and
 * decide, from context, what each display line is — banner, headline, subheadline, subhead or
 * caption — while paragraphs are joined across column breaks and lifted captions.
 */
import type { Article, Figure, Folio, Heading, Paragraph } from '../ast/types.js';
import { classifyBlock, isDisplayLine, type BlockKind } from './classify.js';
import type { Reporter, SourceLine } from './lines.js';
import { paragraphMeasure, toBlocks, type Block, type PageShape } from './page.js';
import { buildProseIndex, joinLines, startsParagraph, type ProseIndex } from './paragraphs.js';
import { spanOf, spanOfLines } from './positions.js';
import { endsSentence, isRunningHead, matchCredit, matchFolio, visualWidth } from './text-form.js';
import { splitRunInHeads } from './split.js';
import { isHeadBandWord, isPhotoSlotLabel, isSlugLine } from './furniture.js';

export interface Assembled {
  folio: Folio | null;
  banner: string[] | null;
  furniture: string[];
  articles: Article[];
}

type Classified = { block: Block; kind: BlockKind };
type State = 'top' | 'stack' | 'body' | 'closed';

/** Characters that cannot begin a sentence: a line starting with one continues the line before. */
const CONTINUATION_START = /^[的地得了着过们之和与及或并而但且等者性化务，、。；：？！”’）》]/;

export function assemble(lines: SourceLine[], shape: PageShape, report: Reporter): Assembled {
  // pdftotext prints running heads, folios and column-spanning headlines without blank lines around
  // them; on a column page an unpunctuated line wider than the column can only be display type.
  const spanning = (l: SourceLine) => !shape.lineMode && isDisplayLine(l.text, shape) && visualWidth(l.text) > shape.measure + 2;
  const standsAlone = (l: SourceLine) => isRunningHead(l.text) || isPhotoSlotLabel(l.text) || isSlugLine(l.text) || (matchFolio(l.text) !== null && nearPageEdge(lines, l)) || spanning(l);
  const items: Classified[] = splitRunInHeads(toBlocks(lines, standsAlone), shape).map((block) => {
    const kind = classifyBlock(block, shape);
    // A head with the body right under it is never a wrapped caption.
    if (block.runIn && kind.kind === 'display') kind.wrapped = false;
    return { block, kind };
  });
  const prose = buildProseIndex(items.filter((c) => c.kind.kind === 'prose').flatMap((c) => c.block.lines), shape.quoteEm);
  return new Assembler(shape, prose, report).run(items);
}

/** Folios print at the page's top or foot: only the first 6 or last 3 non-blank lines may be one. */
function nearPageEdge(lines: SourceLine[], l: SourceLine): boolean {
  const text = lines.filter((x) => x.text);
  const i = text.indexOf(l);
  return i < 6 || i >= text.length - 3;
}

class Assembler {
  private out: Assembled = { folio: null, banner: null, furniture: [], articles: [] };
  private current: Article | null = null;
  private state: State = 'top';
  private top: { text: string; block: Block }[] = [];
  private topCaptions: Block[] = [];
  private pending: SourceLine[] = [];
  private figuresAfter: Figure[] = [];
  private liftedCaptions: SourceLine[] = [];
  private movedReported = false;
  /** Photo slots seen whose caption has not come yet: the next display lines are their captions. */
  private slotsAwaitingCaption = 0;

  constructor(private shape: PageShape, private prose: ProseIndex, private report: Reporter) {}

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
    switch (kind.kind) {
      case 'folio':
        if (!this.out.folio) this.out.folio = { page: kind.page, section: kind.section };
        else this.out.furniture.push(text);
        return this.headBand(items, i);
      case 'furniture':
        this.out.furniture.push(text);
        return 0;
      case 'photo-slot':
        this.out.furniture.push(text);
        this.slotsAwaitingCaption++;
        return 0;
      case 'byline':
        this.flush();
        this.ensureArticle(block);
        this.mergeByline(kind.parts);
        this.state = 'closed';
        return 0;
      case 'org-head':
        this.startArticle({ institution: kind.institution, headline: kind.headline }, block);
        return 0;
      case 'org': {
        const stacked = this.orgStack(items, i);
        if (stacked) return stacked;
        if (next && next.kind.kind === 'display' && next.block.blankBefore < 2 && !next.kind.wrapped) {
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
        this.display(kind.text, kind.twoPart, kind.wrapped, block, items, i);
        return 0;
      case 'prose':
        this.slotsAwaitingCaption = 0;
        this.proseBlock(block);
        return 0;
    }
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
    const words = (c: Classified | undefined) => c?.kind.kind === 'display' && c.block.lines.length === 1 && isHeadBandWord(c.kind.text);
    while (j - i <= 3 && words(items[j])) j++;
    if (j === i + 1 || items[j]?.kind.kind !== 'furniture') return 0;
    for (let k = i + 1; k < j; k++) this.out.furniture.push(items[k].block.lines[0].text);
    return j - i - 1;
  }

  private display(text: string, twoPart: boolean, wrapped: boolean, block: Block, items: Classified[], i: number): void {
    const next = items[i + 1];
    const apart = block.blankBefore >= 2 && !block.first;
    if (this.slotsAwaitingCaption > 0) {
      this.slotsAwaitingCaption--;
      if (this.state === 'top') this.topCaptions.push(block);
      else this.addFigure(text, block);
      return;
    }
    if (this.state === 'top') {
      if (apart && this.top.length) this.topCaptions.push(block);
      else this.top.push({ text, block });
      return;
    }
    if (this.state === 'closed') {
      const nextIsDisplay = !next || ['display', 'org', 'org-head'].includes(next.kind.kind);
      if (apart || wrapped || nextIsDisplay) this.addFigure(text, block);
      else this.startArticle({ headline: text }, block);
      return;
    }
    if (this.state === 'stack') {
      if (apart || wrapped) this.addFigure(text, block);
      else if (!twoPart && !this.current!.subheadline && this.current!.lede.length === 0) {
        this.current!.subheadline = text;
      } else this.addHeading(text, block);
      return;
    }
    // In the body.
    const open = this.pending.length > 0 && !endsSentence(this.pending[this.pending.length - 1].text);
    const nextProse = this.nextProse(items, i);
    if (wrapped || apart || (open && nextProse && !twoPart)) {
      this.addFigure(text, block);
      return;
    }
    if (!twoPart && block.lines.length === 1 && nextProse) {
      const captionFollows = next && next.kind.kind === 'display' && next.block.blankBefore >= 2;
      if (captionFollows || CONTINUATION_START.test(nextProse.lines[0].text)) {
        this.proseBlock(block); // a sentence fragment cut by a column break or a caption
        return;
      }
    }
    this.addHeading(text, block);
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
      if (this.pending.length && this.liftedCaptions.length) {
        for (const c of this.liftedCaptions) {
          this.report('caption-in-sentence', `Caption “${c.text}” was printed inside a sentence; lifted out and the sentence re-joined`, c.line, c.column, 'info');
        }
        this.liftedCaptions = [];
      }
      this.pending.push(line);
    }
  }

  /** Close the pending paragraph and place it: body, standfirst (set apart by its measure), or moved standfirst. */
  private flush(): void {
    const lines = this.pending;
    this.pending = [];
    this.liftedCaptions = [];
    if (lines.length) {
      const a = this.current!;
      const p: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: joinLines(lines), position: spanOfLines(lines) }], position: spanOfLines(lines) };
      const measure = paragraphMeasure(lines, this.shape);
      if (this.state === 'closed') {
        if (measure !== 'body') {
          a.lede.push(p);
          if (!this.movedReported) {
            this.report('out-of-order-lede', `Standfirst printed after the byline of “${a.headline}” (set in a ${measure === "wide" ? "wider" : "narrower"} measure); moved to the article's top`, lines[0].line, lines[0].column, 'info');
            this.movedReported = true;
          }
        } else {
          a.children.push(p);
          this.report('orphan-fragment', `Text after the byline of “${a.headline}” could not be placed with confidence; kept at the article's end`, lines[0].line, lines[0].column, 'warning');
        }
      } else if (this.state === 'stack' && measure !== 'body') {
        a.lede.push(p);
      } else {
        a.children.push(p);
        this.state = 'body';
      }
    }
    if (this.figuresAfter.length) {
      this.current?.children.push(...this.figuresAfter);
      this.figuresAfter = [];
    }
  }

  private addFigure(text: string, block: Block): void {
    if (this.state === 'top') this.ensureArticle(block);
    const credit = matchCredit(text);
    const caption = credit && credit.length < text.length ? text.slice(0, text.length - credit.length).trim() : text;
    const fig: Figure = { type: 'figure', caption, credit: credit && credit.length < text.length ? credit : null, src: null, position: spanOfLines(block.lines) };
    const open = this.pending.length > 0 && !endsSentence(this.pending[this.pending.length - 1].text);
    if (this.pending.length) {
      this.figuresAfter.push(fig);
      if (open) this.liftedCaptions.push(block.lines[0]);
    } else this.current!.children.push(fig);
  }

  private addHeading(text: string, block: Block): void {
    this.flush();
    const h: Heading = { type: 'heading', depth: 3, children: [{ type: 'text', value: text, position: spanOfLines(block.lines) }], position: spanOfLines(block.lines) };
    this.current!.children.push(h);
    this.state = 'body';
  }

  private floatingInstitution(name: string, block: Block): void {
    const a = this.current!;
    const where = spanOf(block.lines[0]).start;
    if (!a.institution) {
      a.institution = name;
      this.report('orphan-fragment', `Institution label “${name}” printed mid-text; attached to the article “${a.headline}”`, where.line, where.column, 'info');
    } else {
      this.addHeading(name, block);
      this.report('orphan-fragment', `Organisation name “${name}” stands alone mid-text; kept as a subhead, please check`, where.line, where.column, 'warning');
    }
  }

  private mergeByline(parts: { authors: string[]; photoCredit: string | null; extra: string | null }): void {
    const b = this.current!.byline;
    b.authors.push(...parts.authors);
    if (parts.photoCredit) b.photoCredit = b.photoCredit ? `${b.photoCredit} ${parts.photoCredit}` : parts.photoCredit;
    if (parts.extra) b.note = b.note ? `${b.note} ${parts.extra}` : parts.extra;
  }

  /** Start the first article from the display lines at the top of the page (headline, subheadline). */
  private ensureArticle(block: Block): void {
    if (this.state !== 'top') return;
    const [head, ...rest] = this.top;
    this.top = [];
    if (!head) this.report('missing-headline', 'Text before any headline; started an article without a headline', block.lines[0].line, block.lines[0].column, 'warning');
    this.startArticle({ headline: head?.text ?? '' }, head?.block ?? block);
    const a = this.current!;
    if (rest[0]) a.subheadline = rest.shift()!.text;
    for (const r of rest) this.addHeading(r.text, r.block);
    for (const c of this.topCaptions) this.addFigure(c.lines.map((l) => l.text).join(''), c);
    this.topCaptions = [];
    this.state = a.children.length ? 'body' : 'stack';
  }

  private startArticle(fields: { institution?: string | undefined; headline: string }, block: Block): void {
    this.closeArticle();
    if (this.state === 'top' && this.top.length) {
      // Display lines above the first headline that carries an institution: the series banner.
      this.out.banner = this.top.map((t) => t.text);
      this.top = [];
      for (const c of this.topCaptions) this.out.furniture.push(c.lines.map((l) => l.text).join(''));
      this.topCaptions = [];
    }
    this.current = {
      type: 'article', id: `a${this.out.articles.length + 1}`, institution: fields.institution ?? null, kicker: null,
      headline: fields.headline, subheadline: null, lede: [], byline: { authors: [], photoCredit: null }, truncated: false,
      children: [], position: spanOf(block.lines[0]),
    };
    this.out.articles.push(this.current);
    this.state = 'stack';
    this.movedReported = false;
  }

  private closeArticle(): void {
    if (this.current) this.flush();
  }
}
