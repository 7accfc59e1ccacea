/**
 * Side-by-side columns on one line: when two columns stand one gutter apart,
 * pdftotext may read them as one block and print each pair of lines that share a baseline as one
 * line, `左栏的一行 右栏的一行`, while lines with no partner (a subhead, a short last line, an
 * indented first line) come alone. This pass splits such lines at the gutter and sorts the lone lines
 * into the left or the right column by the form of the text, then prints the left column before the
 * right one. It runs before normalisation, so the gutter space is still there.
 */
import { collapseSpacedCjk, mapKangxi, sliceLine, type SourceLine } from './lines.js';
import { pageShape, type PageShape } from './page.js';
import { parseByline } from './credits.js';
import { endsSentence, hasProsePunctuation, visualWidth } from './text-form.js';
import { assignSides, type LineForm, type Row } from './side-assign.js';

/** The two halves of a merged line must add up to this many ems past the measure, so one column's line is never cut. */
const MERGED_EXCESS = 2;
/**
 * The left half may be short only when it ends at the column's right edge (a byline, a credit), so
 * it is at least a name wide.
 */
const MIN_HALF = 2;
/** A block is taken for two columns when at least this many of its lines split at a gutter. */
const MIN_MERGED = 2;

/** Text as normalisation will make it, without reporting: only to measure widths here. */
function provisional(raw: string): { text: string; justified: boolean } {
  const s = collapseSpacedCjk(mapKangxi(raw.trim()).text);
  return { text: s.text, justified: s.count > 0 };
}

/** The space between the two phrases of a display line (`甲乙 丙丁`). */
const PHRASE_SPACE = /[\u3400-\u9fff“”‘’] [\u3400-\u9fff“”‘’]/;

/** A space left between ideographs or CJK marks: a cut through a spaced-out (justified) line. */
const CUT_THROUGH_SPACING =
  /[\u3400-\u9fff\uff01-\uff5e\u3001-\u3011“”‘’] [\u3400-\u9fff\uff01-\uff5e\u3001-\u3011“”‘’]/;

/**
 * Where a line splits into two column lines: at a space run where each half fits one column and both
 * together run well past one. A cut through a spaced-out line leaves spaces between ideographs in a
 * half; otherwise the widest left half wins (a full left line is what pdftotext merges).
 */
function gutterSplit(raw: string, shape: PageShape): { left: [number, number]; right: [number, number] } | null {
  const { measure, quoteEm } = shape;
  const width = (t: string) => visualWidth(provisional(t).text, quoteEm);
  const start = raw.length - raw.trimStart().length;
  const end = raw.trimEnd().length;
  let best: { left: [number, number]; right: [number, number]; score: number } | null = null;
  for (const m of raw.slice(0, end).matchAll(/ +/g)) {
    const a = m.index!;
    if (a <= start) continue;
    const b = a + m[0].length;
    const wl = width(raw.slice(start, a));
    const wr = width(raw.slice(b, end));
    if (wl < MIN_HALF || wl > measure + 1 || wr < 1 || wr > measure + 1) continue;
    // Together wider than a column, or a byline beside prose (names never run on into a sentence).
    const names = parseByline(raw.slice(start, a));
    const byline =
      names !== null &&
      (names.photoCredit !== null || names.extra !== null || names.authors.length >= 2) &&
      hasProsePunctuation(raw.slice(b, end));
    if (wl + wr < measure + MERGED_EXCESS && !byline) continue;
    const cut = [raw.slice(start, a), raw.slice(b, end)].some((t) => CUT_THROUGH_SPACING.test(provisional(t).text));
    const score = wl - (cut ? 100 : 0);
    if (!best || score > best.score) best = { left: [start, a], right: [b, end], score };
  }
  return best && { left: best.left, right: best.right };
}

