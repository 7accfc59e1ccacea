/**
 * Page boxes for press (PDF 32000-1 §14.11.2): Chromium's page is the BleedBox (the print stage renders
 * trim + 2×bleed), the TrimBox is that inset by the bleed, and the MediaBox/CropBox grow by a slug so the
 * marks have somewhere to live. ArtBox is removed: PDF/X (ISO 15930) wants TrimBox or ArtBox, not a stale one.
 */
import { PDFName, type PDFPage } from 'pdf-lib';
import { outset, type Box } from './types.js';

/** The three boxes of one finished page, in points. */
export interface PageBoxes {
  media: Box;
  bleed: Box;
  trim: Box;
}

/** Compute the boxes from Chromium's MediaBox; `slugPt` 0 means MediaBox = BleedBox (no marks). */
export function computeBoxes(chromiumMedia: Box, bleedPt: number, slugPt: number): PageBoxes {
  const bleed = { ...chromiumMedia };
  const trim = outset(bleed, -bleedPt);
  if (trim.width <= 0 || trim.height <= 0) throw new Error(`Bleed ${bleedPt} pt leaves no trim area on a ${bleed.width}×${bleed.height} pt page`);
  return { media: outset(bleed, slugPt), bleed, trim };
}

/** Write the boxes onto a page (negative-origin MediaBox is legal, PDF 32000-1 §14.11.2). */
export function applyBoxes(page: PDFPage, boxes: PageBoxes): void {
  const { media, bleed, trim } = boxes;
  page.setMediaBox(media.x, media.y, media.width, media.height);
  page.setCropBox(media.x, media.y, media.width, media.height);
  page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
  page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
  page.node.delete(PDFName.of('ArtBox'));
}
