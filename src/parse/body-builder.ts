/**
 * The article's text being placed: the paragraph being read and where it goes (body, standfirst, a
 * standfirst printed away from its top), figures and subheads printed inside it, institution labels
 * and bylines. The lower layer of the article builder; article-builder.ts adds the top of the page
 * and starting articles.
 */
import type { Article, BlockContent, Figure, Folio, Paragraph } from '../ast/types.js';
import type { Reporter, SourceLine } from './lines.js';
import {
  FIRST_LINE_INDENT,
  INDENT_SLACK,
  firstLineIndented,
  paragraphMeasure,
  type Block,
  type PageShape,
} from './page.js';
import { joinLines } from './paragraphs.js';
import { spanOf, spanOfLines } from './positions.js';
import { reviewNote } from './report.js';
import { matchCredit, type BylineParts } from './credits.js';
import { isNumberedHead, type Classified } from './classify.js';
import { EDITOR_SIGNATURE_RE, endsSentence, isDashSubtitle, opensWithDateline, visualWidth } from './text-form.js';
import { heading, paragraph } from './article-nodes.js';

/** A standfirst that names itself (`【编者按】…`, `导语：…`) is the lede in any measure, before the body. */
const EDITORS_NOTE_RE = /^[【[〔]?(?:编者按|编者的话|编前|编后|导语|导读|开栏的话)[】\]〕]?[：:]?/;

/** A standfirst runs to one or two paragraphs: more text above a dateline is not one. */
const MAX_PARAGRAPHS_ABOVE_DATELINE = 2;

/** What the walk produces for one page. */
export interface Assembled {
  folio: Folio | null;
  banner: string[] | null;
  furniture: string[];
  articles: Article[];
}

/** Where the walk is: above the first article, in a headline stack, in the body, or after a byline. */
export type State = 'top' | 'stack' | 'body' | 'closed';

/** Body placement shared by the page walk's layers: state of the article being read and the operations on its text. */
export abstract class BodyBuilder {
  protected out: Assembled = { folio: null, banner: null, furniture: [], articles: [] };
  protected current: Article | null = null;
  protected state: State = 'top';
  /** Lines of the paragraph being read. */
  protected pending: SourceLine[] = [];
  /** Figures and subheads printed inside the pending paragraph: placed after it. */
  private nodesAfter: BlockContent[] = [];
  private liftedCaptions: SourceLine[] = [];
  protected movedReported = false;
  /** A standfirst label was read: paragraphs go to the lede until a subhead or the body's measure. */
  protected ledeOpen = false;
  /** Paragraphs that opened, indented, right under a headline stack (a standfirst above a dateline may be one). */
  private underStack = new WeakSet<Paragraph>();
  /** Articles of side-by-side modules opened together, waiting for their text (read in their order). */
  protected modulesWaiting: Article[] = [];

  constructor(
    protected shape: PageShape,
    protected report: Reporter,
  ) {}

  /** Write a `needs-review` note at `at` (a source line or a node's start). */
  protected review(at: { line: number; column: number }, message: string): void {
    reviewNote(this.report, at, message);
  }

  /** Does the pending paragraph stop mid-sentence? */
  protected pendingOpen(): boolean {
    return this.pending.length > 0 && !endsSentence(this.pending[this.pending.length - 1].text);
  }

  /** Add a line to the pending paragraph, reporting captions lifted out of it. */
  protected pushLine(line: SourceLine): void {
    if (this.pending.length && this.liftedCaptions.length) {
      for (const c of this.liftedCaptions) {
        this.report(
          'caption-in-sentence',
          `Caption “${c.text}” was printed inside a sentence; lifted out and the sentence re-joined`,
          c.line,
          c.column,
          'info',
        );
      }
      this.liftedCaptions = [];
    }
    this.pending.push(line);
  }

