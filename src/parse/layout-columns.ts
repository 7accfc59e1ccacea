/**
 * Text from `pdftotext -layout` ("text from other papers' PDFs, as pdftotext gives it"):
 * layout mode keeps every column where it stood on the page, so one source line holds a line of
 * each column side by side, two or more spaces apart. Read as it is, every sentence would run across
 * all the columns of the page. This pass finds the columns by where their lines start and gives
 * them back one after the other, as pdftotext's default mode would; every other pass then works
 * as usual. Pages without such columns are returned untouched.
 */
import { sliceLine, type SourceLine } from './lines.js';
import { isPageDate } from './text-form.js';

/** Columns are at least this far apart (characters), so an indent stays inside its column. */
const COLUMN_TOLERANCE = 4;
/** A column start must be seen on this many lines before the page is read as columns. */
const MIN_COLUMN_LINES = 3;
/** A page is laid out in columns when this many of its lines hold two or more aligned segments. */
const MIN_COLUMN_ROWS = 4;

interface Segment {
  start: number;
  end: number;
}

/** Text runs of a line: two or more spaces separate columns; one space is a phrase or name space. */
function segments(raw: string): Segment[] {
  return [...raw.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
}

/** Column starts: clusters of segment starts seen on several multi-segment lines. */
function columnStarts(rows: Segment[][]): number[] {
  const starts = rows
    .filter((s) => s.length >= 2)
    .flatMap((s) => s.map((x) => x.start))
    .sort((a, b) => a - b);
  const columns: number[] = [];
  let cluster: number[] = [];
  const close = () => {
    if (cluster.length >= MIN_COLUMN_LINES) columns.push(cluster[0]!);
    cluster = [];
  };
  for (const s of starts) {
    if (cluster.length && s - cluster[0]! > COLUMN_TOLERANCE) close();
    cluster.push(s);
  }
  close();
  return columns;
}

/** Does the segment start where a column starts (an indent of a few characters allowed)? */
function atColumnStart(seg: Segment, columns: number[]): boolean {
  return columns.some((c) => seg.start >= c && seg.start - c <= COLUMN_TOLERANCE);
}

/** A blank line standing for a gap in a column, so what follows opens a block of its own. */
function gap(after: SourceLine): SourceLine {
  return { line: after.line, column: 1, offset: after.endOffset, endOffset: after.endOffset, raw: '', text: '' };
}

/** Give back the columns of `pdftotext -layout` text one after the other (see the file comment). */
export function unlayoutColumns(lines: SourceLine[]): SourceLine[] {
  const pages: SourceLine[][] = [[]];
  for (const l of lines) {
    if (l.raw.includes('\f') && pages[pages.length - 1]!.length) pages.push([]);
    pages[pages.length - 1]!.push(l);
  }
  return pages.flatMap(readPage);
}

/**
 * Two columns' lines nearly touching come out one space apart: a segment is cut at a single space
 * standing just before a column start, the narrowest gutter there is.
 */
function atGutters(seg: Segment, raw: string, columns: number[]): Segment[] {
  const out: Segment[] = [];
  let from = seg.start;
  for (const c of columns) {
    if (c <= from + 1 || c >= seg.end) continue;
    for (let x = c - 1; x >= c - 3 && x > from; x--) {
      if (raw[x] !== ' ') continue;
      out.push({ start: from, end: x });
      from = x + 1;
      break;
    }
  }
  out.push({ start: from, end: seg.end });
  return out;
}

/** The columns a segment covers: from the one it starts in to the one its last character stands in. */
function span(seg: Segment, columns: number[]): [number, number] {
  const at = (x: number) => columns.reduce((found, c, k) => (c <= x ? k : found), 0);
  const a = at(seg.start + 1);
  const b = at(seg.end - 1 - COLUMN_TOLERANCE);
  return [a, Math.max(a, b)];
}

/**
 * Read one page's columns. Each column keeps its own lines; a line set across some columns (a module's
 * headline, a photo's slot) ends only the columns under it, which are given out first, so modules
 * standing side by side at different heights stay apart. Above the first row of columns and below the
 * last, lines are read as they come (page head, foot).
 */
function readPage(lines: SourceLine[]): SourceLine[] {
  const rows = lines.map((l) => segments(l.raw.replace(/\f/g, ' ')));
  const columns = columnStarts(rows);
  const columnRow = (segs: Segment[]) => segs.length >= 2 && segs.every((s) => atColumnStart(s, columns));
  if (columns.length < 2 || rows.filter(columnRow).length < MIN_COLUMN_ROWS) return lines;
  // The running head (`滨江日报    2025年3月6日 星期四    要闻 4`) may line up with column starts; its
  // date says it is the page head: its pieces are read as they stand, never cut at a gutter.
  const pageHead = rows.map((segs, i) => segs.some((s) => isPageDate(lines[i]!.raw.slice(s.start, s.end))));
  rows.forEach((segs, i) => {
    if (!pageHead[i]) rows[i] = segs.flatMap((seg) => atGutters(seg, lines[i]!.raw, columns));
  });
  const out: SourceLine[] = [];
  const buffers: { line: SourceLine; row: number }[][] = columns.map(() => []);
  const empty = columns.map(() => 0);
  const separate = () => out.length && out[out.length - 1]!.raw && out.push(gap(out[out.length - 1]!));
  const endBlock = (c: number) => {
    const b = buffers[c]!;
    if (b.length && b[b.length - 1]!.line.raw) b.push({ line: gap(b[b.length - 1]!.line), row: b[b.length - 1]!.row });
  };
  const flush = (from: number, to: number, row: number) => {
    // A label or kicker right above a head set across these columns belongs with the head, after them.
    const heads: SourceLine[] = [];
    for (let c = from; c <= to; c++) {
      const b = buffers[c]!;
      while (b.length && !b[b.length - 1]!.line.raw) b.pop();
      const k = b.length - 1;
      if (k >= 0 && row - b[k]!.row <= 3 && (k === 0 || !b[k - 1]!.line.raw)) heads.push(b.pop()!.line);
    }
    for (let c = from; c <= to; c++) {
      const b = buffers[c]!;
      while (b.length && !b[b.length - 1]!.line.raw) b.pop();
      if (!b.length) continue;
      separate();
      out.push(...b.map((x) => x.line));
      buffers[c] = [];
    }
    for (const h of heads) {
      separate();
      out.push(h);
    }
  };
  const first = rows.findIndex(columnRow);
  const last = rows.length - 1 - [...rows].reverse().findIndex(columnRow);
  lines.forEach((l, i) => {
    const segs = rows[i]!;
    if (i < first || i > last || pageHead[i]) {
      if (segs.length && i > last) flush(0, columns.length - 1, i);
      for (const s of segs) {
        separate();
        out.push(sliceLine(l, s.start, s.end));
      }
      return;
    }
    if (!segs.length) {
      for (let c = 0; c < columns.length; c++) endBlock(c);
      return;
    }
    const used = new Set<number>();
    for (const s of segs) {
      const [a, b] = span(s, columns);
      if (a === b) {
        used.add(a);
        buffers[a]!.push({ line: sliceLine(l, s.start, s.end), row: i });
        continue;
      }
      flush(a, b, i);
      separate();
      out.push(sliceLine(l, s.start, s.end), gap(l));
      for (let c = a; c <= b; c++) used.add(c);
    }
    // A column with nothing on two rows running has a gap there (between paragraphs, around a subhead);
    // one empty row is only a line of a neighbouring column set on another baseline (a larger head).
    columns.forEach((_, c) => {
      if (used.has(c)) empty[c] = 0;
      else if (++empty[c]! === 2) endBlock(c);
    });
  });
  flush(0, columns.length - 1, lines.length);
  return out;
}
