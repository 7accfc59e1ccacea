/**
 * The usual pairing: a column that stops mid-sentence goes on in the next flow in the same measure,
 * unless that one clearly opens a paragraph; captions and another module's heads between the two stay
 * between them, prose in another measure waits.
 */
import { hasProse, sameMeasure, type Flow } from './flows.js';
import { headCandidateOnly, opensParagraph } from './flow-forms.js';
import type { Pair } from './rethread-pairs.js';

/** Block kinds that may sit inside a sentence that goes on after them. */
const INTERLUDE = new Set(['display', 'photo-slot', 'furniture']);

/** Pair each open column with the next flow in its measure when that one goes on mid-sentence (rule 1). */
export function nextInMeasure(flows: Flow[], pairs: Map<number, Pair>, taken: Set<number>): void {
  flows.forEach((o, i) => {
    if (!o.openEnd || o.jumpOut || pairs.has(i)) return;
    const between: number[] = [];
    let skipped = false;
    for (let j = i + 1; j < flows.length && flows[j].page === o.page; j++) {
      const f = flows[j];
      if (!hasProse(f)) {
        between.push(j);
        continue;
      }
      if (!sameMeasure(o, f)) {
        // The heads printed just before prose in another measure are that prose's own, not an interlude.
        for (let k = j - 1; between.at(-1) === k && isHead(flows, k); k--) between.pop();
        skipped = true;
        continue;
      }
      // A lone line in the form of a head goes on only in a column that opens mid-sentence on a full line:
      // a short line closing one sentence under it, or a sentence closed on a line as short as an indented
      // first line, opens a paragraph of its own under a subhead.
      const headOverTail = headCandidateOnly(o) && !(f.openStart && !f.tailStart);
      if (!opensParagraph(f) && !taken.has(j) && !f.jumpIn && !headOverTail) {
        // Captions and stray heads stay where they were printed; a label or byline would start or close
        // an article inside the sentence, so those wait until the sentence is done.
        const keep = between.every((b) => flows[b].items.every((c) => INTERLUDE.has(c.kind.kind)));
        pairs.set(i, { from: i, to: j, between: keep ? between : [], sequential: !skipped });
        taken.add(j);
      }
      return;
    }
  });
}

/** A flow of display lines only, stacked two or more (a head and its second line): a head rather than a caption. */
function isHead(flows: Flow[], k: number): boolean {
  const items = flows[k].items;
  return (
    items.every((c) => c.kind.kind === 'display') &&
    items.reduce((n, c) => n + c.block.lines.length, 0) >= HEAD_STACK_LINES
  );
}

/** A head printed before its own prose stacks at least this many display lines (a caption is mostly one). */
const HEAD_STACK_LINES = 2;
