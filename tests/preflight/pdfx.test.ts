/**
 * preflight's PDF/X rules on deliberately bad files: a file that merely claims PDF/X-1a:2001
 * (wrong PDF version, RGB, transparency, no output intent, no Trapped, no /ID) fails with those reasons and
 * pages; an incomplete X-1 identification fails; an encrypted file fails; files without a claim are not
 * held to PDF/X at all.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/index.js';
import { preflight } from '../../src/preflight/index.js';
import { BLEED, fixtureMeta, renderPdfs, tempDir, tool, TRIM } from '../pdf/helpers.js';

const files: Record<string, string> = {};
const messages = (issues: { check: string; page: number | null; message: string }[]) =>
  issues.filter((i) => i.check === 'pdfx').map((i) => `${i.page ?? '-'}: ${i.message}`);

/** Write Info keys onto a finished file the way a careless tool would "make" PDF/X: by saying so. */
async function claim(
  bytes: Uint8Array,
  keys: Record<string, string>,
  options: { dropTrapped?: boolean; dropId?: boolean } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  for (const [key, value] of Object.entries(keys)) info.set(PDFName.of(key), PDFString.of(value));
  if (options.dropTrapped) info.delete(PDFName.of('Trapped'));
  if (options.dropId) doc.context.trailerInfo.ID = undefined;
  return doc.save({ useObjectStreams: false });
}

beforeAll(async () => {
  const dir = await tempDir();
  const [translucent, plain] = await renderPdfs([{ translucent: true }, {}]);
  const finish = (pdf: Uint8Array) => finishPdf(pdf, fixtureMeta(), { bleedMm: BLEED, marks: true, trimMm: TRIM });
  const write = async (name: string, bytes: Uint8Array) => writeFile((files[name] = join(dir, `${name}.pdf`)), bytes);
  const x1a = { GTS_PDFXVersion: 'PDF/X-1:2001', GTS_PDFXConformance: 'PDF/X-1a:2001' };
  await write('plain', await finish(plain!));
  await write('fakeX1a', await claim(await finish(translucent!), x1a, { dropTrapped: true, dropId: true }));
  await write('noConformance', await claim(await finish(plain!), { GTS_PDFXVersion: 'PDF/X-1:2001' }));
  await tool('gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-sOwnerPassword=owner',
    '-sUserPassword=user',
    `-sOutputFile=${(files.encrypted = join(dir, 'encrypted.pdf'))}`,
    files.plain!,
  ]);
});

describe('preflight PDF/X rules', () => {
  it('fails a file that only claims PDF/X-1a:2001, with the document and page reasons', async () => {
    const report = await preflight(files.fakeX1a!, { trimMm: TRIM, bleedMm: BLEED });
    expect(report.passed).toBe(false);
    expect(report.pdfx).toMatchObject({
      standard: 'PDF/X-1a:2001',
      pdfVersion: '1.7',
      trapped: undefined,
      outputCondition: undefined,
    });
    const found = messages(report.issues);
    expect(found).toEqual(
      expect.arrayContaining([
        '-: PDF/X-1a:2001 is based on PDF 1.3, but the file is PDF 1.7',
        '-: Info /Trapped must be /True or /False, found none',
        '-: the trailer has no /ID (PDF/X requires one)',
        '-: 0 GTS_PDFX output intents; exactly one is required',
      ]),
    );
    expect(found).toContainEqual(
      expect.stringMatching(
        /^1: transparency, which PDF\/X-1a:2001 \(PDF 1\.3\) cannot hold: graphics state \/\w+ sets ca 0\.6$/,
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/^1: transparency, .*form \/\w+ is a transparency group$/));
    expect(found.filter((m) => /transparency/.test(m)).every((m) => m.startsWith('1:'))).toBe(true); // page 2 is opaque
    expect(found).toContainEqual('1: not CMYK, grey or spot colour (PDF/X-1a:2001): DeviceRGB colour set with rg/RG');
    expect(found).toContainEqual('2: not CMYK, grey or spot colour (PDF/X-1a:2001): DeviceRGB colour set with rg/RG');
  });

  it('needs GTS_PDFXConformance with the X-1:2001 version key', async () => {
    const report = await preflight(files.noConformance!, {});
    expect(messages(report.issues)).toContain(
      '-: GTS_PDFXVersion (PDF/X-1:2001) needs GTS_PDFXConformance (PDF/X-1a:2001), found none',
    );
  });

  it('does not hold a file without a PDF/X claim to PDF/X', async () => {
    const report = await preflight(files.plain!, { trimMm: TRIM, bleedMm: BLEED });
    expect(report).toMatchObject({ passed: true, issues: [] });
    expect(report.pdfx).toBeUndefined();
  });

  it('fails an encrypted file instead of reading garbage', async () => {
    expect(await tool('pdfinfo', ['-upw', 'user', files.encrypted!])).toMatch(/^Encrypted:\s+yes/m);
    const report = await preflight(files.encrypted!, {});
    expect(report.passed).toBe(false);
    expect(report.issues).toEqual([{ check: 'encryption', page: null, message: expect.stringMatching(/encrypted/) }]);
  });
});
