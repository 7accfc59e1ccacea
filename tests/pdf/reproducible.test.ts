/**
 * Reproducible builds (issue #6): two separate Chromium renders of the same input, finished with the same
 * build time, give byte-identical files; the build time really is what is written (a different date gives
 * a different file), so the equality is not vacuous.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/index.js';
import { BLEED, fixtureMeta, renderPdfs } from './helpers.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('reproducible edition.pdf', () => {
  it('two Chromium sessions + finishPdf with a fixed date give the same SHA-256', async () => {
    const [first] = await renderPdfs([{}]);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // Chromium stamps the wall clock (seconds) into CreationDate
    const [second] = await renderPdfs([{}]);
    expect(sha256(first!)).not.toBe(sha256(second!)); // raw Chromium output is not reproducible by itself
    const a = await finishPdf(first!, fixtureMeta(), { bleedMm: BLEED, marks: true });
    const b = await finishPdf(second!, fixtureMeta(), { bleedMm: BLEED, marks: true });
    expect(sha256(a)).toBe(sha256(b));

    const later = await finishPdf(first!, fixtureMeta(new Date(Date.UTC(2025, 5, 2))), { bleedMm: BLEED, marks: true });
    expect(sha256(later)).not.toBe(sha256(a));
    // The trailer /ID is derived from content, not random: present and identical across runs.
    const id = (bytes: Uint8Array) => /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^[0-9A-F]{32}$/);
    expect(id(a)).toBe(id(b));
    expect(id(later)).not.toBe(id(a));
  });
});
