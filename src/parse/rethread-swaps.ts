/**
 * Two modules' columns pdftotext interleaved: two pairs found in print order are swapped when each
 * continuation shares far more vocabulary with the other pair's column (rule 2).
 */
import type { Classified } from './classify.js';
import { affinity, sameMeasure, type Flow } from './flows.js';
import { context, predecessors, reaches, type Pair } from './rethread-pairs.js';

/** A swap must beat the pairs' own affinity by this factor, and by this much. */
const SWAP_RATIO = 1.5;
const SWAP_MARGIN = 0.5;
/** Each of the four flows of a swap must hold this many characters of prose. */
const SWAP_MIN_CHARS = 100;

/** Swap the continuations of two pairs that interleave two modules' columns, by shared vocabulary. */
export function swaps(flows: Flow[], pairs: Map<number, Pair>): void {
  const list = [...pairs.values()];
  const before = predecessors(pairs);
  for (const p of list) {
    // Two modules interleave only where two heads are open: with one head above, the columns are one article's.
    // (Checked once per pair, before the inner loop, so the walk stays linear in the pairs of a page.)
    if (headsAbove(flows, p.from) < INTERLEAVED_HEADS) continue;
    for (const q of list) {
      // Interleaved as pdftotext interleaves two modules: o1 s1 … o2 s2, all on one page.
      if (!p.sequential || !q.sequential || p.to >= q.from || flows[p.from].page !== flows[q.to].page) continue;
      if (!sameMeasure(flows[p.from], flows[q.to]) || !sameMeasure(flows[q.from], flows[p.to])) continue;
      // Vocabulary says little about a few lines: only whole columns are swapped.
      if ([p.from, p.to, q.from, q.to].some((i) => flows[i].text.length < SWAP_MIN_CHARS)) continue;
      // Columns of one article chain into each other: swapping those would close a loop.
      if (reaches(pairs, p.to, q.from) || reaches(pairs, q.to, p.from)) continue;
      const score = (o: number, s: number) => affinity(context(flows, before, o), flows[s].text);
      const [pp, qq, pq, qp] = [score(p.from, p.to), score(q.from, q.to), score(p.from, q.to), score(q.from, p.to)];
      // Each continuation must read better with the other column, and the two together by far.
      if (pq <= qq || qp <= pp || pq + qp < (pp + qq) * SWAP_RATIO || pq + qp - (pp + qq) < SWAP_MARGIN) continue;
      [p.to, q.to] = [q.to, p.to];
      before.set(p.to, p.from);
      before.set(q.to, q.from);
      p.between = [];
      q.between = [];
      p.sequential = q.sequential = false;
    }
  }
}

/** Two modules' columns interleave only under at least this many heads printed before them. */
const INTERLEAVED_HEADS = 2;

/** Flows of heads or labels printed before flow i on its page, back to the last byline (an article's end). */
function headsAbove(flows: Flow[], i: number): number {
  let heads = 0;
  for (let k = i - 1; k >= 0 && flows[k]!.page === flows[i]!.page; k--) {
    const kinds = flows[k]!.items.map((c) => c.kind);
    if (kinds.some((c) => c.kind === 'byline')) break;
    if (kinds.length && kinds.every(isHeadKind)) heads++;
  }
  return heads;
}

/** A head or label line (not a caption). */
function isHeadKind(c: Classified['kind']): boolean {
  return (c.kind === 'display' && !c.caption) || c.kind === 'org' || c.kind === 'org-head';
}
