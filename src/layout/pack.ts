/**
 * Guillotine packing of a page's articles: the page is cut in two,
 * each part cut again, every leaf one article, articles kept in reading order (the first at top left).
 * Dynamic programming over (article range, columns, lines) finds the cheapest exact tiling, so the
 * page is full by construction and every module holds all of its copy.
 */
import { idealSpan, leafFill, type LeafFill, type SlotLevel } from './leaf.js';
import type { ArticleMeasure, PageFrame, Placement } from './types.js';

type Choice =
  | { kind: 'leaf'; fill: LeafFill }
  | { kind: 'h'; m: number; top: number }
  | { kind: 'v'; m: number; left: number };

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
  const choice = new Map<number, Choice[]>();
  // The heights (in lines, ascending) at which each entry of `cost` has a tiling at all: most have few,
  // so the splits run over these instead of over every pair of heights (same order, same choices).
  const feasible = new Map<number, Int32Array>();
  const finiteHeights = (row: Float64Array): Int32Array => {
    const out: number[] = [];
    for (let r = 1; r < W; r++) if (row[r] !== Infinity) out.push(r);
    return Int32Array.from(out);
  };
  for (let len = 1; len <= n; len++) {
    for (let i = 0; i + len - 1 < n; i++) {
      const j = i + len - 1;
      for (let c = 1; c <= C; c++) {
        const best = new Float64Array(W).fill(Infinity);
        const picks: Choice[] = new Array(W);
        if (len === 1) {
          for (let r = 1; r < W; r++) {
            const fill = leafFill(articles[i]!, c, r, ideals[i]!, i === leadIndex, C, level);
            if (fill.cost < best[r]!) {
              best[r] = fill.cost;
              picks[r] = { kind: 'leaf', fill };
            }
          }
        } else {
          for (let m = i; m < j; m++) {
            const top = feasible.get(key(i, m, c))!;
            const topCost = cost.get(key(i, m, c))!;
            const bottom = feasible.get(key(m + 1, j, c))!;
            const bottomCost = cost.get(key(m + 1, j, c))!;
            for (const r1 of top) {
              const a = topCost[r1]!;
              for (const r2 of bottom) {
                const r = r1 + r2;
                if (r >= W) break;
                const total = a + bottomCost[r2]!;
                if (total < best[r]!) {
                  best[r] = total;
                  picks[r] = { kind: 'h', m, top: r1 };
                }
              }
            }
            for (let c1 = 1; c1 < c; c1++) {
              const left = cost.get(key(i, m, c1))!;
              const right = cost.get(key(m + 1, j, c - c1))!;
              for (const r of feasible.get(key(i, m, c1))!) {
                const total = left[r]! + right[r]!;
                if (total < best[r]!) {
                  best[r] = total;
                  picks[r] = { kind: 'v', m, left: c1 };
                }
              }
            }
          }
        }
        cost.set(key(i, j, c), best);
        feasible.set(key(i, j, c), finiteHeights(best));
        choice.set(key(i, j, c), picks);
      }
    }
  }
  if (cost.get(key(0, n - 1, C))![R] === Infinity) return null;
  const out: Placement[] = [];
  const place = (i: number, j: number, col: number, span: number, line: number, lines: number) => {
    const pick = choice.get(key(i, j, span))![lines]!;
    if (pick.kind === 'leaf') {
      const { figureLines, slack, addedSlot, verticalHead } = pick.fill;
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
    } else if (pick.kind === 'h') {
      place(i, pick.m, col, span, line, pick.top);
      place(pick.m + 1, j, col, span, line + pick.top, lines - pick.top);
    } else {
      place(i, pick.m, col, pick.left, line, lines);
      place(pick.m + 1, j, col + pick.left, span - pick.left, line, lines);
    }
  };
  place(0, n - 1, 0, C, 0, R);
  return out;
}
