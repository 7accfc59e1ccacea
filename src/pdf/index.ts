/**
 * Print-ready PDF stage: the public surface the build orchestrator uses.
 * finishPdf adds boxes, marks, metadata and bookmarks to Chromium's output; makePdfX makes the
 * CMYK PDF/X-1a variant with Ghostscript (and refuses
 * transparency with PdfXTransparencyError, since PDF 1.3 would rasterise it).
 */
export type { EditionMeta, FinishOptions } from './types.js';
export { finishedPdf, finishPdf } from './finish.js';
export { makePdfX } from './pdfx.js';
export { PdfXTransparencyError } from './pdfx-finish.js';