  /** Close the pending paragraph and place it: body, standfirst (set apart by its measure), or moved standfirst. */
  protected flush(): void {
    const lines = this.pending;
    this.pending = [];
    this.liftedCaptions = [];
    if (lines.length && this.state === 'closed' && this.modulesWaiting.length) {
      const from = this.nextModule();
      this.review(
        lines[0]!,
        `Text after the byline of “${from.headline}” read as the text of “${this.current!.headline}”, whose head was printed beside it (side-by-side modules print their heads, then their texts in order); it could belong to the article before`,
      );
    }
    if (lines.length) {
      const a = this.current!;
      const p = paragraph(joinLines(lines), lines);
      const measure = paragraphMeasure(lines, this.shape);
      if (this.state === 'closed') {
        if (measure !== 'body') {
          a.lede.push(p);
          this.reportMoved(a, lines, measure);
        } else {
          a.children.push(p);
          this.report(
            'orphan-fragment',
            `Text after the byline of “${a.headline}” could not be placed with confidence; kept at the article's end`,
            lines[0].line,
            lines[0].column,
            'warning',
          );
        }
      } else if (
        (this.state === 'stack' && (measure !== 'body' || this.ledeOpen)) ||
        (EDITORS_NOTE_RE.test(p.children[0]!.value) && !a.children.some((c) => c.type === 'paragraph'))
      ) {
        // Under a box label, the paragraph right after it is the box's text (a narrower measure carries on).
        a.lede.push(p);
        this.ledeOpen = false;
      } else if (EDITOR_SIGNATURE_RE.test(p.children[0]!.value) && !a.children.some((c) => c.type === 'paragraph')) {
        // An editor's note signed `——编 者` above the body is the standfirst.
        a.lede.push(p);
      } else if (measure === 'wide') {
        // A paragraph wider than the body columns is a standfirst spanning them, printed in the body's flow.
        a.lede.push(p);
        this.reportMoved(a, lines, measure);
      } else {
        if (opensWithDateline(p.children[0]!.value)) this.ledeAboveDateline(a);
        // Every line opens a paragraph on line-per-paragraph pages.
        const indented = this.shape.lineMode || firstLineIndented(lines[0]!.text, lines[1]?.text, this.shape);
        if (this.state === 'stack' && indented) this.underStack.add(p);
        a.children.push(p);
        this.state = 'body';
      }
    }
    if (this.nodesAfter.length) {
      this.current?.children.push(...this.nodesAfter);
      this.nodesAfter = [];
    }
  }

  /**
   * Side-by-side modules whose heads pdftotext printed one after another, then their texts in the
   * same order: once the text of one is closed by its byline, the text after it is the next one's.
   * Returns the module left.
   */
  protected nextModule(): Article {
    const from = this.current!;
    this.current = this.modulesWaiting.shift()!;
    this.state = 'body';
    return from;
  }

  /**
   * A dateline (`本报北京3月5日电`) opens a report's text: the paragraphs read before it under the
   * headline stack, in the same measure, are its standfirst. Moved to the lede and reported: they could
   * be text of the article printed above the dateline.
   */
  private ledeAboveDateline(a: Article): void {
    const above = a.children;
    if (a.lede.length || !above.length || above.length > MAX_PARAGRAPHS_ABOVE_DATELINE) return;
    // Only whole paragraphs that opened right under the stack; one that opens with a dateline itself is a
    // stray copy of the report's first paragraph.
    const whole = (c: BlockContent) =>
      c.type === 'paragraph' && this.underStack.has(c) && !opensWithDateline(c.children[0]!.value);
    if (!whole(above[0]!) || !above.every((c) => c.type === 'paragraph' && !opensWithDateline(c.children[0]!.value)))
      return;
    a.lede.push(...(above as Paragraph[]));
    a.children = [];
    this.review(
      above[0]!.position!.start,
      `Text under the headline “${a.headline}” above the dateline that opens its report: read as the standfirst; it could be the report's first paragraph`,
    );
  }

  /** Report once per article that its standfirst was printed away from its top. */
  private reportMoved(a: Article, lines: SourceLine[], measure: 'narrow' | 'wide'): void {
    if (this.movedReported) return;
    const where = this.state === 'closed' ? 'after the byline of' : 'inside the body of';
    this.report(
      'out-of-order-lede',
      `Standfirst printed ${where} “${a.headline}” (set in a ${measure === 'wide' ? 'wider' : 'narrower'} measure); moved to the article's top`,
      lines[0].line,
      lines[0].column,
      'info',
    );
    this.movedReported = true;
  }

  /** A caption: a figure after the paragraph it interrupted (reported when it cut a sentence), or in place. */
  protected addFigure(text: string, block: Block): void {
    if (this.state === 'top') this.ensureArticle(block);
    const credit = matchCredit(text);
    const caption = credit && credit.length < text.length ? text.slice(0, text.length - credit.length).trim() : text;
    const fig: Figure = {
      type: 'figure',
      caption,
      credit: credit && credit.length < text.length ? credit : null,
      src: null,
      position: spanOfLines(block.lines),
    };
    if (this.pending.length) {
      this.nodesAfter.push(fig);
      if (this.pendingOpen()) this.liftedCaptions.push(block.lines[0]);
    } else this.current!.children.push(fig);
  }

  /** Was the node placed last a figure (waiting after the pending paragraph, or in place)? */
  protected lastIsFigure(): boolean {
    const last = this.nodesAfter.length ? this.nodesAfter.at(-1) : this.current?.children.at(-1);
    return last?.type === 'figure';
  }

  /** A section subhead: it closes the pending paragraph. */
  protected addHeading(text: string, block: Block): void {
    this.flush();
    this.current!.children.push(heading(text, block));
    this.state = 'body';
  }

