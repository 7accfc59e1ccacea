/**
 * makePdfX: Ghostscript's file is identified as PDF/X-1a:2001 and measured to be one (PDF 1.3,
 * output intent, no RGB or other device-independent colour, no transparency, boxes exact), fonts still
 * embedded TrueType (not Type 3), and the Chinese text still extracts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPdf, makePdfX } from '../../src/pdf/index.js';
import { preflight } from '../../src/preflight/index.js';
import { operations } from '../../src/pdf-read/content-operations.js';
import { contentBytes } from '../../src/pdf-read/objects.js';
import { BLEED, fixtureMeta, fontRows, HEADLINES, pageBoxes, pt, renderPdfs, tempDir, tool, TRIM } from './helpers.js';

let dir: string;
let finished: string;
let pdfx: string;
let warnings: string[];

beforeAll(async () => {
  dir = await tempDir();
  const [chromium] = await renderPdfs([{ image: { pixels: 400, mm: 40 } }]);
  finished = join(dir, 'edition.pdf');
  pdfx = join(dir, 'edition-pdfx.pdf');
  await writeFile(finished, await finishPdf(chromium!, fixtureMeta(), { bleedMm: BLEED, marks: true, trimMm: TRIM }));
  ({ warnings } = await makePdfX(finished, pdfx, fixtureMeta(), { timeoutMs: 60_000 }));
});

/** Every indirect object's dictionary as text (streams: their dictionary). */
const objectTexts = async (file: string) => {
  const doc = await PDFDocument.load(await readFile(file));
  return doc.context.enumerateIndirectObjects().map(([, o]) => (o instanceof PDFRawStream ? o.dict : o).toString());
};

