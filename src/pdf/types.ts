/**
 * The data the print-ready post-processor needs. Kept free of pdf-lib types so the build
 * orchestrator can fill it from config and layout without importing PDF machinery.
 */

/** What a printed edition says about itself: document info, XMP, slug line and bookmarks come from this. */
export interface EditionMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  producer: string;
  /** Build time: from SOURCE_DATE_EPOCH when set, else now; the only date written into the file. */
  date: Date;
  pages: { number: number; label: string /* e.g. "第19版 卫生健康" */; articles: { headline: string }[] }[];
}

/** How the trim, bleed and marks are laid out around each Chromium page. */
export interface FinishOptions {
  bleedMm: number;
  marks: boolean;
  slugMm?: number;
  /**
   * The configured (nominal) trim. Chromium rounds the sheet up (396 mm → 396.16 mm), so without this the
   * boxes follow Chromium's page and the TrimBox is off by that rounding; with it they are exact.
   */
  trimMm?: { width: number; height: number };
}

/** Default slug (the area outside the bleed that carries marks and the slug line), in millimetres. */
export const DEFAULT_SLUG_MM = 12;

/** Millimetres to PDF points (1 pt = 1/72 in), rounded to 1/1000 pt so output bytes never depend on float noise. */
export function mmToPt(mm: number): number {
  return Math.round((mm * 72000) / 25.4) / 1000;
}

/** A rectangle in PDF user space (lower-left origin). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Grow (positive) or shrink (negative) a box on all four sides. */
export function outset(box: Box, by: number): Box {
  return {
    x: round3(box.x - by),
    y: round3(box.y - by),
    width: round3(box.width + 2 * by),
    height: round3(box.height + 2 * by),
  };
}

/** Round to 1/1000 pt: enough for print, and keeps written numbers free of float noise (determinism). */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000 + 0;
}
