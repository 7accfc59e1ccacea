/** Source positions for nodes built from lines (every node carries line, column, offset). */
import type { Position } from 'unist';
import type { SourceLine } from './lines.js';

/** Span from the first kept character of `first` to the end of `last`. */
export function spanOf(first: SourceLine, last: SourceLine = first): Position {
  return {
    start: { line: first.line, column: first.column, offset: first.offset + first.column - 1 },
    end: { line: last.line, column: last.endOffset - last.offset + 1, offset: last.endOffset },
  };
}

/**
 * Span of a node's lines: from its first line to the one that ends furthest into the source. A
 * paragraph rebuilt across columns that pdftotext printed out of order (rethread.ts, side-by-side.ts)
 * has its lines in reading order, not source order.
 */
export function spanOfLines(lines: SourceLine[]): Position {
  const last = lines.reduce((a, b) => (b.endOffset > a.endOffset ? b : a));
  return spanOf(lines[0], last);
}
