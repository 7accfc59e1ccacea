/**
 * Level columns: a module's body is one flow of T grid lines (measured in a single column of the
 * grid's width); set in k columns, it is cut at chosen lines so every column ends on the same
 * baseline. CSS multicol balancing leaves the last column short by up to k−1 lines (it fills the
 * columns in turn at the least height); here the columns are h lines tall and only the last may be
 * one short. A cut is made only where the copy allows one: never after a paragraph's first line
 * (orphan) or before its last (widow), never inside or right after a subhead, never before a byline.
 *
 * When the lines do not divide, the flow is lengthened or shortened by a line or a few, the way a
 * make-up editor copyfits: a line of space opens before a subhead or the byline, or, when that cannot
 * make the columns level, a paragraph is set a little tighter or looser so it pulls back or pushes out
 * one line (the page measures each paragraph at the bounded letter-spacings beforehand).
 */

/**
 * A lever that changes the flow's length, the way a make-up editor copyfits a module:
 * - `space`: a blank line opens before line `at` (a subhead or the byline), one line longer;
 * - `track`: the paragraph of `lines` lines starting at line `at` is set with a slightly tighter or
 *   looser letter-spacing (`spacing`, in em, within a small bound) and so ends `delta` (±1) lines
 *   shorter or longer; the page measured it set that way.
 */
export type FlowAdjustment =
  | { kind: 'space'; at: number }
  | { kind: 'track'; at: number; lines: number; delta: number; spacing: number };

/** A body's flow in one column: its height in lines and where a new column may start. */
export interface BodyFlow {
  /** Lines of the flow set in one grid column. */
  lines: number;
  /** Lines (0 < b < lines) at which a column may start. */
  breaks: number[];
  /** Lines where a paragraph, subhead or byline starts: a column that starts there reads as one. */
  boundaries?: number[];
  /** The levers that change its length (a blank line before a subhead or the byline, a re-tracked paragraph). */
  adjustments?: FlowAdjustment[];
}

/** How a body is cut into columns. */
export interface ColumnCut {
  /** Lines of the tallest column: the body's height in the module. */
  height: number;
  /** Line of the adjusted flow (after the adjustments) at which each column after the first starts. */
  starts: number[];
  /** The adjustments made so the lines divide. */
  adjust: FlowAdjustment[];
  /** True when all columns but the last are equally tall and the last is at most one line short. */
  level: boolean;
}

/** Most adjustment sets tried per module and span, in each round. */
const MAX_TRIES = 3000;
/** A short column before the last costs more than any set of levers. */
const SHORT_COLUMN_COST = 1000;
/** A column that starts inside a paragraph (the page reads less clearly as columns) weighs a little. */
const MID_PARAGRAPH_COST = 0.3;
/** A re-tracked paragraph weighs more than a line of space: its letters stand a little closer or wider. */
const TRACK_COST = 2;
/** Most levers pulled in one module. */
const MAX_LEVERS = 3;
/** Most paragraphs re-tracked in one module. */
const MAX_TRACKED = 2;

const leverCost = (a: FlowAdjustment) => (a.kind === 'track' ? TRACK_COST : 1);

/** An empty line at a module's foot, per column, when a copyfit ends the columns below the room they have. */
const SHORT_BODY_COST = 0.5;

/**
 * Cut `flow` into `k` columns: the least height at which the columns can be h or h−1 lines tall,
 * shorter columns to the right, with the cheapest levers that make the last column the only short
 * one. Lines of space are tried first; a paragraph is re-tracked only when they cannot make the
 * columns level, and only when `room` (the body's lines in its placed module) is given: the cut then
 * stays within it, as close to it as it can. Null when the copy allows no such cut (the page then
 * balances the columns itself).
 */
export function levelColumns(flow: BodyFlow, k: number, room?: number): ColumnCut | null {
  if (k <= 1 || flow.lines <= 0) return { height: Math.max(0, flow.lines), starts: [], adjust: [], level: true };
  const levers = flow.adjustments ?? [];
  const spaces = levers.filter((a) => a.kind === 'space');
  const best = searchLevers(flow, k, spaces, Math.min(MAX_LEVERS, k - 1), () => true, room);
  if (best?.level || room === undefined || !levers.some((a) => a.kind === 'track')) return best && strip(best);
  // A set that leaves T lines dividing unevenly (more than the last column short) cannot end level.
  const divides = (adjust: FlowAdjustment[]) => {
    const T = adjustedLines(flow.lines, adjust);
    return T % k === 0 || T % k === k - 1;
  };
  const tracked = (adjust: FlowAdjustment[]) => {
    const tracks = adjust.filter((a) => a.kind === 'track');
    return tracks.length > 0 && tracks.length <= MAX_TRACKED && divides(adjust);
  };
  const retracked = searchLevers(flow, k, levers, MAX_LEVERS, tracked, room);
  const pick = retracked && (!best || retracked.cost < best.cost) ? retracked : best;
  return pick && strip(pick);
}

