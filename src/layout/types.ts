/**
 * Inputs and outputs of the automatic make-up. The make-up is pure TypeScript: it sees
 * measurements (in whole lines) taken in the printing Chromium page and returns module rectangles,
 * so it can be tested in isolation with synthetic measurements.
 */
import type { FlowAdjustment } from './columns.js';

/** What one article needs when set `span` grid columns wide (all heights in body lines). */
export interface SpanMeasure {
  span: number;
  /** Headline stack (institution label, kicker, headline, subheadline), rounded up to whole lines; 0 when set vertically. */
  stack: number;
  /** Lines a vertical head runs down in its own column beside the rest (the house style's choice at narrow spans). */
  verticalHead?: number;
  /** Standfirst, set across the module. */
  lede: number;
  /** Body text balanced over `span` text columns, byline included. */
  body: number;
  /** Caption lines under each row of figures at this width. */
  caption: number;
  /** Figure rows at this width (figures sit side by side, at most span/2 per row). */
  figureRows: number;
  /** Natural image height of one figure row, in lines: photos at their own aspect, empty slots at 4:3. */
  imageNatural: number;
  /** Every figure has a photo: its shape may change only by a bounded crop. */
  photos?: boolean;
  /** The lowest resolution (ppi) a photo gets at this width; null or absent without photos. */
  photoPpi?: number | null;
  /** Where each text column after the first starts in the body's one-column flow (columns.ts); absent: balanced by the page. */
  columnStarts?: number[];
  /** The levers pulled so the columns divide (a line of space before a subhead or the byline). */
  adjust?: FlowAdjustment[];
  /** The columns end level (all equal, the last at most a line short). */
  level?: boolean;
}

/** Measurements of one article at every candidate span (two at a span where a vertical head is possible). */
export interface ArticleMeasure {
  id: string;
  /** Number of figures the source gives (0 → a photo slot may be added as the last lever). */
  figures: number;
  spans: SpanMeasure[];
}

/** The page to fill: C columns by R lines (after any banner). */
export interface PageFrame {
  columns: number;
  lines: number;
}

/** One module's rectangle and the copyfitting choices inside it. */
export interface Placement {
  id: string;
  column: number;
  span: number;
  line: number;
  lines: number;
  /** Lines given to figures (images + captions); 0 when none. */
  figureLines: number;
  /** A photo slot was added because the copy could not fill the module (diagnostic `photo-slot`). */
  addedSlot: boolean;
  /** The head stands vertically in its own column, this many lines long (the span's vertical measure). */
  verticalHead?: number;
  /** Lines left empty at the module's foot (counts against fill). */
  slack: number;
  atBottom: boolean;
  atLeft: boolean;
}

/** Result of making up one page. */
export interface PageMakeup {
  placements: Placement[];
  /** Articles (by id) that did not fit at any size and must continue on a following page. */
  overflow: string[];
}
