/**
 * Preflight reads somebody else's file, so a hostile or damaged one must still end in a verdict: a page
 * tree whose /Kids points back at itself, a content stream of 100,000 nested arrays, and thousands of
 * randomly mutated PDFs (fast-check) each give a report, never "Maximum call stack size exceeded" or
 * any other exception. The PDFs are built here with pdf-lib, uncompressed, so mutations hit real syntax.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflight } from '../../src/preflight/index.js';
import type { PreflightReport } from '../../src/preflight/types.js';

const NESTING = 100_000;
const FUZZ_RUNS = 2_000;
const CHECKS = new Set(['fonts', 'boxes', 'bleed', 'colour', 'images', 'page-size', 'pdfx', 'encryption', 'structure']);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zhuanban-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Write `bytes` to a file in the test folder and preflight it. */
async function check(name: string, bytes: Uint8Array): Promise<PreflightReport> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return preflight(path, { trimMm: { width: 100, height: 100 }, bleedMm: 3 });
}

/** A report that is a verdict: passed or not, and every issue names a known check. */
function expectVerdict(report: PreflightReport): void {
  expect(typeof report.passed).toBe('boolean');
  expect(Array.isArray(report.issues)).toBe(true);
  for (const issue of report.issues) expect(CHECKS.has(issue.check), issue.check).toBe(true);
  expect(report.passed).toBe(report.issues.length === 0);
}

/** A small but varied PDF: two pages with boxes, text, RGB and grey colour, an image, a form and an inline image. */
async function seedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { context } = doc;
  const image = context.register(
    context.stream('\x00\x10\x20\x30\x40\x50', {
      Type: 'XObject',
      Subtype: 'Image',
      Width: 2,
      Height: 1,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
    }),
  );
  const form = context.register(
    context.stream('q 0.5 g 0 0 10 10 re f [1 [2 (x)] <</K [3 4]>>] pop Q', {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 10, 10],
      Resources: {},
    }),
  );
  const font = context.register(context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica' }));
  for (let n = 0; n < 2; n++) {
    const page = doc.addPage([300, 300]);
    page.node.set(PDFName.of('TrimBox'), context.obj([8.5, 8.5, 291.5, 291.5]));
    page.node.set(PDFName.of('BleedBox'), context.obj([0, 0, 300, 300]));
    page.node.set(PDFName.of('Resources'), context.obj({ Font: { F1: font }, XObject: { Im1: image, Fm1: form } }));
    const content = [
      'q 1 0 0 1 20 20 cm BT /F1 12 Tf (Page \\(one\\)) Tj [(A) -20 <0042>] TJ ET Q',
      '0 0 0 rg 0.2 0.4 0.6 RG 10 10 50 50 re B',
      'q 100 0 0 50 50 50 cm /Im1 Do Q q /Fm1 Do Q',
      'q 20 0 0 20 10 200 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\x7f\x80\xff EI Q',
      '/Artifact <</MCID 0>> BDC EMC',
    ].join('\n');
    page.node.set(PDFName.of('Contents'), context.register(context.stream(content)));
  }
  return doc.save({ useObjectStreams: false });
}

