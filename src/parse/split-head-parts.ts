/**
 * What the block splits share: parting a head from the prose under it, where a paragraph opens
 * (an indented first line over a fuller one), and how many lines a head may span.
 */
import { CONTINUATION_START } from './paragraphs.js';
import { INDENT_SLACK, type Block, type PageShape } from './page.js';
import { visualWidth } from './text-form.js';

/** At most this many lines of a head: the run-in and under-label splits read no longer head. */
export const MAX_HEAD_LINES = 4;

/**
 * A block parted under its first `k` lines, a head run into the prose under it: the head keeps the
 * block's place and blank lines, the prose goes on right under it. Kept whole where `k` is 0.
 */
export function splitAfterHead(b: Block, k: number): Block[] {
  if (k === 0) return [b];
  return [
    { ...b, lines: b.lines.slice(0, k), runIn: true },
    { lines: b.lines.slice(k), blankBefore: 0, first: false },
  ];
}

/** Shape for testing a head over its byline alone: the head may span columns, so any display width goes. */
const DISPLAY_MEASURE = 40;
/** The shape a head is judged in when it may span columns (any display width goes). */
export const NO_SHAPE: PageShape = { lineMode: false, measure: DISPLAY_MEASURE };

/**
 * Is line `k` a paragraph's indented first line: narrower than the fuller line under it by the
 * indent, not a continuation, and not the second half of a number or word broken over the lines?
 */
export function opensParagraphAt(texts: string[], k: number, shape: PageShape): boolean {
  if (k + 1 >= texts.length) return false;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const opening = w(texts[k]!);
  const full = w(texts[k + 1]!);
  // A number or word broken over the lines (`6月2` / `7日`) is one paragraph.
  const brokenWord = k > 0 && /[\dA-Za-z]$/.test(texts[k - 1]!) && /^[\dA-Za-z]/.test(texts[k]!);
  return (
    !brokenWord &&
    !CONTINUATION_START.test(texts[k]!) &&
    opening <= full - INDENT_SLACK &&
    full >= shape.measure - INDENT_SLACK
  );
}
