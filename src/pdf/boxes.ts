/**
 * Page boxes for press (PDF 32000-1 §14.11.2): Chromium's page is the BleedBox (the print stage renders
 * trim + 2×bleed), the TrimBox is that inset by the bleed, and the MediaBox/CropBox grow by a slug so the
 * marks have somewhere to live. ArtBox is removed: PDF/X (ISO 15930) wants TrimBox or ArtBox, not a stale one.
 */
import { PDFName, type PDFPage } from 'pdf-lib';
import { outset, round3, type Box } from './types.js';

/** The three boxes of one finished page, in points. */
export interface PageBoxes {
  media: Box;
  bleed: Box;
  trim: Box;
}

/** Chromium's page may exceed the nominal sheet by its rounding; more than this (0.7 mm) is not rounding. */
const ROUNDING_TOLERANCE_PT = 2;

/**
 * The nominal sheet inside Chromium's page. Chromium rounds the page size up (measured: 396 mm → 1122.96 pt
 * instead of 1122.52 pt) but lays the content out at the nominal size from the page's top-left corner
 * (its first `cm` maps CSS (0,0) to the PDF point (x0, y1)), so the surplus is a blank sliver on the right
 * and at the bottom. Anchoring the nominal box at the top-left keeps trim and marks exactly on the content.
 * Returns Chromium's box unchanged when no sheet is given or the mismatch is larger than rounding.
 */
export function nominalSheet(chromiumMedia: Box, sheetPt?: { width: number; height: number }): Box {
  if (!sheetPt) return { ...chromiumMedia };
  const extraW = chromiumMedia.width - sheetPt.width;
  const extraH = chromiumMedia.height - sheetPt.height;
  const rounding = (extra: number) => extra >= -0.01 && extra <= ROUNDING_TOLERANCE_PT;
  if (!rounding(extraW) || !rounding(extraH)) return { ...chromiumMedia };
  return {
    x: chromiumMedia.x,
    y: round3(chromiumMedia.y + chromiumMedia.height - sheetPt.height),
    width: sheetPt.width,
    height: sheetPt.height,
  };
}

/** Compute the boxes from Chromium's MediaBox; `slugPt` 0 means MediaBox = BleedBox (no marks). */
export function computeBoxes(
  chromiumMedia: Box,
  bleedPt: number,
  slugPt: number,
  sheetPt?: { width: number; height: number },
): PageBoxes {
  const bleed = nominalSheet(chromiumMedia, sheetPt);
  const trim = outset(bleed, -bleedPt);
  if (trim.width <= 0 || trim.height <= 0)
    throw new Error(`Bleed ${bleedPt} pt leaves no trim area on a ${bleed.width}×${bleed.height} pt page`);
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
