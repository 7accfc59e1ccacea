/**
 * Columns that pdftotext read band by band (the first lines of every column, then the next piece of
 * every column, and so on): each piece paired with the one below it in its column.
 */
import { headCandidateOnly } from './flow-forms.js';
import { hasProse, sameMeasure, type Flow } from './flows.js';
import type { Pair } from './rethread-pairs.js';

/** A band holds each column's first few lines: flows of prose only, at most this many lines. */
const BAND_LINES = 3;

/** A flow of a few prose lines and nothing else (`above` is the flow printed before it). */
function bandPiece(f: Flow, above?: Flow): boolean {
  // A lone line in the form of a head under display lines (a kicker or label over it) is a head of the
  // stack, no column's first lines.
  if (headCandidateOnly(f) && above?.items.every((c) => c.kind.kind === 'display')) return false;
  return f.items.length === 1 && f.items[0].kind.kind === 'prose' && f.items[0].block.lines.length <= BAND_LINES;
}

/**
 * Columns read band by band: where the columns of a module start level (each with an indented first
 * line), pdftotext may print the first lines of every column, then the next piece of every column, and
 * so on, left to right. A run of k short flows left open, one of them after the first opening a
 * paragraph (so they cannot be one column read in order), is such a band: the next k flows continue
 * them in order, the next ones continue the columns still open, and so on while each flow of a band
 * goes on mid-sentence.
 */
export function bands(flows: Flow[], pairs: Map<number, Pair>, taken: Set<number>): void {
  for (let i = 0; i < flows.length; i++) {
    const same = (f: Flow) => f.page === flows[i].page && sameMeasure(flows[i], f);
    let k = 0;
    while (
      i + k < flows.length &&
      bandPiece(flows[i + k], flows[i + k - 1]) &&
      flows[i + k].openEnd &&
      same(flows[i + k])
    )
      k++;
    if (k < 2 || !flows.slice(i + 1, i + k).some((f) => f.indentedStart)) continue;
    let live = Array.from({ length: k }, (_, j) => i + j);
    let next = i + k;
    while (live.length) {
      const group = flows.slice(next, next + live.length);
      if (
        group.length < live.length ||
        !group.every((f, j) => hasProse(f) && f.openStart && same(f) && !taken.has(next + j))
      )
        break;
      live.forEach((from, j) => {
        pairs.set(from, { from, to: next + j, between: [], sequential: false });
        taken.add(next + j);
      });
      live = group.map((_, j) => next + j).filter((t) => flows[t].openEnd);
      next += group.length;
    }
    i = Math.max(i, next - 1);
  }
}
