/**
 * Page make-up: pack the page's articles into its grid, first with the copy and its own figures
 * only, then allowing a photo slot where the copy cannot fill its module, and last a slot of any
 * height (so a page with very little copy is still made up, with the slot reported).
 * When even that fails the page's copy is too long and must continue on a following page.
 */
import { MODULE_GAP_LINES } from './leaf.js';
import { pack } from './pack.js';
import type { ArticleMeasure, PageFrame, PageMakeup } from './types.js';

/** Make up one page; `frame.lines` is the type area's height in lines (below any banner). */
export function makeUpPage(articles: ArticleMeasure[], frame: PageFrame): PageMakeup {
  // The bottom row's closing gap line falls below the type area (leaf.ts MODULE_GAP_LINES).
  const virtual = { columns: frame.columns, lines: frame.lines + MODULE_GAP_LINES };
  const lead = leadIndex(articles);
  for (const level of [0, 1, 2] as const) {
    const placements = pack(articles, virtual, level, lead);
    if (placements) {
      for (const p of placements) p.atBottom = p.line + p.lines >= virtual.lines;
      return { placements, overflow: [] };
    }
  }
  return { placements: [], overflow: articles.map((a) => a.id) };
}

/** The lead story is the first one, unless a later one is more than twice as long. */
export function leadIndex(articles: ArticleMeasure[]): number {
  const sizes = articles.map((a) => a.spans.find((s) => s.span === 1)?.body ?? 0);
  const longest = sizes.indexOf(Math.max(...sizes, 0));
  return longest > 0 && sizes[longest]! > 2 * sizes[0]! ? longest : 0;
}
