/**
 * Print-ready PDF stage (issue #6): the public surface the build orchestrator uses.
 * finishPdf adds boxes, marks, metadata and bookmarks to Chromium's output; makePdfX makes the
 * CMYK PDF/X variant with Ghostscript.
 */
export type { EditionMeta, FinishOptions } from './types.js';
export { finishPdf } from './finish.js';
export { makePdfX } from './pdfx.js';
