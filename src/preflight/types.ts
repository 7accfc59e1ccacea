/**
 * Preflight's report shapes: one issue per failed check and page, so a CLI, report.json and
 * tests all read the same structure.
 */
import type { FontInfo } from './fonts.js';

/** One failed check; `page` is 1-based, or null for a document-wide problem. */
export interface PreflightIssue {
  check: 'fonts' | 'boxes' | 'bleed' | 'colour' | 'images' | 'page-size' | 'pdfx' | 'encryption' | 'structure';
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
  /** Present when the file claims PDF/X: the claim and what was measured about it (see the pdfx issues). */
  pdfx?: PdfXClaim;
}

/** A file's PDF/X claim (ISO 15930 file identification) as read from the file itself. */
export interface PdfXClaim {
  /** Info /GTS_PDFXVersion, e.g. "PDF/X-1:2001". */
  version: string;
  /** Info /GTS_PDFXConformance, e.g. "PDF/X-1a:2001" (X-1:2001 files only). */
  conformance?: string;
  /** The standard the rules are taken from, e.g. "PDF/X-1a:2001". */
  standard: string;
  /** The PDF version the file declares (header, or catalog /Version when higher). */
  pdfVersion: string;
  /** OutputConditionIdentifier of the GTS_PDFX output intent. */
  outputCondition?: string;
  /** Info /Trapped. */
  trapped?: string;
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
