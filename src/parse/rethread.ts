/**
 * Reading order across flows (for the pdftotext round trip). pdftotext keeps each flow in order but may list
 * the flows of side-by-side modules out of order, so a column that stops mid-sentence is not always
 * followed by the column that goes on with it. Each flow that stops mid-sentence is paired with a
 * flow that opens mid-sentence in the same measure, and the pair is printed together:
 *
 * 1. the next flow in the same measure, unless it clearly opens a paragraph (the usual case; captions
 *    and another module's heads between them stay between them, prose in another measure waits);
 * 2. two such pairs are swapped when each continuation shares far more vocabulary with the other
 *    pair's column (an article's columns repeat its names and terms): pdftotext interleaves two
 *    modules' columns that way;
 * 3. the flows left over pair up by shared vocabulary, or when they can only go with each other; a
 *    column before `（下转第N版）` with the one beside `（上接第N版）` on a later page.
 */
import type { Classified } from './classify.js';
import { toFlows, type Flow } from './flows.js';
import type { Reporter } from './lines.js';
import type { PageShape } from './page.js';
import { bands } from './rethread-bands.js';
import { nextInMeasure } from './rethread-in-measure.js';
import { leftovers } from './rethread-leftovers.js';
import { breakCycles, emit, type Pair } from './rethread-pairs.js';
import { swaps } from './rethread-swaps.js';

/** Reorder the page's blocks so every column that stops mid-sentence is followed by its continuation. */
export function rethread(items: Classified[], shape: PageShape, report?: Reporter): Classified[] {
  if (shape.lineMode) return items;
  const flows = toFlows(items, shape);
  markCutOff(flows);
  markArticleStarts(flows);
  const pairs = new Map<number, Pair>();
  const taken = new Set<number>();
  bands(flows, pairs, taken);
  nextInMeasure(flows, pairs, taken);
  swaps(flows, pairs);
  leftovers(flows, pairs, taken, shape, report);
  breakCycles(pairs);
  return emit(flows, pairs);
}

/**
 * A column that stops mid-sentence on a line well short of its measure, inside a paragraph, was cut
 * off there (a column breaks on a full line): no other column goes on with it, and its paragraph ends
 * there (the page walk reports that where text of the same article follows).
 */
function markCutOff(flows: Flow[]): void {
  for (const f of flows)
    if (f.cutOff) {
      f.cutOff.cutOff = true;
      f.cutOff.copyEnds = true;
    }
}

/**
 * Prose printed under a head and a reporter's byline (`本报记者 李明`) opens that article's text, even
 * when its first line reads like the tail of a paragraph (a first paragraph of one short sentence):
 * it never continues a sentence left open before the head.
 */
function markArticleStarts(flows: Flow[]): void {
  const items = flows.flatMap((f) => f.items.map((c) => ({ c, f })));
  items.forEach(({ c, f }, k) => {
    const byline = items[k - 1]?.c.kind;
    const head = items[k - 2]?.c.kind;
    if (f.items[0] !== c || c.kind.kind !== 'prose' || byline?.kind !== 'byline' || head?.kind !== 'display') return;
    if (byline.parts.authors.length === 0 || !byline.parts.extra || head.caption) return;
    f.openStart = false;
    f.indentedStart = true;
  });
}
