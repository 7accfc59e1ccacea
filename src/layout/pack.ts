/**
 * Guillotine packing of a page's articles: the page is cut in two,
 * each part cut again, every leaf one article, articles kept in reading order (the first at top left).
 * Dynamic programming over (article range, columns, lines) finds the cheapest exact tiling, so the
 * page is full by construction and every module holds all of its copy.
 */
import { idealSpan, leafFill, type LeafFill, type SlotLevel } from './leaf.js';
import type { ArticleMeasure, PageFrame, Placement } from './types.js';

/** How the cheapest tiling of an entry was made, by height: a leaf, or a split. */
const LEAF = 1;
const HORIZONTAL = 2;
const VERTICAL = 3;

/**
 * The choices of one entry (article range, columns), by height, in typed arrays: a split stores its
 * kind, the last article of its first part and the first part's lines (h) or columns (v); a leaf its
 * fill. The search improves a height's choice many times, and an object per improvement kept node's
 * garbage collector busy for as long as the search itself.
 */
interface Choices {
  kind: Uint8Array;
  m: Int32Array;
  at: Int32Array;
  fills?: LeafFill[];
}

/** Pack `articles` into `frame` (lines include one trailing gap line); null when no tiling exists. */
export function pack(
  articles: ArticleMeasure[],
  frame: PageFrame,
  level: SlotLevel,
  leadIndex = 0,
): Placement[] | null {
  const n = articles.length;
  if (n === 0) return [];
  const C = frame.columns;
  const R = frame.lines;
  const W = R + 1;
  const ideals = articles.map((a) =>
    idealSpan(a.spans.find((s) => s.span === 1)?.body ?? a.spans[0]!.body * a.spans[0]!.span, C),
  );
  const key = (i: number, j: number, c: number) => (i * n + j) * (C + 1) + c;
  const cost = new Map<number, Float64Array>();
  const choice = new Map<number, Choices>();
  // The heights at which each entry of `cost` has a tiling at all (finiteHeights).
  const feasible = new Map<number, Int32Array>();
  for (let len = 1; len <= n; len++) {
    for (let i = 0; i + len - 1 < n; i++) {
      const j = i + len - 1;
      for (let c = 1; c <= C; c++) {
        const entry = newEntry(W);
        if (len === 1) leaves(entry, leafFill(articles[i]!, c, ideals[i]!, i === leadIndex, C, level));
        else {
          for (let m = i; m < j; m++) {
            const top = key(i, m, c);
            const bottom = key(m + 1, j, c);
            stackSplits(entry, m, feasible.get(top)!, cost.get(top)!, feasible.get(bottom)!, cost.get(bottom)!);
            for (let c1 = 1; c1 < c; c1++) {
              const left = key(i, m, c1);
              sideSplits(entry, m, c1, feasible.get(left)!, cost.get(left)!, cost.get(key(m + 1, j, c - c1))!);
            }
          }
        }
        cost.set(key(i, j, c), entry.best);
        feasible.set(key(i, j, c), finiteHeights(entry.best));
        choice.set(key(i, j, c), entry.picks);
      }
    }
  }
  if (cost.get(key(0, n - 1, C))![R] === Infinity) return null;
  const out: Placement[] = [];
  const place = (i: number, j: number, col: number, span: number, line: number, lines: number) => {
    const picks = choice.get(key(i, j, span))!;
    const kind = picks.kind[lines];
    const m = picks.m[lines]!;
    const at = picks.at[lines]!;
    if (kind === LEAF) {
      const { figureLines, slack, addedSlot, verticalHead } = picks.fills![lines]!;
      out.push({
        id: articles[i]!.id,
        column: col,
        span,
        line,
        lines,
        figureLines,
        slack,
        addedSlot,
        ...(verticalHead ? { verticalHead } : {}),
        atBottom: line + lines >= R,
        atLeft: col === 0,
      });
    } else if (kind === HORIZONTAL) {
      place(i, m, col, span, line, at);
      place(m + 1, j, col, span, line + at, lines - at);
    } else {
      place(i, m, col, at, line, lines);
      place(m + 1, j, col + at, span - at, line, lines);
    }
  };
  place(0, n - 1, 0, C, 0, R);
  return out;
}

/** One entry of the search being filled: the least cost at each height and how it was made. */
interface Entry {
  best: Float64Array;
  picks: Choices;
}

/** An entry with no tiling yet at any of its `heights`. */
function newEntry(heights: number): Entry {
  return {
    best: new Float64Array(heights).fill(Infinity),
    picks: { kind: new Uint8Array(heights), m: new Int32Array(heights), at: new Int32Array(heights) },
  };
}

/**
 * The heights (in lines, ascending) at which a row of costs has a tiling at all: most have few, so the
 * splits run over these instead of over every pair of heights (same order, same choices).
 */
function finiteHeights(row: Float64Array): Int32Array {
  const out: number[] = [];
  for (let r = 1; r < row.length; r++) if (row[r] !== Infinity) out.push(r);
  return Int32Array.from(out);
}

// The loops below run a few hundred thousand times a page. They are small functions of their own so
// that V8 optimises them within the first page (one large function took it over 100 ms of compiling per
// build); indexed, since a for-of over a typed array allocates an iterator result per step until then.

/** One article alone as a module of every height, filled by `fill(lines)`. */
function leaves(entry: Entry, fill: (lines: number) => LeafFill): void {
  const { best, picks } = entry;
  const fills: LeafFill[] = new Array(best.length);
  for (let r = 1; r < best.length; r++) {
    const f = fill(r);
    if (f.cost < best[r]!) {
      best[r] = f.cost;
      picks.kind[r] = LEAF;
      fills[r] = f;
    }
  }
  picks.fills = fills;
}

/** Articles i..m stacked over m+1..j, the top part `top[t]` lines tall: the cheaper totals go into `entry`. */
function stackSplits(
  entry: Entry,
  m: number,
  top: Int32Array,
  topCost: Float64Array,
  bottom: Int32Array,
  bottomCost: Float64Array,
): void {
  const { best, picks } = entry;
  const W = best.length;
  for (let t = 0; t < top.length; t++) {
    const r1 = top[t]!;
    const a = topCost[r1]!;
    for (let b = 0; b < bottom.length; b++) {
      const r = r1 + bottom[b]!;
      if (r >= W) break;
      const total = a + bottomCost[bottom[b]!]!;
      if (total < best[r]!) {
        best[r] = total;
        picks.kind[r] = HORIZONTAL;
        picks.m[r] = m;
        picks.at[r] = r1;
      }
    }
  }
}

/** Articles i..m in `c1` columns beside m+1..j, both as tall as the entry: the cheaper totals go into `entry`. */
function sideSplits(
  entry: Entry,
  m: number,
  c1: number,
  heights: Int32Array,
  left: Float64Array,
  right: Float64Array,
): void {
  const { best, picks } = entry;
  for (let h = 0; h < heights.length; h++) {
    const r = heights[h]!;
    const total = left[r]! + right[r]!;
    if (total < best[r]!) {
      best[r] = total;
      picks.kind[r] = VERTICAL;
      picks.m[r] = m;
      picks.at[r] = c1;
    }
  }
}
