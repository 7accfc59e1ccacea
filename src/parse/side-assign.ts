/**
 * Which column a lone line of a merged two-column block belongs to (side-by-side.ts). Each column
 * must read as text: a line that fills the measure goes on with a sentence left open; an indented
 * first line or a subhead follows a closed paragraph; a short line ending a sentence closes an open
 * one; a closing quote closes a quotation the column opened. A small dynamic programme finds the
 * assignment that breaks these the least.
 */

/** What the assignment needs to know about one column line. */
export interface LineForm {
  /** Wider than an indented line: not a paragraph's first line, nor a short last one. */
  full: boolean;
  /** Fills the measure: a sentence ending here may go on in the same paragraph. */
  filled: boolean;
  /** Ends a sentence. */
  final: boolean;
  /** Ideographs alone, wider than an indented line yet short of the measure: a head's later line as often as a body line. */
  bare: boolean;
  /** Reads as a display line (a subhead): no punctuation, and a phrase space or narrower than an indented line. */
  display: boolean;
  /** Reads as a byline (names, a credit): the column's article ends here. */
  byline: boolean;
  /** Quotation marks: the lowest running depth (negative when it closes one opened before) and the net change. */
  quotes: { low: number; net: number };
}

/** One printed line of a merged block: two column lines split at the gutter, or one line alone. */
export type Row = { pair: readonly [LineForm, LineForm] } | { alone: LineForm };
/** The column a lone line goes to. */
export type Side = 'left' | 'right';

/** What the next line of a column must be: a continuation, a paragraph start, either, or (after a byline) a new head. */
type End = 'empty' | 'open' | 'closed' | 'either' | 'byline';
/** A column so far: how its last line ends and how many quotations are open. */
interface Column {
  end: End;
  depth: number;
}

/** Costs: a broken rule; a short line after a closed paragraph or a quote closed twice; opening a column. */
const BROKEN = 3;
const WEAK = 1;
const OPEN_COLUMN = 0.5;
/**
 * Changing column between two lone lines: free after a line that ends a sentence (a short last line
 * and the other column's line on the same baseline, which were too far apart to merge), otherwise it
 * costs, and more between two flush lines (on one baseline they would have been merged).
 */
const SWITCH = 0.3;
const FLUSH_SWITCH = 1;
/** Lone lines on one baseline print left then right: after a left one the next leans right, else left. */
const LEAN = 0.1;
/**
 * The left column's last line and the right column's first line: two adjacent columns of one module
 * run on from one to the other, so a break of the reading rules there costs too (less: the columns
 * may belong to two modules).
 */
const WRAP = 1;
/**
 * A bare line (see LineForm) going on with an open sentence: body lines that run on mostly fill the
 * measure, while a head's later lines, set larger, print one between two of the other column's lines.
 */
const BARE_RUN_ON = 0.5;
/** Quotation depth is tracked up to this. */
const MAX_DEPTH = 2;

const EMPTY: Column = { end: 'empty', depth: 0 };

function cost(c: Column, x: LineForm): number {
  const quotes = c.depth + x.quotes.low < 0 ? WEAK : 0;
  if (c.end === 'empty') return OPEN_COLUMN + quotes;
  if (c.end === 'byline') return x.display || x.byline ? 0 : x.full ? BROKEN : WEAK;
  if (x.full) return quotes + (c.end === 'closed' ? BROKEN : x.bare && c.end === 'open' ? BARE_RUN_ON : 0);
  if (x.final) return quotes + (c.end === 'closed' ? WEAK : 0);
  return quotes + (c.end === 'open' ? BROKEN : 0);
}

function after(c: Column, x: LineForm): Column {
  const depth = Math.min(MAX_DEPTH, Math.max(0, c.depth + x.quotes.net));
  if (x.byline) return { end: 'byline', depth: 0 };
  if (x.final) return { end: x.filled ? 'either' : 'closed', depth };
  // After a subhead line (or a bare line, which may be one) comes its next line or an indented
  // paragraph; after text, its continuation.
  return { end: x.display || x.bare ? 'either' : 'open', depth };
}

interface Node {
  cost: number;
  left: Column;
  right: Column;
  /** The previous row when it was a lone line. */
  last: { side: Side; form: LineForm } | null;
  /** The right column's first line, once it has one. */
  rightFirst: LineForm | null;
  back: Node | null;
  side: Side | null;
}

function keyOf(n: Node): string {
  const form = (f: LineForm | null | undefined) =>
    f ? `${+f.full}${+f.final}${+f.display}${+f.byline}${f.quotes.low}` : '-';
  return `${n.left.end}${n.left.depth}|${n.right.end}${n.right.depth}|${n.last?.side ?? ''}${form(n.last?.form)}|${form(n.rightFirst)}`;
}

/** A side for every row (pairs are split by position; only lone rows get a choice). */
export function assignSides(rows: Row[]): (Side | null)[] {
  let states = new Map<string, Node>([
    ['', { cost: 0, left: EMPTY, right: EMPTY, last: null, rightFirst: null, back: null, side: null }],
  ]);
  for (const row of rows) {
    const next = new Map<string, Node>();
    const offer = (n: Node) => {
      const key = keyOf(n);
      const old = next.get(key);
      if (!old || n.cost < old.cost) next.set(key, n);
    };
    for (const s of states.values()) {
      if ('pair' in row) {
        const [l, r] = row.pair;
        const c = s.cost + cost(s.left, l) + cost(s.right, r);
        offer({
          cost: c,
          left: after(s.left, l),
          right: after(s.right, r),
          last: null,
          rightFirst: s.rightFirst ?? r,
          back: s,
          side: null,
        });
        continue;
      }
      const x = row.alone;
      for (const side of ['left', 'right'] as const) {
        let c = s.cost + cost(side === 'left' ? s.left : s.right, x);
        if (s.last && s.last.side !== side && !s.last.form.final)
          c += s.last.form.full && x.full && !s.last.form.bare && !x.bare ? FLUSH_SWITCH : SWITCH;
        if ((side === 'right') !== (s.last?.side === 'left')) c += LEAN;
        const left = side === 'left' ? after(s.left, x) : s.left;
        const right = side === 'right' ? after(s.right, x) : s.right;
        offer({
          cost: c,
          left,
          right,
          last: { side, form: x },
          rightFirst: s.rightFirst ?? (side === 'right' ? x : null),
          back: s,
          side,
        });
      }
    }
    states = next;
  }
  // After a byline the left column's article is over: the right column may start anything.
  const wraps = (n: Node) => n.left.end !== 'empty' && n.left.end !== 'byline' && n.rightFirst !== null;
  const total = (n: Node) => n.cost + (wraps(n) ? Math.min(WRAP, cost(n.left, n.rightFirst!)) : 0);
  let best: Node | null = null;
  for (const n of states.values()) if (!best || total(n) < total(best)) best = n;
  const sides: (Side | null)[] = [];
  for (let n = best; n?.back; n = n.back) sides.unshift(n.side);
  return sides;
}
