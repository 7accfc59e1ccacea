/**
 * The throwaway document the build finishes while Chromium loads the edition: it must go through the
 * same finishing and preflight code paths the edition does (a page with bleed, marks and text), or it
 * warms nothing.
 */
import { describe, expect, it } from 'vitest';
import { warmFinishing } from '../../src/pdf/index.js';
import { preflightDocument } from '../../src/preflight/index.js';

describe('warmFinishing', () => {
  it('finishes a one-page document with boxes and marks that the preflight reads to the end', async () => {
    const { doc, bytes } = await warmFinishing();
    expect(doc.getPageCount()).toBe(1);
    const page = doc.getPage(0);
    // Marks widen the sheet beyond the bleed box; the trim box sits inside it.
    expect(page.getMediaBox().width).toBeGreaterThan(page.getBleedBox().width);
    expect(page.getTrimBox().width).toBeLessThan(page.getBleedBox().width);
    const report = preflightDocument('sample.pdf', doc, bytes, { press: false });
    expect(report.pages).toBe(1);
    expect(report.issues.map((i) => i.check)).not.toContain('structure');
  });
});
