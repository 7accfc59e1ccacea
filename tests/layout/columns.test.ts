/**
 * Level columns: the body's one-column flow cut so every column ends on the same line, only the last
 * one line short at most, with cuts only where the copy allows them, and a line of space before a
 * subhead or the byline when the lines do not divide otherwise.
 */
import { describe, expect, it } from 'vitest';
import { levelColumns } from '../../src/layout/columns.js';

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
    // Measured lines per column: the first holds the blank line too, so all three are 10 lines tall.
    expect(heights(28, cut.starts)).toEqual([9, 10, 9]);
    expect(cut.level).toBe(true);
  });

  it('cuts only where the copy allows, and gives up when no cut keeps the columns within a line', () => {
    expect(levelColumns({ lines: 20, breaks: [9, 11] }, 2)).toBeNull();
    expect(levelColumns({ lines: 20, breaks: [10] }, 2)!.starts).toEqual([10]);
  });
});
