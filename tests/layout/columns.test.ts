/**
 * Level columns: the body's one-column flow cut so every column ends on the same line, only the last
 * one line short at most, with cuts only where the copy allows them, and a line of space before a
 * subhead or the byline when the lines do not divide otherwise.
 */
import { describe, expect, it } from 'vitest';
import { levelColumns, pageBalance } from '../../src/layout/columns.js';

const every = (lines: number) => Array.from({ length: lines - 1 }, (_, i) => i + 1);
const heights = (lines: number, starts: number[]) => [0, ...starts].map((s, i, all) => (all[i + 1] ?? lines) - s);

describe('levelColumns', () => {
  it('cuts lines that divide into equal columns', () => {
    const cut = levelColumns({ lines: 30, breaks: every(30) }, 3)!;
    expect(cut).toMatchObject({ height: 10, starts: [10, 20], level: true });
  });

  it('leaves only the last column one line short', () => {
    const cut = levelColumns({ lines: 29, breaks: every(29) }, 3)!;
    expect(heights(29, cut.starts)).toEqual([10, 10, 9]);
    expect(cut.level).toBe(true);
  });

  it('spreads the shortfall one line per column from the right when it must, never two lines in one column', () => {
    // 28 lines in 3 columns: 10, 9, 9 (multicol balancing would give 10, 10, 8).
    const cut = levelColumns({ lines: 28, breaks: every(28) }, 3)!;
    expect(heights(28, cut.starts)).toEqual([10, 9, 9]);
    expect(cut.level).toBe(false);
  });

  it('opens a line of space before a subhead so the columns divide, never at a column top or foot', () => {
    const cut = levelColumns({ lines: 28, breaks: every(28), adjustments: [{ kind: 'space', at: 5 }] }, 3)!;
    expect(cut.adjust).toEqual([{ kind: 'space', at: 5 }]);
    // Starts are lines of the adjusted flow (29 lines, the blank one included): the first column holds the
    // blank line, so all three are 10 lines tall.
    expect(heights(29, cut.starts)).toEqual([10, 10, 9]);
    expect(cut.level).toBe(true);
  });

  it('re-tracks a paragraph to pull back a line when no cut is legal at the level height', () => {
    // 44 lines in 2 columns: the only level cut (line 22) would orphan a paragraph that starts at line 21.
    const breaks = every(44).filter((b) => b !== 22);
    const flow = {
      lines: 44,
      breaks,
      boundaries: [10, 21],
      adjustments: [{ kind: 'track' as const, at: 10, lines: 11, delta: -1, spacing: -0.02 }],
    };
    expect(levelColumns({ ...flow, adjustments: [] }, 2, 23)).toBeNull();
    // Before the page is packed (no room given), no paragraph is re-tracked.
    expect(levelColumns(flow, 2)).toBeNull();
    const cut = levelColumns(flow, 2, 23)!;
    expect(cut.adjust).toEqual(flow.adjustments);
    expect(cut.level).toBe(true);
    // 43 lines once the paragraph is one line shorter: 22 and 21, cut where the next paragraph starts.
    expect(cut.starts).toEqual([22]);
    expect(heights(43, cut.starts)).toEqual([22, 21]);
  });

  it('copyfits within the room the module has, filling it when a looser paragraph can', () => {
    const tighter = { kind: 'track' as const, at: 10, lines: 11, delta: -1, spacing: -0.02 };
    const looser = { kind: 'track' as const, at: 30, lines: 6, delta: 1, spacing: 0.02 };
    const flow = { lines: 44, breaks: every(44).filter((b) => b !== 22), adjustments: [tighter, looser] };
    expect(levelColumns(flow, 2, 23)).toMatchObject({ height: 23, adjust: [looser], level: true });
    expect(levelColumns(flow, 2, 22)).toMatchObject({ height: 22, adjust: [tighter], level: true });
  });

  it('prefers a line of space to a re-tracked paragraph, and re-tracks only when it makes the columns level', () => {
    const track = { kind: 'track' as const, at: 2, lines: 6, delta: 1, spacing: 0.02 };
    const flow = { lines: 28, breaks: every(28), adjustments: [track, { kind: 'space' as const, at: 12 }] };
    expect(levelColumns(flow, 3, 10)!.adjust).toEqual([{ kind: 'space', at: 12 }]);
    expect(levelColumns({ lines: 30, breaks: every(30), adjustments: [track] }, 3, 10)!.adjust).toEqual([]);
  });

  it('opens cuts inside a re-tracked paragraph by its new length, never after its first line or before its last', () => {
    // A 14-line paragraph from line 4, set one line longer: 20 lines cut at line 10, its 7th line.
    const long = { kind: 'track' as const, at: 4, lines: 14, delta: 1, spacing: 0.02 };
    expect(levelColumns({ lines: 19, breaks: [4, 18], adjustments: [long] }, 2, 10)).toMatchObject({
      starts: [10],
      level: true,
    });
    // A 5-line paragraph from line 4, one line longer: the level cut (line 5) would follow its first line, so
    // the paragraph is left as it is (4 and 5 lines, not level).
    const short = { kind: 'track' as const, at: 4, lines: 5, delta: 1, spacing: 0.02 };
    expect(levelColumns({ lines: 9, breaks: [4], adjustments: [short] }, 2, 5)).toMatchObject({
      adjust: [],
      level: false,
    });
  });

  it('cuts only where the copy allows, and gives up when no cut keeps the columns within a line', () => {
    expect(levelColumns({ lines: 20, breaks: [9, 11] }, 2)).toBeNull();
    expect(levelColumns({ lines: 20, breaks: [10] }, 2)!.starts).toEqual([10]);
  });
});

describe('pageBalance', () => {
  it('fills the columns in turn at the least height that holds the flow', () => {
    expect(pageBalance({ lines: 12, breaks: every(12) }, 3)).toEqual({ height: 4, starts: [4, 8] });
    expect(pageBalance({ lines: 13, breaks: every(13) }, 3)).toEqual({ height: 5, starts: [5, 10] });
  });

  it('cuts only where the copy allows, so a column may stand taller than an even share', () => {
    // Two paragraphs of 6 lines: inside each only after its second line and before its second-last.
    const flow = { lines: 12, breaks: [2, 3, 4, 6, 8, 9, 10], boundaries: [6] };
    expect(pageBalance(flow, 5)).toEqual({ height: 3, starts: [3, 6, 9] });
    expect(pageBalance({ lines: 5, breaks: [] }, 3)).toEqual({ height: 5, starts: [] });
  });

  it('never leaves one line of a paragraph alone in a column it is cut in again', () => {
    // A paragraph of 6 lines and a byline kept with its last line: at 3 lines the middle column would
    // hold line 3 alone; the page balances at 4.
    const flow = { lines: 7, breaks: [2, 3, 4], boundaries: [6] };
    expect(pageBalance(flow, 3)).toEqual({ height: 4, starts: [4] });
  });

  it('sets one column as the flow', () => {
    expect(pageBalance({ lines: 9, breaks: every(9) }, 1)).toEqual({ height: 9, starts: [] });
  });
});