describe('preflight on hostile PDFs', () => {
  it('gives a verdict for a page tree whose /Kids points back at itself', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const pagesRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    doc.catalog.lookup(PDFName.of('Pages'), PDFDict).lookup(PDFName.of('Kids'), PDFArray).push(pagesRef);
    const report = await check('kids-cycle.pdf', await doc.save({ useObjectStreams: false }));
    expectVerdict(report);
    expect(report.passed).toBe(false);
    expect(report.pages).toBe(1);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ check: 'structure', page: null, message: expect.stringMatching(/cycle/) }),
    );
  });

  it('gives a verdict for a page whose /Parent is itself and a tree node listed twice', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    const pageRef = doc.context.getObjectRef(page.node)!;
    page.node.set(PDFName.of('Parent'), pageRef);
    page.node.delete(PDFName.of('Resources'));
    const kids = doc.catalog.lookup(PDFName.of('Pages'), PDFDict).lookup(PDFName.of('Kids'), PDFArray);
    kids.push(pageRef);
    doc.catalog.lookup(PDFName.of('Pages'), PDFDict).set(PDFName.of('Count'), PDFNumber.of(2));
    const report = await check('parent-loop.pdf', await doc.save({ useObjectStreams: false }));
    expectVerdict(report);
    expect(report.pages).toBe(1);
    expect(report.issues.some((i) => i.check === 'structure')).toBe(true);
  });

  it(`gives a verdict for a content stream of ${NESTING.toLocaleString('en')} nested arrays`, async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    const content = `${'['.repeat(NESTING)}${']'.repeat(NESTING)} pop 0 0 m ${'<<'.repeat(NESTING)} 1 0 0 rg`;
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
    const report = await check('nested.pdf', await doc.save({ useObjectStreams: false }));
    expectVerdict(report);
    expect(report.passed).toBe(false);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        check: 'structure',
        page: 1,
        message: expect.stringMatching(/nests arrays or dictionaries deeper/),
      }),
    );
  });

  it('gives a verdict for bytes that are not a PDF at all', async () => {
    const report = await check('not-a-pdf.pdf', new TextEncoder().encode('%PDF-1.7\n<< /Type /Catalog'));
    expectVerdict(report);
    expect(report.passed).toBe(false);
  });

  it('gives a verdict, never an exception, for randomly mutated PDFs (fast-check)', { timeout: 300_000 }, async () => {
    const seed = await seedPdf();
    const pristine = await check('seed.pdf', seed);
    expectVerdict(pristine);
    expect(pristine.pages).toBe(2);
    const fragments = [
      '[',
      ']',
      '<<',
      '>>',
      '(',
      ')',
      '<',
      '>',
      '{',
      '}',
      '/',
      '%',
      '\\',
      ' R ',
      ' 1 0 R ',
      ' 3 0 R',
      ' 0 0 R',
      '-1',
      '1e309',
      'obj',
      'endobj',
      'stream\n',
      '\nendstream',
      'BI',
      ' ID ',
      ' EI ',
      'q',
      'Q',
      ' cm',
      ' Do',
      ' Tf',
      ' TJ',
      '/Kids [3 0 R]',
      '/Parent 3 0 R',
      '/Resources 3 0 R',
      '/Length 999999',
      '/Filter /FlateDecode',
      '['.repeat(5_000),
      '<<'.repeat(5_000),
      '('.repeat(5_000),
      'xref',
      'trailer',
    ];
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...fragments) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
      fc.record({
        kind: fc.constant('repeat' as const),
        at: fc.nat(),
        length: fc.integer({ min: 1, max: 64 }),
        times: fc.integer({ min: 2, max: 50 }),
      }),
      fc.record({ kind: fc.constant('ref' as const), nth: fc.nat(), to: fc.integer({ min: 0, max: 12 }) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        let bytes: Buffer = Buffer.from(seed);
        for (const m of mutations) bytes = mutate(bytes, m);
        const report = await check(`fuzz-${run++ % 4}.pdf`, bytes);
        expectVerdict(report);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

type Mutation =
  | { kind: 'byte'; at: number; value: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'ref'; nth: number; to: number };

/** One mutation of a PDF's bytes (positions wrap around the file's length). */
function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = 'at' in m ? m.at % Math.max(1, bytes.length) : 0;
  switch (m.kind) {
    case 'byte': {
      const out = Buffer.from(bytes);
      out[at] = m.value;
      return out;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, 'latin1'), bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    case 'repeat': {
      const slice = bytes.subarray(at, at + m.length);
      return Buffer.concat([
        bytes.subarray(0, at),
        ...Array.from({ length: m.times }, () => slice),
        bytes.subarray(at + m.length),
      ]);
    }
    case 'ref': {
      // Point one indirect reference at another object: the usual way real files grow cycles.
      const text = bytes.toString('latin1');
      const refs = [...text.matchAll(/\b\d+ 0 R\b/g)];
      if (!refs.length) return bytes;
      const hit = refs[m.nth % refs.length]!;
      return Buffer.from(`${text.slice(0, hit.index)}${m.to} 0 R${text.slice(hit.index! + hit[0].length)}`, 'latin1');
    }
  }
}
