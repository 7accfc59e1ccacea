/**
 * preflight on deliberately bad PDFs made by real Chromium: a Type 3 font from Debian's CFF
 * Noto CJK, a raw Chromium file without boxes, RGB checked for press, too little bleed, the wrong trim,
 * a low-resolution image; and our own finished file passes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/index.js';
import { preflight, type PreflightIssue } from '../../src/preflight/index.js';
import { BLEED, fixtureMeta, fontRows, renderPdfs, tempDir, TRIM } from '../pdf/helpers.js';

const files: Record<string, string> = {};
const strict = { trimMm: TRIM, bleedMm: BLEED, press: false };
const checks = (issues: PreflightIssue[], check: PreflightIssue['check']) => issues.filter((i) => i.check === check);

beforeAll(async () => {
  const dir = await tempDir();
  const [good, type3, lowRes, highRes, thinBleed] = await renderPdfs([
    {},
    { family: 'Noto Serif CJK SC' },
    { image: { pixels: 20, mm: 40 } },
    { image: { pixels: 400, mm: 40 } },
    { bleedMm: 1 },
  ]);
  const finish = (pdf: Uint8Array, bleedMm = BLEED) => finishPdf(pdf, fixtureMeta(), { bleedMm, marks: true });
  const write = async (name: string, bytes: Uint8Array) => writeFile((files[name] = join(dir, `${name}.pdf`)), bytes);
  await write('finished', await finish(good!));
  await write('raw', good!);
  await write('type3', await finish(type3!));
  await write('lowRes', await finish(lowRes!));
  await write('highRes', await finish(highRes!));
  await write('thinBleed', await finish(thinBleed!, 1));
});

describe('preflight', () => {
  it('passes our own finished edition, even checked for press size, bleed and fonts', async () => {
    const report = await preflight(files.finished!, strict);
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ passed: true, pages: 2 });
    expect(report.fonts).toEqual([expect.objectContaining({ type: 'CID TrueType', embedded: true, subset: true })]);
  });

  it('fails a PDF using system Noto CJK (CFF → Type 3 in Chromium) on every page', async () => {
    expect((await fontRows(files.type3!)).map((r) => r.type)).toContain('Type 3'); // poppler agrees it is Type 3
    const report = await preflight(files.type3!, strict);
    expect(report.passed).toBe(false);
    const fonts = checks(report.issues, 'fonts');
    expect(fonts.map((i) => i.page)).toEqual([1, 2]);
    expect(fonts[0]!.message).toMatch(/Type 3/);
    expect(report.issues.filter((i) => i.check !== 'fonts')).toEqual([]); // nothing else is wrong with it
    expect(report.fonts.some((f) => f.type === 'Type 3')).toBe(true);
  });

  it('fails a raw Chromium PDF: no TrimBox/BleedBox, and its page is trim + bleed, not the trim', async () => {
    const report = await preflight(files.raw!, strict);
    const boxes = checks(report.issues, 'boxes');
    expect(boxes.map((i) => `${i.page}: ${i.message}`)).toEqual([
      '1: no TrimBox (the printer cannot know where to cut)',
      '1: no BleedBox',
      '2: no TrimBox (the printer cannot know where to cut)',
      '2: no BleedBox',
    ]);
    expect(checks(report.issues, 'page-size').map((i) => i.page)).toEqual([1, 2]);
    expect(checks(report.issues, 'page-size')[0]!.message).toMatch(
      /page size is 154\.\d+×216\.\d+ mm, configured trim is 148×210 mm/,
    );
  });

  it('fails RGB only when the file is meant for press', async () => {
    const press = await preflight(files.finished!, { ...strict, press: true });
    expect(press.passed).toBe(false);
    const colour = checks(press.issues, 'colour');
    expect(colour.map((i) => i.page)).toContain(1);
    expect(colour.map((i) => i.page)).toContain(2);
    expect(colour[0]!.message).toMatch(/RGB in a file meant for press: DeviceRGB/);
    expect(checks((await preflight(files.finished!, strict)).issues, 'colour')).toEqual([]);
  });

  it('fails a bleed smaller than required, and the wrong trim size', async () => {
    const thin = await preflight(files.thinBleed!, strict);
    expect(checks(thin.issues, 'bleed').map((i) => i.page)).toEqual([1, 2]);
    expect(checks(thin.issues, 'bleed')[0]!.message).toMatch(/^bleed is 1 mm, 3 mm required/);
    expect(checks(thin.issues, 'page-size')).toEqual([]);
    expect((await preflight(files.thinBleed!, { ...strict, bleedMm: 1 })).passed).toBe(true);

    const tabloid = await preflight(files.finished!, { ...strict, trimMm: { width: 275, height: 390 } });
    expect(checks(tabloid.issues, 'page-size')[0]!.message).toMatch(
      /trim size is 148\.\d+×210\.\d+ mm, configured trim is 275×390 mm/,
    );
  });

  it('fails an image under 200 ppi at its placed size and passes one above', async () => {
    const low = await preflight(files.lowRes!, strict);
    expect(checks(low.issues, 'images')).toEqual([
      {
        check: 'images',
        page: 1,
        message: expect.stringMatching(/is 13 ppi \(20×20 px placed at 40×40 mm\); at least 200 ppi needed/),
      },
    ]);
    expect((await preflight(files.highRes!, strict)).passed).toBe(true);
    expect(checks((await preflight(files.highRes!, { ...strict, minPpi: 300 })).issues, 'images')[0]!.message).toMatch(
      /is 254 ppi/,
    );
  });
});