const strip = ({ height, starts, adjust, level }: ColumnCut): ColumnCut => ({ height, starts, adjust, level });

/** The cheapest cut over sets of at most `maxSize` of `levers` that `allowed` admits, smallest sets first. */
function searchLevers(
  flow: BodyFlow,
  k: number,
  levers: FlowAdjustment[],
  maxSize: number,
  allowed: (adjust: FlowAdjustment[]) => boolean,
  room?: number,
): (ColumnCut & { cost: number }) | null {
  let best: (ColumnCut & { cost: number }) | null = null;
  let tries = 0;
  for (let size = 0; size <= Math.min(levers.length, maxSize); size++) {
    // Every set of this size costs at least `size`: a cheaper cut found already cannot be beaten.
    if (best && best.cost <= size) break;
    for (const chosen of subsets(levers.length, size)) {
      const adjust = chosen.map((i) => levers[i]!);
      if (++tries > MAX_TRIES) break;
      if (!allowed(adjust) || conflicting(adjust)) continue;
      const cut = cutAdjusted(flow, k, adjust);
      if (!cut || (room !== undefined && cut.height > room)) continue;
      const inside = cut.starts.filter((st) => !cut.boundaries.has(st)).length;
      const cost =
        adjust.reduce((n, a) => n + leverCost(a), 0) +
        cut.shortBeforeLast * SHORT_COLUMN_COST +
        inside * MID_PARAGRAPH_COST +
        (room === undefined ? 0 : (room - cut.height) * k * SHORT_BODY_COST);
      if (!best || cost < best.cost)
        best = { height: cut.height, starts: cut.starts, adjust, level: cut.shortBeforeLast === 0, cost };
    }
  }
  return best;
}

/** Two levers on one paragraph (tighter and looser at once) cannot both be pulled. */
function conflicting(adjust: FlowAdjustment[]): boolean {
  const tracked = adjust.filter((a) => a.kind === 'track').map((a) => a.at);
  return new Set(tracked).size !== tracked.length;
}

/** The flow's length once `adjust` is applied. */
function adjustedLines(lines: number, adjust: FlowAdjustment[]): number {
  return lines + adjust.reduce((n, a) => n + (a.kind === 'track' ? a.delta : 1), 0);
}

/**
 * Where measured line `line` (at or after the levers' own lines) stands once `adjust` is applied: a line
 * of space moves it and everything after it down by one, a re-tracked paragraph that ends before it by
 * its change in lines.
 */
function shiftLine(line: number, adjust: FlowAdjustment[]): number {
  let shift = 0;
  for (const a of adjust) {
    if (a.kind === 'space' && a.at <= line) shift++;
    if (a.kind === 'track' && a.at + a.lines <= line) shift += a.delta;
  }
  return line + shift;
}

/** The flow with `adjust` applied, cut into k columns; starts in the adjusted flow's lines. */
function cutAdjusted(
  flow: BodyFlow,
  k: number,
  adjust: FlowAdjustment[],
): { height: number; starts: number[]; shortBeforeLast: number; boundaries: Set<number> } | null {
  // A cut right at a blank line (a column would begin or end with it) is no longer a place to cut; inside a
  // re-tracked paragraph the legal cuts are its own again (not after its first line or before its last).
  const tracks = adjust.filter((a) => a.kind === 'track');
  const blocked = (line: number) =>
    adjust.some((a) => (a.kind === 'space' ? line === a.at : line > a.at && line < a.at + a.lines));
  const legal = new Set<number>();
  for (const b of flow.breaks) if (!blocked(b)) legal.add(shiftLine(b, adjust));
  for (const t of tracks) {
    const top = shiftLine(t.at, adjust);
    for (let j = 2; j <= t.lines + t.delta - 2; j++) legal.add(top + j);
  }
  const T = adjustedLines(flow.lines, adjust);
  // Columns of h and h−1 lines add up to T only at h = ⌈T/k⌉.
  const h = Math.ceil(T / k);
  const cut = bestCut(T, k, h, legal);
  if (!cut) return null;
  const boundaries = new Set((flow.boundaries ?? []).map((b) => shiftLine(b, adjust)));
  return { height: h, starts: cut.starts, shortBeforeLast: cut.shortBeforeLast, boundaries };
}

/**
 * Columns of h or h−1 lines summing to T with every start legal; of those, the one with the fewest
 * short columns before the last, then with short columns furthest right. Dynamic programming over
 * (columns set, short columns so far): the next column starts at c·h − shorts.
 */
