/**
 * A one-page document finished as an edition is (boxes, marks, metadata, outline), made while the
 * build waits for Chromium: the finishing code is compiled and its first-call costs paid on
 * a CPU that would otherwise sit idle, so finishing the real edition afterwards starts warm. Nothing
 * of it is kept, and no module state it leaves behind reaches another document.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { saveDeterministic } from './deterministic-save.js';
import { finishedPdf } from './finish.js';

/** The stand-in page: A4 in points, one line of text so the content parsers meet text operators. */
const SAMPLE_PAGE_PT: [number, number] = [595, 842];
const SAMPLE_BLEED_MM = 3;

/** Finish a throwaway one-page document; returns it (its preflight warms the preflight the same way). */
export async function warmFinishing(): Promise<{ bytes: Uint8Array; doc: PDFDocument }> {
  const sample = await PDFDocument.create({ updateMetadata: false });
  const page = sample.addPage(SAMPLE_PAGE_PT);
  page.drawText('zhuanban', { x: 72, y: 720, size: 12, font: await sample.embedFont(StandardFonts.Helvetica) });
  const date = new Date(0);
  return finishedPdf(
    await saveDeterministic(sample),
    {
      title: 'sample',
      author: 'sample',
      subject: 'sample',
      keywords: [],
      lang: 'en',
      producer: 'zhuanban',
      date,
      pages: [{ number: 1, label: '1', articles: [{ headline: 'sample' }] }],
    },
    { bleedMm: SAMPLE_BLEED_MM, marks: true },
  );
}
