/**
 * finishPdf on real Chromium output: boxes per pdfinfo, marks visible outside the trim and
 * absent inside it in a rendered PNG, fonts per pdffonts, Chinese bookmarks per pdfjs, document data.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  PDFArray,
  PDFContentStream,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFOperator,
  type PDFOperatorNames,
} from 'pdf-lib';
import { type Name, operations } from '../../src/pdf-read/content-operations.js';
import { REGISTRATION_CS } from '../../src/pdf/registration-colour.js';
import { contentBytes } from '../../src/pdf-read/objects.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishedPdf, finishPdf } from '../../src/pdf/index.js';
import { preflight, preflightDocument } from '../../src/preflight/index.js';
import { BLEED, fixtureMeta, fontRows, HEADLINES, pageBoxes, pt, renderPdfs, tempDir, tool, TRIM } from './helpers.js';
import { readPng } from './png.js';

let dir: string;
let chromium: Uint8Array;
let marked: string;
let unmarked: string;

beforeAll(async () => {
  dir = await tempDir();
  [chromium] = (await renderPdfs([{}])) as [Uint8Array];
  marked = join(dir, 'marked.pdf');
  unmarked = join(dir, 'unmarked.pdf');
  await writeFile(marked, await finishPdf(chromium, fixtureMeta(), { bleedMm: BLEED, marks: true, trimMm: TRIM }));
  await writeFile(unmarked, await finishPdf(chromium, fixtureMeta(), { bleedMm: BLEED, marks: false, trimMm: TRIM }));
});

const close = (actual: number[], expected: number[], tolerance = 0.02) =>
  actual.forEach((v, i) => {
    expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(tolerance);
  });

describe('page boxes', () => {
  it('gives every page a TrimBox inset by the bleed and a MediaBox with a 12 mm slug', async () => {
    const pages = await pageBoxes(marked);
    expect(pages).toHaveLength(2);
    for (const boxes of pages) {
      const [bx0, by0, bx1, by1] = boxes.BleedBox!;
      close(boxes.TrimBox!, [bx0! + pt(BLEED), by0! + pt(BLEED), bx1! - pt(BLEED), by1! - pt(BLEED)]);
      close(boxes.MediaBox!, [bx0! - pt(12), by0! - pt(12), bx1! + pt(12), by1! + pt(12)]);
      const [tx0, ty0, tx1, ty1] = boxes.TrimBox!;
      expect(Math.abs(tx1! - tx0! - pt(TRIM.width))).toBeLessThan(pt(0.5));
      expect(Math.abs(ty1! - ty0! - pt(TRIM.height))).toBeLessThan(pt(0.5));
    }
  });

  it('are exactly the configured size although Chromium rounds the page up, and sit on the content', async () => {
    const boxesOf = async (bytes: Uint8Array) => {
      const doc = await PDFDocument.load(bytes);
      const node = doc.getPages()[0]!.node;
      const box = (key: string) =>
        node.lookup(PDFName.of(key))!.toString().replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number);
      const cm = [...operations(contentBytes(doc.context, node.get(PDFName.of('Contents'))))].find(
        (o) => o.op === 'cm',
      )!.args as number[];
      return { trim: box('TrimBox'), bleed: box('BleedBox'), media: box('MediaBox'), cssOrigin: [cm[4]!, cm[5]!] };
    };
    const raw = await PDFDocument.load(chromium);
    const rounding = raw.getPages()[0]!.getWidth() - pt(TRIM.width + 2 * BLEED);
    expect(rounding).toBeGreaterThan(0.1); // Chromium's page is wider than asked (here ~0.18 mm)
    const exact = await boxesOf(await readFile(marked));
    const [tx0, ty0, tx1, ty1] = exact.trim as [number, number, number, number];
    expect(Math.abs(tx1 - tx0 - pt(TRIM.width))).toBeLessThan(0.002);
    expect(Math.abs(ty1 - ty0 - pt(TRIM.height))).toBeLessThan(0.002);
    // Chromium lays CSS out from the top-left: CSS (0,0) is PDF (cm e, cm f); the trim starts one bleed in from there.
    expect(Math.abs(tx0 - (exact.cssOrigin[0]! + pt(BLEED)))).toBeLessThan(0.002);
    expect(Math.abs(ty1 - (exact.cssOrigin[1]! - pt(BLEED)))).toBeLessThan(0.002);
    close(exact.bleed, [tx0 - pt(BLEED), ty0 - pt(BLEED), tx1 + pt(BLEED), ty1 + pt(BLEED)], 0.002);
    // pdfinfo -box, the measure, agrees to its two decimals.
    const [info] = await pageBoxes(marked);
    close(info!.TrimBox!, exact.trim, 0.006);
    // Without the configured trim the boxes follow Chromium's rounded page (the old behaviour): off by the rounding.
    const loose = await boxesOf(await finishPdf(chromium, fixtureMeta(), { bleedMm: BLEED, marks: true }));
    expect(loose.trim[2]! - loose.trim[0]! - pt(TRIM.width)).toBeCloseTo(rounding, 3);
  });

  it('without marks the MediaBox is the BleedBox, and the TrimBox is still there', async () => {
    for (const boxes of await pageBoxes(unmarked)) {
      close(boxes.MediaBox!, boxes.BleedBox!);
      expect(boxes.TrimBox![0]).toBeGreaterThan(boxes.BleedBox![0]! + pt(BLEED) - 0.02);
    }
  });
});

describe('marks', () => {
  it('are drawn at the trim corners outside the bleed and never inside the trim', async () => {
    const dpi = 72;
    await tool('pdftoppm', [
      '-r',
      String(dpi),
      '-aaVector',
      'no',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      marked,
      join(dir, 'marked'),
    ]);
    const png = await readPng(join(dir, 'marked-1.png'));
    const px = (mm: number) => Math.round((mm * dpi) / 25.4);
    const slug = 12;
    const trimLeft = px(slug + BLEED);
    const trimRight = px(slug + BLEED + TRIM.width);
    const trimBottom = px(slug + BLEED + TRIM.height);
    const dark = (x0: number, y0: number, x1: number, y1: number) =>
      png.count(x0, y0, x1, y1, ([r, g, b]) => r + g + b < 200);
    // Crop marks: in line with each trim edge, between bleed and media edge.
    for (const x of [trimLeft, trimRight]) {
      expect(dark(x - 1, 0, x + 1, px(slug))).toBeGreaterThan(5); // above the page
      expect(dark(x - 1, trimBottom + px(BLEED + 1), x + 1, trimBottom + px(slug))).toBeGreaterThan(5); // below it
    }
    // Inside the trim the bottom corners are white paper: not one mark pixel.
    const inset = px(8);
    expect(dark(trimLeft + 1, trimBottom - inset, trimLeft + inset, trimBottom - 1)).toBe(0);
    expect(dark(trimRight - inset, trimBottom - inset, trimRight - 1, trimBottom - 1)).toBe(0);
    expect(
      png.count(
        trimLeft + 1,
        trimBottom - inset,
        trimLeft + inset,
        trimBottom - 1,
        ([r, g, b]) => r > 240 && g > 240 && b > 240,
      ),
    ).toBe((inset - 1) * (inset - 1));
    // The red band is a full-bleed element: it covers the bleed above the trim's top-left corner.
    const [r, g, b] = png.at(px(slug + 1), px(slug + 1));
    expect(r).toBeGreaterThan(150);
    expect(g + b).toBeLessThan(150);
    // The slug line sits in the bottom slug.
    expect(dark(trimLeft, trimBottom + px(BLEED + 8), trimRight, png.height)).toBeGreaterThan(50);
  });

  it('leave everything inside the BleedBox exactly as Chromium drew it', async () => {
    // At 127 dpi the 12 mm slug is exactly 60 px, so both renders share a pixel grid.
    for (const [file, name] of [
      [marked, 'm127'],
      [unmarked, 'u127'],
    ] as const) {
      await tool('pdftoppm', ['-r', '127', '-aaVector', 'no', '-png', '-f', '1', '-l', '1', file, join(dir, name)]);
    }
    const withMarks = await readPng(join(dir, 'm127-1.png'));
    const without = await readPng(join(dir, 'u127-1.png'));
    expect(withMarks.width - without.width - 120).toBeGreaterThanOrEqual(0); // pdftoppm rounds a fractional page size up: 120 or 121
    expect(withMarks.width - without.width - 120).toBeLessThanOrEqual(1);
    let differing = 0;
    for (let y = 0; y < without.height; y++) {
      for (let x = 0; x < without.width; x++) {
        const a = without.at(x, y);
        const b = withMarks.at(x + 60, y + 60);
        if (Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 30) differing++;
      }
    }
    expect(differing).toBe(0);
  });

  it('use the registration colour (Separation /All)', async () => {
    const doc = await PDFDocument.load(await readFile(marked));
    const spaces = doc.getPages()[0]!.node.Resources()!.lookup(PDFName.of('ColorSpace'))!.toString();
    expect(spaces).toMatch(/ZbRegistration/);
    const space = doc.context
      .enumerateIndirectObjects()
      .map(([, o]) => o.toString())
      .find((s) => s.includes('/Separation'));
    expect(space).toMatch(/\/Separation \/All \/DeviceCMYK/);
  });

  it('are written byte for byte as pdf-lib writes the same operators', async () => {
    const doc = await PDFDocument.load(await readFile(marked));
    const contents = doc.getPages()[0]!.node.lookup(PDFName.of('Contents'), PDFArray);
    const marks = contentBytes(doc.context, contents.get(contents.size() - 1));
    const operators = [...operations(marks)].map(({ op, args }) =>
      PDFOperator.of(
        op as PDFOperatorNames,
        args.map((a) => (typeof a === 'number' ? PDFNumber.of(a) : PDFName.of((a as Name).value))),
      ),
    );
    expect(operators.length).toBeGreaterThan(100);
    // contentBytes ends each part with a newline of its own.
    const written = PDFContentStream.of(doc.context.obj({}), operators, false).getUnencodedContents();
    expect(Buffer.from(marks.subarray(0, -1)).toString('latin1')).toBe(Buffer.from(written).toString('latin1'));
  });
});

describe('fonts and text', () => {
  it('lists only embedded, subset, non-Type-3 fonts', async () => {
    const rows = await fontRows(marked);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ emb: 'yes', sub: 'yes' });
    expect(rows.map((r) => r.type)).not.toContain('Type 3');
  });

  it('keeps the Chinese text extractable and keeps the slug line out of it', async () => {
    const text = await tool('pdftotext', [marked, '-']);
    expect(text).toContain(HEADLINES[0]![0]);
    expect(text).not.toContain('BUILT');
  });
});

describe('document data', () => {
  it('has title, author, subject, keywords, dates from meta, tagging, XMP and zh-CN', async () => {
    const info = await tool('pdfinfo', [marked]);
    expect(info).toMatch(/^Title:\s+示例日报 卫生健康专版 2025-06-01$/m);
    expect(info).toMatch(/^Author:\s+示例日报$/m);
    expect(info).toMatch(/^Subject:\s+卫生健康 2025-06-01$/m);
    expect(info).toMatch(/^Keywords:\s+卫生健康 专版 示例日报$/m);
    expect(info).toMatch(/^Producer:\s+zhuanban test$/m);
    expect(info).toMatch(/^CreationDate:\s+Sun Jun\s+1 08:30:00 2025 UTC$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    const doc = await PDFDocument.load(await readFile(marked));
    expect(doc.catalog.lookup(PDFName.of('Lang'))!.toString()).toBe('(zh-CN)');
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'))!.toString()).toMatch(/Marked true/);
    expect(await tool('pdfinfo', ['-meta', marked])).toContain(
      '<rdf:li xml:lang="x-default">示例日报 卫生健康专版 2025-06-01</rdf:li>',
    );
  });

  it('has bookmarks per page and per article with the Chinese headlines', async () => {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(marked)) }).promise;
    const outline = await pdf.getOutline();
    expect(outline.map((item) => item.title)).toEqual(['第19版 卫生健康', '第20版 卫生健康']);
    expect(outline.map((item) => item.items.map((child) => child.title))).toEqual(HEADLINES);
    for (const [index, item] of outline.entries()) {
      expect(await pdf.getPageIndex(item.dest![0] as never)).toBe(index);
      for (const child of item.items) {
        expect(await pdf.getPageIndex(child.dest![0] as never)).toBe(index);
        expect((child.dest![1] as { name: string }).name).toBe('XYZ'); // position borrowed from Chromium's heading outline
      }
    }
    expect(await tool('pdfinfo', ['-dests', marked])).toBeDefined();
    await pdf.destroy();
  });

  it('labels pages with the newspaper page numbers', async () => {
    const pdf = await getDocument({ data: new Uint8Array(await readFile(marked)) }).promise;
    expect(await pdf.getPageLabels()).toEqual(['19', '20']);
    await pdf.destroy();
  });

  it('refuses metadata that does not match the page count', async () => {
    const meta = fixtureMeta();
    meta.pages.pop();
    await expect(finishPdf(chromium, meta, { bleedMm: BLEED, marks: true })).rejects.toThrow(
      /1 pages but Chromium produced 2/,
    );
  });
});

describe('the finished document in memory', () => {
  it('reads as the file written from it: the same page content (marks included) and the same preflight verdict', async () => {
    const finished = await finishedPdf(chromium, fixtureMeta(), { bleedMm: BLEED, marks: true, trimMm: TRIM });
    const path = join(dir, 'in-memory.pdf');
    await writeFile(path, finished.bytes);
    const written = await PDFDocument.load(finished.bytes);
    // What each page says, as decoded operations (text shown, marks drawn), not how its stream is encoded.
    const contents = (doc: PDFDocument) =>
      doc.getPages().map((page) => [...operations(contentBytes(doc.context, page.node.get(PDFName.of('Contents'))))]);
    const inMemory = contents(finished.doc);
    expect(inMemory).toHaveLength(2);
    for (const ops of inMemory) {
      expect(ops.some((o) => o.op === 'Tj' || o.op === 'TJ')).toBe(true); // the page's text
      expect(ops.some((o) => o.op === 'CS' && (o.args[0] as Name).value === REGISTRATION_CS)).toBe(true); // its marks
    }
    expect(inMemory).toEqual(contents(written));
    for (const press of [false, true]) {
      const options = { trimMm: TRIM, bleedMm: BLEED, press };
      expect(preflightDocument(path, finished.doc, finished.bytes, options)).toEqual(await preflight(path, options));
    }
    // A verdict both readings share must still be the right one: the finished edition passes.
    expect(
      preflightDocument(path, finished.doc, finished.bytes, { trimMm: TRIM, bleedMm: BLEED, press: false }).passed,
    ).toBe(true);
  });
});