describe('PDF/X-1a via Ghostscript', () => {
  it('is identified as PDF/X-1a:2001 on PDF 1.3, and preflight measures it as such', async () => {
    const info = await tool('pdfinfo', [pdfx]);
    expect(info).toMatch(/^PDF version:\s+1\.3$/m);
    expect(info).toMatch(/^PDF subtype:\s+PDF\/X-1:2001$/m);
    expect(info).toMatch(/^\s+Subtitle:\s+Part 1: Complete exchange using CMYK data \(PDF\/X-1 and PDF\/X-1a\)$/m);
    const doc = await PDFDocument.load(await readFile(pdfx), { updateMetadata: false });
    const infoDict = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect(infoDict.lookup(PDFName.of('GTS_PDFXConformance'))!.toString()).toBe('(PDF/X-1a:2001)');
    expect(infoDict.get(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
    const report = await preflight(pdfx, { trimMm: TRIM, bleedMm: BLEED });
    expect(report.issues).toEqual([]);
    expect(report.pdfx).toEqual({
      version: 'PDF/X-1:2001',
      conformance: 'PDF/X-1a:2001',
      standard: 'PDF/X-1a:2001',
      pdfVersion: '1.3',
      outputCondition: 'CGATS TR 001',
      trapped: 'False',
    });
    expect(warnings).toEqual([]);
  });

  it('carries one CMYK output intent with an embedded output profile', async () => {
    const doc = await PDFDocument.load(await readFile(pdfx));
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = doc.context.lookup(intents.get(0), PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'))!.toString()).toBe('(CGATS TR 001)');
    const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
    expect(profile.dict.lookup(PDFName.of('N'))!.toString()).toBe('4');
  });

  it('has no RGB or device-independent colour left, while its RGB input fails the same check', async () => {
    const input = await preflight(finished, { press: true });
    expect(input.issues.filter((i) => i.check === 'colour').length).toBeGreaterThan(0);
    const output = await preflight(pdfx, { press: true });
    expect(output.issues.filter((i) => i.check === 'colour')).toEqual([]);
    // Independent of our content parser: no RGB, ICC-based, Lab or calibrated colour-space object anywhere.
    expect(
      (await objectTexts(pdfx)).filter((o) => /\/DeviceRGB|\/CalRGB|\/CalGray|\/ICCBased|\/Lab\b/.test(o)),
    ).toEqual([]);
    // Ghostscript's ink coverage device reads it as CMYK on every page.
    const inkcov = await tool('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-sDEVICE=inkcov', '-o', '-', pdfx]);
    expect(
      inkcov
        .trim()
        .split('\n')
        .filter((line) => /CMYK OK/.test(line)),
    ).toHaveLength(2);
  });

  it('has no transparency: no soft masks, groups, alpha or blend modes (Chromium writes /ca 1 /BM /Normal)', async () => {
    expect((await objectTexts(finished)).some((o) => /\/ca 1/.test(o))).toBe(true); // the input has them
    expect((await objectTexts(pdfx)).filter((o) => /\/SMask|\/Group|\/CA\b|\/ca\b|\/BM\b/.test(o))).toEqual([]);
  });

  it('puts black type on the K plate alone, not a four-colour rich black', async () => {
    const doc = await PDFDocument.load(await readFile(pdfx));
    const page = doc.getPages()[1]!.node;
    const ops = [...operations(contentBytes(doc.context, page.get(PDFName.of('Contents'))))];
    expect(ops.filter((o) => o.op === 'g').map((o) => o.args)).toContainEqual([0]); // DeviceGray black prints on K only
    const cmyk = ops.filter((o) => o.op === 'k').map((o) => o.args as number[]);
    expect(cmyk.filter(([c, m, y, k]) => c! > 0.3 && m! > 0.3 && y! > 0.3 && k! > 0.3)).toEqual([]);
  });

  it('keeps the exact boxes of the input, moved with the content to the origin', async () => {
    const [before, after] = await Promise.all(
      [finished, pdfx].map(async (f) => (await PDFDocument.load(await readFile(f))).getPages()),
    );
    for (const [index, page] of after!.entries()) {
      const source = before![index]!;
      const dx = page.getMediaBox().x - source.getMediaBox().x;
      const dy = page.getMediaBox().y - source.getMediaBox().y;
      for (const key of ['MediaBox', 'BleedBox', 'TrimBox'] as const) {
        const [a, b] = [source[`get${key}`](), page[`get${key}`]()];
        const error = Math.max(
          Math.abs(b.x - dx - a.x),
          Math.abs(b.y - dy - a.y),
          Math.abs(b.width - a.width),
          Math.abs(b.height - a.height),
        );
        expect(error, `${key} of page ${index + 1}`).toBeLessThan(0.002);
      }
      expect(Math.abs(page.getTrimBox().width - pt(TRIM.width))).toBeLessThan(0.002);
      expect(Math.abs(page.getTrimBox().height - pt(TRIM.height))).toBeLessThan(0.002);
    }
    for (const boxes of await pageBoxes(pdfx))
      expect(boxes.BleedBox![0]).toBeCloseTo(boxes.TrimBox![0]! - pt(BLEED), 2);
  });

  it('keeps embedded non-Type-3 fonts, extractable Chinese text and the bookmarks; not the tags', async () => {
    const rows = await fontRows(pdfx);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ emb: 'yes', sub: 'yes', type: 'CID TrueType' });
    expect(await tool('pdftotext', [pdfx, '-'])).toContain(HEADLINES[1]![0]);
    const pdf = await getDocument({ data: new Uint8Array(await readFile(pdfx)) }).promise;
    expect((await pdf.getOutline()).map((item) => item.items.map((child) => child.title))).toEqual(HEADLINES);
    await pdf.destroy();
    // Ghostscript 10.00 drops marked content and the structure tree (docs/print-ready.md, "PDF/X for press").
    expect(await tool('pdfinfo', [pdfx])).toMatch(/^Tagged:\s+no$/m);
  });

  it('extracts the same text as its input, character for character (Ghostscript 10.00 garbles ToUnicode; tounicode-repair.ts)', async () => {
    // Ghostscript reorders the text objects, so compare the sorted lines; both must hold real Chinese copy.
    const lines = async (file: string) =>
      (await tool('pdftotext', [file, '-']))
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .sort();
    const [input, output] = [await lines(finished), await lines(pdfx)];
    expect(input.join('')).toMatch(/[\u4e00-\u9fff]{20}/);
    expect(output).toEqual(input);
    expect(warnings.filter((w) => /ToUnicode|glyph/i.test(w))).toEqual([]);
  });

  it('says clearly when Ghostscript is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = dir; // a folder without gs
    try {
      await expect(makePdfX(finished, join(dir, 'never.pdf'), fixtureMeta(), { timeoutMs: 10_000 })).rejects.toThrow(
        /gs not found: install the Debian package "ghostscript"/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
