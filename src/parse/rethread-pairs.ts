/**
 * The pairs rethreading makes (a column that stops mid-sentence, the column that goes on with it) and
 * what is done with them once found: the vocabulary a column is compared by, the chains they form, a
 * chain that loops broken, and the page's blocks printed in the order the chains give.
 */
import type { Classified } from './classify.js';
import type { Flow } from './flows.js';

/** Text a column is compared by: its own, and the columns paired before it up to this length. */
const CONTEXT_CHARS = 200;

/** One column and its continuation: every rethreading pass adds or moves these, and `emit` prints them. */
export interface Pair {
  from: number;
  to: number;
  /** Display-only flows printed between the two, kept between them (captions, another module's heads). */
  between: number[];
  /** Only flows without prose stand between the two, as pdftotext printed them; only such pairs are swapped. */
  sequential: boolean;
}

/** The column's text, with the columns already paired before it when it is short (its article's vocabulary). */
export function context(flows: Flow[], before: Map<number, number>, i: number): string {
  let text = flows[i].text;
  const seen = new Set([i]);
  for (let p = before.get(i); p !== undefined && !seen.has(p) && text.length < CONTEXT_CHARS; p = before.get(p)) {
    seen.add(p);
    text = flows[p].text + text;
  }
  return text;
}

/** For each flow that continues another, the flow paired before it (the first pair found, as pairs are kept). */
export function predecessors(pairs: Map<number, Pair>): Map<number, number> {
  const before = new Map<number, number>();
  for (const p of pairs.values()) if (!before.has(p.to)) before.set(p.to, p.from);
  return before;
}

/** Does the chain of pairs from `from` reach `to`? */
export function reaches(pairs: Map<number, Pair>, from: number, to: number): boolean {
  const seen = new Set<number>();
  for (let i: number | undefined = from; i !== undefined && !seen.has(i); i = pairs.get(i)?.to) {
    if (i === to) return true;
    seen.add(i);
  }
  return false;
}

/** A chain of pairs that returns to its start has no first column: drop its last link. */
export function breakCycles(pairs: Map<number, Pair>): void {
  for (const start of [...pairs.keys()]) {
    const seen = new Set<number>([start]);
    for (let p = pairs.get(start); p; p = pairs.get(p.to)) {
      if (seen.has(p.to)) {
        pairs.delete(p.from);
        break;
      }
      seen.add(p.to);
    }
  }
}

/** The page's blocks in reading order: each chain from its first column, each continuation marked as such. */
export function emit(flows: Flow[], pairs: Map<number, Pair>): Classified[] {
  const successors = new Set([...pairs.values()].map((p) => p.to));
  const done = new Set<number>();
  const out: Classified[] = [];
  const put = (i: number) => {
    if (done.has(i)) return;
    done.add(i);
    out.push(...flows[i].items);
    const p = pairs.get(i);
    if (!p) return;
    for (const b of p.between) if (!successors.has(b)) put(b);
    const first = flows[p.to].items.find((c) => c.kind.kind === 'prose');
    if (first) first.block.continues = true;
    put(p.to);
  };
  for (let i = 0; i < flows.length; i++) if (!successors.has(i)) put(i);
  for (let i = 0; i < flows.length; i++) put(i);
  return out;
}
