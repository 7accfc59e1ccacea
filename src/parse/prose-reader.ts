/**
 * Prose in the page walk: a prose block's lines joined into paragraphs across column breaks, with a
 * standfirst under the headline judged by its own narrower measure and closed where it stops short.
 */
import type { Article } from '../ast/types.js';
import { HeadStackReader } from './head-stacks.js';
import type { Reporter, SourceLine } from './lines.js';
import { INDENT_SLACK, narrowBlockMeasure, type Block, type PageShape } from './page.js';
import { paragraphBreak, startsParagraph, type ProseIndex } from './paragraphs.js';
import { endsSentence, opensWithDateline, visualWidth } from './text-form.js';
import { isIndented } from './text-openings.js';

/** Reads prose blocks into the current article's paragraphs (the page walk's text half). */
export class ProseReader extends HeadStackReader {
  /** The last line of copy found cut off mid-sentence, and its article (see proseBlock). */
  private cutAt: { line: SourceLine; article: Article | null } | null = null;

  constructor(
    shape: PageShape,
    private prose: ProseIndex,
    report: Reporter,
  ) {
    super(shape, report);
  }

  /**
   * Join a prose block's lines into paragraphs: a line opens a new one where its indent or the line
   * before says so; a short sentence may be the last of the paragraph above (reported).
   */
  protected proseBlock(block: Block, next: Block | null = null): void {
    if (this.state === 'top') this.ensureArticle(block);
    this.reviewAfterCut(block.lines[0]!);
    // Under the headline stack, a block set in a narrower measure is a standfirst: judged by its own measure.
    const own = this.state === 'stack' && !this.pending.length ? narrowBlockMeasure(block.lines, this.shape) : null;
    for (const [k, line] of block.lines.entries()) {
      const prev = this.pending[this.pending.length - 1];
      // At the block's foot, the next line in reading order is the next prose block's first (a column's
      // foot goes on there): a mark it opens with was pushed down from this line.
      const after = block.lines[k + 1] ?? next?.lines[0];
      const first = this.pending.length === 1;
      // A short last sentence is read as a tail only in the same block: a blank line may part modules.
      const decision = prev ? paragraphBreak(prev, line, this.shape, this.prose, first, after, own) : 'continue';
      if (decision === 'start' || (decision === 'tail' && k === 0)) this.flush();
      else if (decision === 'short-pair') {
        this.flush();
        this.reviewShortPair(prev!, line);
      } else if (decision === 'tail') this.reviewTail(line);
      else if (decision === 'attribution') this.reviewAttribution(line);
      else if (prev && own && startsParagraph(prev, line, this.shape, this.prose, first, after))
        this.reviewOwnMeasure(prev, own);
      this.pushLine(line);
    }
    const narrow = own ?? (this.state === 'stack' ? narrowBlockMeasure(block.lines, this.shape, 2) : null);
    if (narrow) this.closeUnpunctuatedStandfirst(block, narrow, next);
    else this.closeStandfirstOverDateline(block, next);
    // Copy cut off mid-sentence (rethread.ts): its paragraph ends here, whatever is printed next.
    if (block.copyEnds && this.pendingOpen()) {
      this.flush();
      this.cutAt = { line: block.lines.at(-1)!, article: this.current };
    }
  }

  /** A paragraph of the same article after copy cut off mid-sentence: reported, as it could go on that sentence. */
  private reviewAfterCut(line: SourceLine): void {
    const cut = this.cutAt;
    this.cutAt = null;
    if (!cut || cut.article !== this.current || this.pending.length) return;
    this.review(
      line,
      `“${line.text}” opens a paragraph after “${cut.line.text}” (line ${cut.line.line}), which stops mid-sentence well short of the measure, where a column never breaks: read as copy cut off there; it could go on that sentence`,
    );
  }

  /**
   * The one block under the headline stack, left open without end punctuation, over a paragraph that
   * opens with a dateline (`本报北京3月5日电`): a dateline opens a report's text, so no sentence goes on
   * into it; the block is a summary standfirst set like a headline sentence. Reported: it could be a
   * subheadline printed without its dash.
   */
  private closeStandfirstOverDateline(block: Block, next: Block | null): void {
    if (this.state !== 'stack' || this.pending[0] !== block.lines[0] || !this.pendingOpen()) return;
    if (!next || !opensWithDateline(next.lines[0]?.text ?? '')) return;
    this.ledeOpen = true;
    this.flush();
    this.review(
      block.lines[0]!,
      `“${block.lines.map((l) => l.text).join('')}” under the headline stops without end punctuation over the dateline that opens the report: read as the standfirst; it could be a subheadline`,
    );
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
    this.review(
      last,
      `The standfirst under the headline ends without end punctuation (“${last.text}”), ${short ? 'on a short line' : 'over text in the wider measure of the body'}: closed there; the text under it could go on its sentence`,
    );
  }

  /** A short sentence read as the last of the paragraph above, not a paragraph of its own: reported. */
  private reviewTail(line: SourceLine): void {
    this.review(
      line,
      `“${line.text}” after a full line that ends a sentence: read as the paragraph's last sentence; it could be a paragraph of its own (the extraction shows no indent)`,
    );
  }

  /** A paragraph opened between two lines that each fall short of the measure: reported, as it could go on. */
  private reviewShortPair(prev: SourceLine, line: SourceLine): void {
    this.review(
      line,
      `“${line.text}” after “${prev.text}”: both lines fall an em short of the measure, so a paragraph ends on the first and opens on the second (the extraction shows no indent); it could go on`,
    );
  }

  /** A speech verb's line joined to the quote above it: reported, as it could open a paragraph. */
  private reviewAttribution(line: SourceLine): void {
    this.review(
      line,
      `“${line.text}” after a closed quotation: read as the attribution ending its paragraph; it could be a paragraph of its own (the extraction shows no indent)`,
    );
  }

  /** A line that ends a sentence kept in its standfirst by the standfirst's own measure: reported. */
  private reviewOwnMeasure(line: SourceLine, measure: number): void {
    this.review(
      line,
      `“${line.text}” ends a sentence short of the body's measure, but fills the ${measure}-em measure of the standfirst under the headline: the standfirst's paragraph goes on; it could end there`,
    );
  }
}
