/**
 * Bylines pdftotext printed with no blank line around them: under a column's last line, over a
 * column's first line, and a byline with its role between a headline stack and the text.
 */
import { BYLINE_MAX_LINES, isDisplayLine, isPunctuatedHead, parseBylineLines } from './classify.js';
import { captionOf, parseByline } from './credits.js';
import type { Reporter, SourceLine } from './lines.js';
import { CUT_OFF_SHORTFALL, FIRST_LINE_INDENT, INDENT_SLACK, setApart, type Block, type PageShape } from './page.js';
import { reviewNote } from './report.js';
import { NO_SHAPE } from './split-head-parts.js';
import { endsSentence, visualWidth } from './text-form.js';

/**
 * pdftotext prints a byline right under the column's last line, with no blank line between. When the
 * last lines of a prose block read as a byline and the line above them ends a sentence, they are split
 * off into a block of their own (a byline never continues a sentence). So are bare names under copy cut
 * off mid-sentence (see cutOffAt): the sentence does not go on on the next line.
 */
export function splitTrailingBylines(blocks: Block[], shape: PageShape, report?: Reporter): Block[] {
  return blocks.flatMap((b) => {
    const texts = b.lines.map((l) => l.text);
    // A caption's own credit line (`图为…。` / `新华社记者 王刚 摄`) stays with its caption.
    if (captionOf(texts) !== null) return [b];
    for (let k = Math.min(BYLINE_MAX_LINES, texts.length - 1); k >= 1; k--) {
      const cut = texts.length - k;
      const underHead =
        k === 1 &&
        cut <= 2 &&
        texts.slice(0, cut).every((t) => isDisplayLine(t, NO_SHAPE) || isPunctuatedHead(t, NO_SHAPE)) &&
        !!parseByline(texts[cut]!)?.extra;
      const byline = bareNamesOverRole(texts.slice(cut)) ? null : parseBylineLines(texts.slice(cut));
      // Names with a role or a photo credit end an article even after a sentence cut off (a truncated article).
      const strong = !!byline && byline.authors.length > 0 && (!!byline.photoCredit || !!byline.extra);
      const afterCut = !endsSentence(texts[cut - 1]) && cutOffAt(texts, cut - 1, shape);
      if ((!endsSentence(texts[cut - 1]) && !afterCut && !underHead && !strong) || !byline) continue;
      if (afterCut && !strong && !underHead && report) reviewBylineAfterCut(b.lines[cut - 1]!, b.lines[cut]!, report);
      return [
        { ...b, lines: b.lines.slice(0, cut) },
        { lines: b.lines.slice(cut), blankBefore: 0, first: false },
      ];
    }
    return [b];
  });
}

/** Bare names under copy cut off mid-sentence, read as the byline: reported, as they could go on the sentence. */
function reviewBylineAfterCut(cut: SourceLine, names: SourceLine, report: Reporter): void {
  reviewNote(
    report,
    names,
    `“${names.text}” under “${cut.text}”, which stops mid-sentence well short of the measure (copy cut off): read as the byline; it could go on the sentence`,
  );
}

/**
 * Does line `i` of a block stop mid-sentence well short of the measure inside a paragraph (the column's
 * line above it goes on a sentence)? A column breaks on a full line, so the copy was cut off there.
 */
function cutOffAt(texts: string[], i: number, shape: PageShape): boolean {
  if (shape.lineMode || i < 1 || endsSentence(texts[i - 1]!)) return false;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  // The line above is a column's line: as wide as the measure, or as a full indented first line.
  const above = w(texts[i - 1]!);
  const columnLine = above >= shape.measure - FIRST_LINE_INDENT - INDENT_SLACK && above <= shape.measure + INDENT_SLACK;
  return columnLine && w(texts[i]!) < shape.measure - CUT_OFF_SHORTFALL;
}

/**
 * A byline opens with its role (`本报记者 李明` / `王芳`): a line of bare names over a line that
 * carries a role is no part of it, but the short last line of a wrapped head (`…护佑一` / `方平安`).
 */
function bareNamesOverRole(texts: string[]): boolean {
  if (texts.length < 2) return false;
  const first = parseByline(texts[0]!);
  return !!first && !first.extra && !first.photoCredit && texts.slice(1).some((t) => !!parseByline(t)?.extra);
}

/**
 * pdftotext prints a reporter's byline under the headline stack straight above the first column
 * line. A first line that reads as a byline with a role (`本报记者 周航 通讯员 韩雪`) is split off;
 * a names-only line is left alone, as it could be a short line of prose.
 */
export function splitLeadingBylines(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => {
    const first = b.lines.length > 1 ? parseByline(b.lines[0].text) : null;
    if (!first?.extra || first.authors.length === 0) return [b];
    return [
      { ...b, lines: b.lines.slice(0, 1) },
      { lines: b.lines.slice(1), blankBefore: 0, first: false },
    ];
  });
}

/**
 * A reporter's byline with its role (`记者 李明`) at most a blank line under a block, over a block of
 * text: the stack's byline over the article's first text. A byline closing an article (cut off or
 * not) has the next article's head under it, a line of its own, not text.
 */
export function bylineOverText(blocks: Block[], j: number): boolean {
  const [byline, text] = [blocks[j], blocks[j + 1]];
  if (!byline || setApart(byline) || byline.lines.length !== 1 || !text || text.lines.length < 2) return false;
  const parts = parseByline(byline.lines[0]!.text);
  return parts !== null && parts.authors.length > 0 && parts.extra !== null;
}
