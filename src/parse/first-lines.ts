/**
 * A paragraph's first line cut off by a column break. A column may break right after the first line
 * of a paragraph, so pdftotext prints that line alone between blank lines, and without punctuation it
 * has the form of a caption or a subhead. Its width and the next column tell it apart: a first line
 * fills the measure but for its 2-em indent, and the column after it opens mid-paragraph (a full line,
 * not indented) while no sentence before it was left open for that column to go on. Such a line is
 * read back as the text's (reported `needs-review`), so the paragraph comes out whole.
 */
import type { Classified } from './classify.js';
import type { Reporter } from './lines.js';
import { FIRST_LINE_INDENT, INDENT_SLACK, indentWidth, type PageShape } from './page.js';
import { reviewNote } from './report.js';
import { endsSentence, opensWithDateline, visualWidth } from './text-form.js';

/** A first line broken off fills the measure but for its indent, give or take this much (compression, Latin widths). */
const FIRST_LINE_TOLERANCE = 0.5;

/** Block kinds that may stand between a closed sentence and the broken-off line (heads, captions, furniture). */
const PASSED_OVER = new Set(['display', 'photo-slot', 'furniture', 'folio']);

/** Read back as text every display line that is a paragraph's first line cut off by a column break. */
export function rejoinBrokenFirstLines(items: Classified[], shape: PageShape, report: Reporter): Classified[] {
  if (shape.lineMode) return items;
  return items.map((item, i) => {
    if (!isBrokenFirstLine(items, i, shape)) return item;
    const line = item.block.lines[0]!;
    reviewNote(
      report,
      line,
      `“${line.text}” stands alone as wide as a paragraph's indented first line, and the column after it opens mid-paragraph: read as that paragraph's first line, cut off by a column break; it could be a caption or a subhead`,
    );
    return { block: item.block, kind: { kind: 'prose' } };
  });
}

function isBrokenFirstLine(items: Classified[], i: number, shape: PageShape): boolean {
  const { block, kind } = items[i]!;
  if (kind.kind !== 'display' || kind.caption || kind.kicker || kind.twoPart || block.lines.length !== 1) return false;
  const width = visualWidth(block.lines[0]!.text, shape.quoteEm);
  if (Math.abs(width - (shape.measure - FIRST_LINE_INDENT)) > FIRST_LINE_TOLERANCE) return false;
  const next = items[i + 1];
  if (next?.kind.kind !== 'prose' || next.kind.head || !next.block.blankBefore) return false;
  const [first, second] = next.block.lines;
  if (!first || opensWithDateline(first.text)) return false;
  if (indentWidth(first.text, second?.text, shape.quoteEm) <= shape.measure - INDENT_SLACK) return false;
  return !openSentenceBefore(items, i);
}

/** Is a sentence left open before item `i` (past heads and captions), which the column after `i` may go on? */
function openSentenceBefore(items: Classified[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const { block, kind } = items[k]!;
    if (PASSED_OVER.has(kind.kind)) continue;
    if (kind.kind !== 'prose') return false;
    return !endsSentence(block.lines.at(-1)!.text);
  }
  return false;
}
