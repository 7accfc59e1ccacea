/**
 * Reproducible builds: two separate Chromium renders of the same input, finished with the same
 * build time, give byte-identical files, and so do the PDF/X-1a files Ghostscript makes from them; the
 * build time really is what is written (a different date gives a different file), so the equality is not
 * vacuous.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishPdf, makePdfX } from '../../src/pdf/index.js';
import { BLEED, fixtureMeta, renderPdfs, tempDir, tool, TRIM } from './helpers.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const id = (bytes: Uint8Array) => /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(Buffer.from(bytes).toString('latin1'))?.[1];

describe('reproducible builds', () => {
  it('edition.pdf and edition-pdfx.pdf: two Chromium sessions with a fixed date give the same SHA-256', async () => {
    const [first] = await renderPdfs([{}]);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // Chromium stamps the wall clock (seconds) into CreationDate
    const [second] = await renderPdfs([{}]);
    expect(sha256(first!)).not.toBe(sha256(second!)); // raw Chromium output is not reproducible by itself
    const options = { bleedMm: BLEED, marks: true, trimMm: TRIM };
    const a = await finishPdf(first!, fixtureMeta(), options);
    const b = await finishPdf(second!, fixtureMeta(), options);
    expect(sha256(a)).toBe(sha256(b));

    const later = await finishPdf(first!, fixtureMeta(new Date(Date.UTC(2025, 5, 2))), options);
    expect(sha256(later)).not.toBe(sha256(a));
    // The trailer /ID is derived from content, not random: present and identical across runs.
    expect(id(a)).toMatch(/^[0-9A-F]{32}$/);
    expect(id(a)).toBe(id(b));
    expect(id(later)).not.toBe(id(a));

    // PDF/X: two Ghostscript runs (gs alone writes a time-based /ID) give the same bytes after our finishing.
    const dir = await tempDir();
    const pdfx = async (name: string, bytes: Uint8Array, date?: Date) => {
      await writeFile(join(dir, `${name}.pdf`), bytes);
      await makePdfX(join(dir, `${name}.pdf`), join(dir, `${name}-pdfx.pdf`), fixtureMeta(date), { timeoutMs: 60_000 });
      return readFile(join(dir, `${name}-pdfx.pdf`));
    };
    const [xa, xb] = [await pdfx('a', a), await pdfx('b', b)];
    expect(sha256(xa)).toBe(sha256(xb));
    const xLater = await pdfx('later', later, new Date(Date.UTC(2025, 5, 2)));
    expect(sha256(xLater)).not.toBe(sha256(xa));
    expect(id(xa)).toBe(id(xb));
    expect(await tool('pdfinfo', [join(dir, 'later-pdfx.pdf')])).toMatch(
      /^CreationDate:\s+Mon Jun\s+2 00:00:00 2025 UTC$/m,
    );
  });
});