  /**
   * A subhead printed inside a sentence that goes on after it cannot head that text: pdftotext put
   * another module's subhead between two column lines. Placed after the paragraph and reported.
   */
  protected addInterruptingHeading(text: string, block: Block): void {
    this.nodesAfter.push(heading(text, block));
    const l = block.lines[0];
    this.report(
      'orphan-fragment',
      `Subhead “${text}” was printed inside a sentence that goes on after it; placed after the paragraph, please check`,
      l.line,
      l.column,
      'info',
    );
  }

  /** An institution label printed away from any headline: the article's institution if it has none, else a subhead. */
  protected floatingInstitution(name: string, block: Block): void {
    const a = this.current!;
    const where = spanOf(block.lines[0]).start;
    if (!a.institution) {
      a.institution = name;
      this.report(
        'orphan-fragment',
        `Institution label “${name}” printed mid-text; attached to the article “${a.headline}”`,
        where.line,
        where.column,
        'info',
      );
    } else {
      this.addHeading(name, block);
      this.report(
        'orphan-fragment',
        `Organisation name “${name}” stands alone mid-text; kept as a subhead, please check`,
        where.line,
        where.column,
        'warning',
      );
    }
  }

  /**
   * A display block that wrapped (its first line the widest) and is longer than a column line: under
   * the headline stack, a summary sentence set without end punctuation, not a subheadline or subhead.
   */
  protected isWrappedSummary(text: string, block: Block): boolean {
    const widths = block.lines.map((l) => visualWidth(l.text, this.shape.quoteEm));
    if (this.shape.lineMode || widths.length < 2 || isNumberedHead(text)) return false;
    // Under the stack's byline the stack is done: the block's first line may be indented as a
    // paragraph's (a shorter first phrase over a longer one is a head broken at its phrase space).
    const underByline = (this.current?.byline.authors.length ?? 0) > 0;
    const indented = underByline && Math.max(...widths) - widths[0]! <= FIRST_LINE_INDENT + INDENT_SLACK;
    if (!indented && widths.some((w) => w > widths[0]!)) return false;
    return visualWidth(text, this.shape.quoteEm) > this.shape.measure && !isDashSubtitle(text);
  }

  /** Place a wrapped summary under the stack as the standfirst, reported for review. */
  protected addSummaryStandfirst(text: string, block: Block): void {
    this.pending.push(...block.lines);
    this.ledeOpen = true;
    this.flush();
    this.review(
      block.lines[0]!,
      `“${text}” under the headline stack wrapped over ${block.lines.length} lines: read as the standfirst; it could be a subheadline or a subhead`,
    );
  }

  /** A standfirst box label (`核心阅读`): kept as the lede's first line; the text under it follows in the lede. */
  protected addStandfirstLabel(text: string, block: Block): void {
    this.current!.lede.push(paragraph(text, block.lines));
    this.ledeOpen = true;
  }

  /** Add names, credit and note to the current article's byline (a byline may print over two blocks). */
  protected mergeByline(parts: { authors: string[]; photoCredit: string | null; extra: string | null }): void {
    const b = this.current!.byline;
    // A name is listed once: the same byline printed twice (two modules' bylines read into one
    // article, a byline repeated at the foot) keeps it as a note, so its text stays accounted for.
    const repeated: string[] = [];
    for (const n of parts.authors) (b.authors.includes(n) ? repeated : b.authors).push(n);
    if (repeated.length) b.note = [b.note, ...repeated].filter(Boolean).join(' ');
    if (parts.photoCredit) b.photoCredit = b.photoCredit ? `${b.photoCredit} ${parts.photoCredit}` : parts.photoCredit;
    if (parts.extra) b.note = b.note ? `${b.note} ${parts.extra}` : parts.extra;
  }

  /** Start the first article from the display lines at the top of the page (the page-top layer decides how). */
  protected abstract ensureArticle(block: Block): void;

  /** Place the pending paragraph before the article is left. */
  protected closeArticle(): void {
    if (this.current) this.flush();
  }

  /**
   * A credit-only line (`新华社记者 王刚 摄`) right after a caption that has none is that photo's
   * credit, not the article's byline: it does not end the article. Under the article's byline
   * (`本报记者 李明` / `图片由某某医院提供`) it is the article's photo credit.
   */
  protected creditForFigure(parts: BylineParts, before: Classified | undefined): boolean {
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

  /** Place a two-phrase summary line as the standfirst, reported for review. */
  protected addPhraseSummary(text: string, block: Block): void {
    this.current!.lede.push(paragraph(text, block.lines));
    this.review(
      block.lines[0]!,
      `“${text}” under the headline stack, before the text and longer than a column line: read as the standfirst; it could be a section subhead`,
    );
  }
}
