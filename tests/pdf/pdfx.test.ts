/**
 * makePdfX (issue #6): Ghostscript's PDF/X has an output intent, no RGB anywhere, boxes kept, fonts
 * still embedded TrueType (not Type 3), and the Chinese text still extracts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPdf, makePdfX } from '../../src/pdf/index.js';
import { preflight } from '../../src/preflight/index.js';
import { operations } from '../../src/preflight/content-tokens.js';
import { contentBytes } from '../../src/preflight/pdf-objects.js';
import { BLEED, fixtureMeta, fontRows, HEADLINES, pageBoxes, pt, renderPdfs, tempDir, tool, TRIM } from './helpers.js';

let dir: string;
let finished: string;
let pdfx: string;

beforeAll(async () => {
  dir = await tempDir();
  const [chromium] = await renderPdfs([{ image: { pixels: 400, mm: 40 } }]);
  finished = join(dir, 'edition.pdf');
  pdfx = join(dir, 'edition-pdfx.pdf');
  await writeFile(finished, await finishPdf(chromium!, fixtureMeta(), { bleedMm: BLEED, marks: true }));
  await makePdfX(finished, pdfx, fixtureMeta(), { timeoutMs: 60_000 });
});

describe('PDF/X via Ghostscript', () => {
  it('declares PDF/X and carries a CMYK output intent with an embedded profile', async () => {
    expect(await tool('pdfinfo', [pdfx])).toMatch(/^PDF subtype:\s+PDF\/X-3:2002$/m);
    const doc = await PDFDocument.load(await readFile(pdfx));
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = doc.context.lookup(intents.get(0), PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'))!.toString()).toBe('(CGATS TR 001)');
    const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
    expect(profile.dict.lookup(PDFName.of('N'))!.toString()).toBe('4');
  });

  it('has no RGB colour left, while its RGB input fails the same check', async () => {
    const input = await preflight(finished, { press: true });
    expect(input.issues.filter((i) => i.check === 'colour').length).toBeGreaterThan(0);
    const output = await preflight(pdfx, { press: true });
    expect(output.issues.filter((i) => i.check === 'colour')).toEqual([]);
    // Independent of our content parser: no RGB colour-space object anywhere in the file.
    const doc = await PDFDocument.load(await readFile(pdfx));
    const objects = doc.context.enumerateIndirectObjects().map(([, o]) => (o instanceof PDFRawStream ? o.dict : o).toString());
    expect(objects.filter((o) => /\/DeviceRGB|\/CalRGB/.test(o))).toEqual([]);
    // Ghostscript's ink coverage device reads it as CMYK on every page.
    const inkcov = await tool('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=inkcov', '-o', '-', pdfx]);
    expect(inkcov.trim().split('\n').filter((line) => /CMYK OK/.test(line))).toHaveLength(2);
  });

  it('puts black type on the K plate alone, not a four-colour rich black', async () => {
    const doc = await PDFDocument.load(await readFile(pdfx));
    const page = doc.getPages()[1]!.node;
    const ops = [...operations(contentBytes(doc.context, page.get(PDFName.of('Contents'))))];
    expect(ops.filter((o) => o.op === 'g').map((o) => o.args)).toContainEqual([0]); // DeviceGray black prints on K only
    const cmyk = ops.filter((o) => o.op === 'k').map((o) => o.args as number[]);
    expect(cmyk.filter(([c, m, y, k]) => c! > 0.3 && m! > 0.3 && y! > 0.3 && k! > 0.3)).toEqual([]);
  });

  it('keeps TrimBox/BleedBox, embedded non-Type-3 fonts and extractable Chinese text', async () => {
    for (const boxes of await pageBoxes(pdfx)) {
      const [x0, y0, x1, y1] = boxes.TrimBox!;
      expect(Math.abs(x1! - x0! - pt(TRIM.width))).toBeLessThan(pt(0.5));
      expect(Math.abs(y1! - y0! - pt(TRIM.height))).toBeLessThan(pt(0.5));
      expect(boxes.BleedBox![0]).toBeCloseTo(x0! - pt(BLEED), 1);
    }
    const rows = await fontRows(pdfx);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ emb: 'yes', sub: 'yes', type: 'CID TrueType' });
    expect(await tool('pdftotext', [pdfx, '-'])).toContain(HEADLINES[1]![0]);
    expect((await preflight(pdfx, { trimMm: TRIM, bleedMm: BLEED, press: true })).passed).toBe(true);
  });

  it('says clearly when Ghostscript is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir; // a folder without gs
    try {
      await expect(makePdfX(finished, join(dir, 'never.pdf'), fixtureMeta(), { timeoutMs: 10_000 })).rejects.toThrow(/gs not found: install the Debian package "ghostscript"/);
    } finally {
      process.env.PATH = path;
    }
  });
});
