/**
 * The open columns no earlier pass paired: paired by shared vocabulary, or when they can only go with
 * each other, a column before a jump line with the one after it on a later page; a column that could
 * go on only by guessing is left open and reported (rule 3).
 */
import { lineWidth, type Reporter, type SourceLine } from './lines.js';
import type { PageShape } from './page.js';
import { CONTINUATION_START } from './paragraphs.js';
import { reviewNote } from './report.js';
import { closesQuote, endsSentence } from './text-form.js';
import { headCandidateOnly } from './flow-forms.js';
import { affinity, sameMeasure, type Flow } from './flows.js';
import { context, predecessors, type Pair } from './rethread-pairs.js';

/** A column that jumps to another page and one that jumps in from it are paired by that first. */
const JUMP_BONUS = 1;
/** A leftover pair needs this much shared vocabulary. */
const MIN_AFFINITY = 0.3;

/** Pair the open columns left over by shared vocabulary, a jump, or as each other's only match. */
export function leftovers(
  flows: Flow[],
  pairs: Map<number, Pair>,
  taken: Set<number>,
  shape: PageShape,
  report?: Reporter,
): void {
  // A lone line in the form of a head goes on, if at all, in the flow printed right after it (nextInMeasure),
  // and goes on nothing far away: paired by vocabulary it would pull a column's text under a head, or be
  // pulled into a column as a piece of its sentence.
  const open = flows.map((_f, i) => i).filter((i) => flows[i].openEnd && !pairs.has(i) && !headCandidateOnly(flows[i]));
  const starts = flows
    .map((_f, i) => i)
    .filter((i) => flows[i].openStart && !taken.has(i) && !headCandidateOnly(flows[i]));
  const candidates: { from: number; to: number; score: number }[] = [];
  const before = predecessors(pairs);
  for (const o of open) {
    for (const s of starts) {
      const jump = flows[o].jumpOut && flows[s].jumpIn && flows[s].page > flows[o].page;
      const local = !flows[o].jumpOut && !flows[s].jumpIn && flows[s].page === flows[o].page;
      if (s === o || !sameMeasure(flows[o], flows[s]) || !(jump || local)) continue;
      candidates.push({
        from: o,
        to: s,
        score: affinity(context(flows, before, o), flows[s].text) + (jump ? JUMP_BONUS : 0),
      });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (pairs.has(c.from) || taken.has(c.to)) continue;
    // A column that opens mid-sentence goes on from somewhere: when it and one open column can only
    // go with each other, they pair whatever their vocabulary.
    // Not a short line that may be a paragraph of its own: that one needs shared vocabulary.
    const mutual = !flows[c.to].tailStart && candidates.every((x) => (x.from === c.from) === (x.to === c.to));
    if (c.score < MIN_AFFINITY && !mutual) continue;
    // Not a column printed right after text that closes its sentence, when nothing but that says it goes
    // on elsewhere, for a column whose last line stops short (the next word would have fitted: no column
    // break, the copy was cut there): the column read in place goes on there (a column broken at a
    // sentence's end, the next paragraph's indent lost). Moving it on no shared word would guess it out of place.
    if (c.score < MIN_AFFINITY && stopsShort(flows[c.from]!, shape) && followsClosedSentence(flows, c.to)) {
      reviewKeptInPlace(flows, c.from, c.to, report);
      continue;
    }
    pairs.set(c.from, { from: c.from, to: c.to, between: [], sequential: false });
    taken.add(c.to);
  }
}

/**
 * Is the prose printed right before flow `s` on its page a closed sentence, and does `s` open as a
 * sentence may (not with a particle or mark that goes on one, not closing a quotation it never opened)?
 * Then `s` reads on in place: it is open only by its full first line.
 */
function followsClosedSentence(flows: Flow[], s: number): boolean {
  const first = firstProseLine(flows[s]!)?.text ?? '';
  if (CONTINUATION_START.test(first) || closesQuote(first)) return false;
  for (let k = s - 1; k >= 0 && flows[k]!.page === flows[s]!.page; k--) {
    const prose = flows[k]!.items.filter((c) => c.kind.kind === 'prose');
    if (prose.length) return endsSentence(prose.at(-1)!.block.lines.at(-1)!.text);
  }
  return false;
}

function firstProseLine(f: Flow): SourceLine | undefined {
  return f.items.find((c) => c.kind.kind === 'prose')?.block.lines[0];
}

/** A column left open (cut off) rather than paired with a column read in place: reported, as it could go on there. */
function reviewKeptInPlace(flows: Flow[], from: number, to: number, report?: Reporter): void {
  const block = flows[from]!.items.filter((c) => c.kind.kind === 'prose').at(-1)!.block;
  block.cutOff = true;
  const last = block.lines.at(-1)!;
  const first = firstProseLine(flows[to]!)!;
  if (!report) return;
  reviewNote(
    report,
    last,
    `“${last.text}” stops mid-sentence; “${first.text}” (line ${first.line}) could go on it, but shares no words with it and follows a closed sentence where it is printed: left in place, and this column left open`,
  );
}

/** A flow's last line falls this many ems short of its measure: the column did not break there. */
const CUT_SHORTFALL = 1;

/** Does the flow's last prose line stop short of its measure (cut off, not broken by the column)? */
function stopsShort(f: Flow, shape: PageShape): boolean {
  const last = f.items
    .filter((c) => c.kind.kind === 'prose')
    .at(-1)
    ?.block.lines.at(-1);
  return last !== undefined && lineWidth(last, shape.quoteEm) <= (f.measure ?? shape.measure) - CUT_SHORTFALL;
}
