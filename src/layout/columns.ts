/**
 * Level columns: a module's body is one flow of T grid lines (measured in a single column of the
 * grid's width); set in k columns, it is cut at chosen lines so every column ends on the same
 * baseline. CSS multicol balancing leaves the last column short by up to k−1 lines (it fills the
 * columns in turn at the least height); here the columns are h lines tall and only the last may be
 * one short. A cut is made only where the copy allows one: never after a paragraph's first line
 * (orphan) or before its last (widow), never inside or right after a subhead, never before a byline.
 *
 * When the lines do not divide, the flow is lengthened by a line or a few, the way a make-up editor
 * does it: a line of space opens before a subhead or the byline.
 */

/** A way to lengthen the flow by one line: a blank line before line `at` (a subhead or the byline). */
export interface FlowAdjustment {
  kind: 'space';
  at: number;
}

/** A module body's flow in one column: its height in lines and where a new column may start. */
export interface BodyFlow {
  /** Lines of the flow set in one grid column. */
  lines: number;
  /** Lines (0 < b < lines) at which a column may start. */
  breaks: number[];
  /** Lines where a paragraph, subhead or byline starts: a column that starts there reads as one. */
  boundaries?: number[];
  /** The levers that change its length (a blank line before a subhead or the byline). */
  adjustments?: FlowAdjustment[];
}

/** How a body is cut into columns. */
export interface ColumnCut {
  /** Lines of the tallest column: the body's height in the module. */
  height: number;
  /** Line of the flow (as measured, before adjustments) at which each column after the first starts. */
  starts: number[];
  /** The adjustments made so the lines divide. */
  adjust: FlowAdjustment[];
  /** True when all columns but the last are equally tall and the last is at most one line short. */
  level: boolean;
}

/** Most adjustment sets tried per module and span. */
const MAX_TRIES = 3000;
/** A short column before the last costs more than any set of levers. */
const SHORT_COLUMN_COST = 1000;
/** A column that starts inside a paragraph (the page reads less clearly as columns) weighs a little. */
const MID_PARAGRAPH_COST = 0.3;
/** Most levers pulled in one module. */
const MAX_LEVERS = 3;

/**
 * Cut `flow` into `k` columns: the least height at which the columns can be h or h−1 lines tall,
 * shorter columns to the right, with the cheapest levers that make the last column the only short
 * one. Null when the copy allows no such cut (the page then balances the columns itself).
 */
export function levelColumns(flow: BodyFlow, k: number): ColumnCut | null {
  if (k <= 1 || flow.lines <= 0) return { height: Math.max(0, flow.lines), starts: [], adjust: [], level: true };
  const levers = flow.adjustments ?? [];
  const boundaries = new Set(flow.boundaries ?? []);
  let best: (ColumnCut & { cost: number }) | null = null;
  let tries = 0;
  for (let size = 0; size <= Math.min(levers.length, MAX_LEVERS, k - 1); size++) {
    for (const chosen of subsets(levers.length, size)) {
      if (++tries > MAX_TRIES) break;
      const adjust = chosen.map((i) => levers[i]!);
      const cut = cutAdjusted(flow, k, adjust);
      if (!cut) continue;
      const inside = cut.starts.filter((st) => !boundaries.has(st)).length;
      const cost = adjust.length + cut.shortBeforeLast * SHORT_COLUMN_COST + inside * MID_PARAGRAPH_COST;
      if (!best || cost < best.cost)
        best = { height: cut.height, starts: cut.starts, adjust, level: cut.shortBeforeLast === 0, cost };
    }
    if (best?.level && best.starts.every((st) => boundaries.has(st))) break;
  }
  if (!best) return null;
  return { height: best.height, starts: best.starts, adjust: best.adjust, level: best.level };
}

/** The flow with `adjust` applied, cut into k columns; starts given back in measured lines. */
function cutAdjusted(
  flow: BodyFlow,
  k: number,
  adjust: FlowAdjustment[],
): { height: number; starts: number[]; shortBeforeLast: number } | null {
  // A line at or after a blank line moves down by one; a cut right at a blank line (a column would begin
  // or end with it) is no longer a place to cut.
  const shift = (line: number) => line + adjust.filter((a) => a.at <= line).length;
  const blocked = (line: number) => adjust.some((a) => line === a.at);
  const toMeasured = new Map<number, number>();
  for (const b of flow.breaks) if (!blocked(b)) toMeasured.set(shift(b), b);
  const T = flow.lines + adjust.length;
  // Columns of h and h−1 lines add up to T only at h = ⌈T/k⌉.
  const h = Math.ceil(T / k);
  const cut = bestCut(T, k, h, toMeasured);
  return cut && { height: h, starts: cut.starts.map((s) => toMeasured.get(s)!), shortBeforeLast: cut.shortBeforeLast };
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
  legal: Map<number, number>,
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
