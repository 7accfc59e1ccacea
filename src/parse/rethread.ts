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
import { lineWidth, type Reporter, type SourceLine } from './lines.js';
import type { PageShape } from './page.js';
import { CONTINUATION_START } from './paragraphs.js';
import { reviewNote } from './report.js';
import { closesQuote, endsSentence } from './text-form.js';
import { affinity, hasProse, sameMeasure, toFlows, type Flow } from './flows.js';

/** A swap must beat the pairs' own affinity by this factor, and by this much. */
const SWAP_RATIO = 1.5;
const SWAP_MARGIN = 0.5;
/** Each of the four flows of a swap must hold this many characters of prose. */
const SWAP_MIN_CHARS = 100;
/** A column that jumps to another page and one that jumps in from it are paired by that first. */
const JUMP_BONUS = 1;
/** A leftover pair needs this much shared vocabulary. */
const MIN_AFFINITY = 0.3;
/** Text a column is compared by: its own, and the columns paired before it up to this length. */
const CONTEXT_CHARS = 200;

/** Block kinds that may sit inside a sentence that goes on after them. */
const INTERLUDE = new Set(['display', 'photo-slot', 'furniture']);

interface Pair {
  from: number;
  to: number;
  /** Display-only flows printed between the two, kept between them (captions, another module's heads). */
  between: number[];
  /** Only flows without prose stand between the two, as pdftotext printed them; only such pairs are swapped. */
  sequential: boolean;
}

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

/** Does the flow clearly open a new paragraph or section (an indented first line, or a head)? */
function opensParagraph(f: Flow): boolean {
  const first = f.items.find((c) => c.kind.kind !== 'furniture');
  return !f.openStart && (first?.kind.kind !== 'prose' || f.indentedStart);
}

function nextInMeasure(flows: Flow[], pairs: Map<number, Pair>, taken: Set<number>): void {
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
function bands(flows: Flow[], pairs: Map<number, Pair>, taken: Set<number>): void {
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

/** The column's text, with the columns already paired before it when it is short (its article's vocabulary). */
function context(flows: Flow[], before: Map<number, number>, i: number): string {
  let text = flows[i].text;
  const seen = new Set([i]);
  for (let p = before.get(i); p !== undefined && !seen.has(p) && text.length < CONTEXT_CHARS; p = before.get(p)) {
    seen.add(p);
    text = flows[p].text + text;
  }
  return text;
}

/** For each flow that continues another, the flow paired before it (the first pair found, as pairs are kept). */
function predecessors(pairs: Map<number, Pair>): Map<number, number> {
  const before = new Map<number, number>();
  for (const p of pairs.values()) if (!before.has(p.to)) before.set(p.to, p.from);
  return before;
}

function leftovers(
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

/** A flow whose only prose is one line that may be a head with punctuation. */
function headCandidateOnly(f: Flow): boolean {
  const prose = f.items.filter((c) => c.kind.kind === 'prose');
  return prose.length === 1 && prose[0]!.kind.kind === 'prose' && prose[0]!.kind.head !== undefined;
}

/** Does the chain of pairs from `from` reach `to`? */
function reaches(pairs: Map<number, Pair>, from: number, to: number): boolean {
  const seen = new Set<number>();
  for (let i: number | undefined = from; i !== undefined && !seen.has(i); i = pairs.get(i)?.to) {
    if (i === to) return true;
    seen.add(i);
  }
  return false;
}

function swaps(flows: Flow[], pairs: Map<number, Pair>): void {
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

/** A chain of pairs that returns to its start has no first column: drop its last link. */
function breakCycles(pairs: Map<number, Pair>): void {
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

function emit(flows: Flow[], pairs: Map<number, Pair>): Classified[] {
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
