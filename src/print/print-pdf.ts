/**
 * Print the laid-out edition page to PDF: one sheet per page (trim plus bleed), backgrounds on,
 * tagged, with Chromium's heading outline, bounded by the one build timeout.
 */
import type { Page } from 'puppeteer';

/** The printed sheet in millimetres (trim plus bleed on every side). */
export interface SheetSize {
  widthMm: number;
  heightMm: number;
}

/** Chromium's PDF of the page as it is laid out now. */
export async function printPdf(page: Page, sheet: SheetSize, timeoutMs: number): Promise<Uint8Array> {
  return page.pdf({
    width: `${sheet.widthMm}mm`,
    height: `${sheet.heightMm}mm`,
    printBackground: true,
    tagged: true,
    outline: true,
    preferCSSPageSize: true,
    timeout: timeoutMs,
  });
}
