/**
 * What the PDF/X-1a route must refuse or repair: transparency (PDF 1.3 has none, and gs would
 * rasterise the page, text and all), hyperlinks (PDF/X allows no annotations on the page), and objects
 * Ghostscript silently drops (its warnings are returned, not swallowed).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPdf, makePdfX, PdfXTransparencyError } from '../../src/pdf/index.js';
import { ghostscriptArgs } from '../../src/pdf/pdfx.js';
import { findOutputProfile, pdfxDefinition } from '../../src/pdf/pdfx-definition.js';
import { finishPdfX, sourcePages } from '../../src/pdf/pdfx-finish.js';
import { preflight } from '../../src/preflight/index.js';
import { BLEED, fixtureMeta, fontRows, renderPdfs, tempDir, tool, TRIM } from './helpers.js';

let dir: string;
const files: Record<'translucent' | 'link' | 'hatch', string> = { translucent: '', link: '', hatch: '' };

beforeAll(async () => {
  dir = await tempDir();
  const rendered = await renderPdfs([{ translucent: true }, { link: true }, { hatch: true }]);
  for (const [index, name] of (['translucent', 'link', 'hatch'] as const).entries()) {
    files[name] = join(dir, `${name}.pdf`);
    await writeFile(
      files[name],
      await finishPdf(rendered[index]!, fixtureMeta(), { bleedMm: BLEED, marks: true, trimMm: TRIM }),
    );
  }
});

describe('PDF/X-1a refuses transparency', () => {
  it('rejects a page with opacity, naming the page and the graphics state, and writes nothing', async () => {
    const out = join(dir, 'translucent-pdfx.pdf');
    const run = makePdfX(files.translucent, out, fixtureMeta(), { timeoutMs: 60_000 });
    await expect(run).rejects.toBeInstanceOf(PdfXTransparencyError);
    await expect(run).rejects.toThrow(/page 1: graphics state \/\w+ sets ca 0\.6/);
    expect(existsSync(out)).toBe(false);
  });

  it('because Ghostscript would turn that page into a bitmap, which the after-check also catches', async () => {
    const raw = join(dir, 'translucent-gs.pdf');
    const definition = join(dir, 'PDFX_def.ps');
    const profile = findOutputProfile();
    await writeFile(definition, pdfxDefinition('t', profile));
    await tool('gs', ghostscriptArgs(files.translucent, raw, definition, profile.iccPath));
    const images = (await tool('pdfimages', ['-list', '-f', '1', '-l', '1', raw])).split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1); // the whole page as one image
    expect((await fontRows(raw)).length).toBeGreaterThan(0); // page 2 (opaque) keeps its font …
    expect(await tool('pdftotext', ['-f', '1', '-l', '1', raw, '-'])).not.toMatch(/半透明|卫生/); // … page 1 has no text left
    const source = sourcePages(await PDFDocument.load(await readFile(files.translucent)));
    await expect(finishPdfX(await readFile(raw), source, fixtureMeta())).rejects.toThrow(/turned page 1 into a bitmap/);
  });
});

describe('PDF/X-1a repairs and reports', () => {
  it('drops hyperlinks (no annotations in PDF/X) and keeps their text', async () => {
    const input = await PDFDocument.load(await readFile(files.link));
    expect(input.getPages()[0]!.node.lookup(PDFName.of('Annots'))!.toString()).toMatch(/\d+ 0 R/); // Chromium wrote a link
    const out = join(dir, 'link-pdfx.pdf');
    await makePdfX(files.link, out, fixtureMeta(), { timeoutMs: 60_000 });
    const doc = await PDFDocument.load(await readFile(out));
    expect(doc.getPages().map((page) => page.node.get(PDFName.of('Annots')))).toEqual([undefined, undefined]);
    expect(await tool('pdftotext', [out, '-'])).toContain('链接文字');
    expect((await preflight(out, { trimMm: TRIM, bleedMm: BLEED })).issues).toEqual([]);
  });

  it("returns Ghostscript's warnings: gs 10.00 drops Chromium's repeating-gradient shading", async () => {
    const { warnings } = await makePdfX(files.hatch, join(dir, 'hatch-pdfx.pdf'), fixtureMeta(), { timeoutMs: 60_000 });
    expect(warnings).toContain('error in pattern');
  });
});
