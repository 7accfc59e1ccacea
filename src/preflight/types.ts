/**
 * Preflight's report shapes (issue #6): one issue per failed check and page, so a CLI, report.json and
 * tests all read the same structure.
 */
import type { FontInfo } from './fonts.js';

/** One failed check; `page` is 1-based, or null for a document-wide problem. */
export interface PreflightIssue {
  check: 'fonts' | 'boxes' | 'bleed' | 'colour' | 'images' | 'page-size';
  page: number | null;
  message: string;
}

/** The whole verdict for one file. */
export interface PreflightReport {
  file: string;
  passed: boolean;
  pages: number;
  issues: PreflightIssue[];
  fonts: FontInfo[];
}

/** What the file is checked against; omitted values skip that check (press: auto from a PDF/X output intent). */
export interface PreflightOptions {
  trimMm?: { width: number; height: number };
  bleedMm?: number;
  /** RGB is a failure. Undefined: on when the file declares a PDF/X output intent. */
  press?: boolean;
  /** Minimum effective resolution of placed images; default 200. */
  minPpi?: number;
}