/** How a line moves the quotation depth: its lowest point (below 0 when it closes an earlier quote) and net change. */
function quoteDepth(text: string): { low: number; net: number } {
  let depth = 0;
  let low = 0;
  for (const ch of text) {
    if (ch === '“') depth++;
    else if (ch === '”') low = Math.min(low, --depth);
  }
  return { low, net: depth };
}

/** Ideographs only: no punctuation, digits or Latin. */
const IDEOGRAPHS_ONLY = /^[\u3400-\u9fff]+$/;

/** The form of one column line, as the side assignment needs it. */
function formOf(raw: string, shape: PageShape): LineForm {
  const p = provisional(raw);
  const w = visualWidth(p.text, shape.quoteEm);
  const full = w > shape.measure - 1.5;
  const filled = p.justified || w >= shape.measure - 0.5;
  return {
    full,
    filled,
    bare: full && !filled && IDEOGRAPHS_ONLY.test(p.text),
    final: endsSentence(p.text),
    display:
      !hasProsePunctuation(p.text) &&
      w <= shape.measure - 1.5 &&
      (PHRASE_SPACE.test(p.text) || w < shape.measure - 2.5),
    byline: !hasProsePunctuation(p.text) && parseByline(p.text) !== null,
    quotes: quoteDepth(p.text),
  };
}

/** Split merged side-by-side column lines back into two columns (see the file comment). */
export function unmergeColumns(lines: SourceLine[]): SourceLine[] {
  // The measure comes from lines without a space: a merged line always has one at the gutter.
  const shape = pageShape(
    lines.map((l) => ({ ...l, text: provisional(l.raw).text })).filter((l) => !l.text.includes(' ')),
  );
  if (shape.lineMode || shape.measure < 4) return lines;
  const out: SourceLine[] = [];
  let group: SourceLine[] = [];
  const close = () => {
    out.push(...unmergeGroup(group, shape));
    group = [];
  };
  for (const l of lines) {
    if (l.raw.trim()) group.push(l);
    else {
      close();
      out.push(l);
    }
  }
  close();
  return out;
}

function unmergeGroup(group: SourceLine[], shape: PageShape): SourceLine[] {
  const splits = group.map((l) => gutterSplit(l.raw, shape));
  if (splits.filter(Boolean).length < MIN_MERGED) return group;
  // Every other line must be one column wide (a wide prose line means this is not two columns).
  const single = (l: SourceLine) => {
    const t = provisional(l.raw).text;
    return visualWidth(t, shape.quoteEm) <= shape.measure + 1.5 || !hasProsePunctuation(t);
  };
  if (!group.every((l, i) => splits[i] || single(l))) return group;
  const rows = group.map((l, i): Row => {
    const s = splits[i];
    return s
      ? { pair: [formOf(l.raw.slice(...s.left), shape), formOf(l.raw.slice(...s.right), shape)] }
      : { alone: formOf(l.raw, shape) };
  });
  const sides = assignSides(rows);
  const left: SourceLine[] = [];
  const right: SourceLine[] = [];
  const ended = { left: true, right: true };
  group.forEach((l, i) => {
    const s = splits[i];
    const row = rows[i];
    if ('pair' in row && s) {
      left.push(sliceLine(l, ...s.left));
      right.push(sliceLine(l, ...s.right));
      [ended.left, ended.right] = [row.pair[0].final, row.pair[1].final];
      return;
    }
    if (!('alone' in row)) return;
    const side = sides[i] === 'left' ? 'left' : 'right';
    const column = side === 'left' ? left : right;
    // A subhead inside a column opens a block of its own, as pdftotext prints one between columns.
    if (row.alone.display && ended[side] && column.length) column.push(gap(column[column.length - 1]));
    column.push(l);
    ended[side] = row.alone.final;
  });
  if (!left.length || !right.length) return group;
  return [...left, gap(left[left.length - 1]), ...right];
}

/** A blank line standing for the gap between two columns (so the next line opens a block). */
function gap(after: SourceLine): SourceLine {
  return { line: after.line, column: 1, offset: after.endOffset, endOffset: after.endOffset, raw: '', text: '' };
}