function bestCut(
  T: number,
  k: number,
  h: number,
  legal: Set<number>,
): { starts: number[]; shortBeforeLast: number } | null {
  const short = k * h - T;
  if (short < 0 || short >= k) return null;
  type State = { score: number; starts: number[] };
  let states = new Map<number, State>([[0, { score: 0, starts: [] }]]);
  for (let c = 0; c < k - 1; c++) {
    const next = new Map<number, State>();
    for (const [s, state] of states)
      for (const isShort of [false, true]) {
        const shorts = s + (isShort ? 1 : 0);
        if (shorts > short) continue;
        const at = (c + 1) * h - shorts;
        if (!legal.has(at)) continue;
        // A short column before the last weighs by how far left it stands.
        const score = state.score + (isShort ? SHORT_COLUMN_COST + (k - 1 - c) : 0);
        const old = next.get(shorts);
        if (!old || score < old.score) next.set(shorts, { score, starts: [...state.starts, at] });
      }
    states = next;
  }
  // The last column takes what is left: the shorts not yet used (0 or 1 makes it level).
  let best: (State & { shorts: number }) | null = null;
  for (const [s, state] of states) {
    const lastShort = short - s;
    if (lastShort > 1) continue;
    if (!best || state.score < best.score) best = { ...state, shorts: s };
  }
  return best && { starts: best.starts, shortBeforeLast: best.shorts };
}

/** Every set of `size` indexes out of `n`, in lexicographic order. */
function* subsets(n: number, size: number, from = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === size) {
    yield chosen;
    return;
  }
  for (let i = from; i <= n - (size - chosen.length); i++) yield* subsets(n, size, i + 1, [...chosen, i]);
}

/**
 * Do the columns already end within a line of each other as the page balances them itself (each column
 * filled in turn up to `height` lines, cut at the last place the copy allows)?
 */
export function balancedAlready(flow: BodyFlow, k: number, height: number): boolean {
  const heights: number[] = [];
  let at = 0;
  for (let c = 0; c < k - 1; c++) {
    const next = Math.max(...flow.breaks.filter((b) => b > at && b <= at + height), -1);
    if (next < 0) return false;
    heights.push(next - at);
    at = next;
  }
  heights.push(flow.lines - at);
  return heights[heights.length - 1]! <= height && Math.max(...heights) - Math.min(...heights) <= 1;
}

/** Lines of a paragraph a column must hold before the page breaks inside that paragraph again (CSS `orphans`). */
const MIN_FRAGMENT_LINES = 2;

/** The body's columns as the page balances them itself: the tallest column's lines and where each next one starts. */
export interface BalancedColumns {
  height: number;
  starts: number[];
}

/**
 * The columns the page's own balancing (CSS multicol, `column-fill: balance`) gives `flow` set in `k`
 * columns of the grid's width: the least height at which the columns, each filled in turn and cut at
 * the last place the copy allows, hold the whole flow. A column that starts inside a paragraph holds at
 * least two of its lines before the paragraph is cut again (the page counts orphans per column). The
 * columns are as wide as the one column the flow was measured in, so every line breaks as measured:
 * the make-up need not lay the body out again at every span.
 */
export function pageBalance(flow: BodyFlow, k: number): BalancedColumns {
  if (k <= 1 || flow.lines <= 0) return { height: Math.max(0, flow.lines), starts: [] };
  const boundaries = new Set(flow.boundaries ?? []);
  const fill = (height: number): number[] | null => {
    const starts: number[] = [];
    let at = 0;
    for (let c = 0; c < k - 1 && flow.lines - at > height; c++) {
      const least = at > 0 && !boundaries.has(at) ? at + MIN_FRAGMENT_LINES : at + 1;
      const next = Math.max(...flow.breaks.filter((b) => b >= least && b <= at + height), -1);
      if (next < 0) return null;
      starts.push(next);
      at = next;
    }
    return flow.lines - at <= height ? starts : null;
  };
  // One column of the whole flow always holds it.
  for (let height = Math.ceil(flow.lines / k); ; height++) {
    const starts = fill(height);
    if (starts) return { height, starts };
  }
}

/**
 * Must the page balance `flow` in `k` columns itself? So it does where the columns neither end within a
 * line of each other as the page fills them nor can be cut level (a short body whose copy allows no cut):
 * the page then breaks where it must, and only the page can say how tall the body stands.
 */
export function pageMustBalance(flow: BodyFlow, k: number): boolean {
  return k > 1 && !balancedAlready(flow, k, pageBalance(flow, k).height) && levelColumns(flow, k) === null;
}
