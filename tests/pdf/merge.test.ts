/**
 * Joining separately printed PDFs (a large edition's batches, or shards): the pages and their text in
 * order, the heading bookmarks moved to the copied pages, and one font program per font instead of one per
 * part, still CID TrueType, with every character still extractable.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { mergePdfs } from '../../src/pdf/merge.js';
import { fontRows, renderPdfs, tempDir, tool } from './helpers.js';
import { outlineLines } from '../helpers/outline.js';

/** Font programs embedded in a PDF. */
async function fontPrograms(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .filter(([, o]) => o instanceof PDFDict && o.has(PDFName.of('FontFile2'))).length;
}

describe('mergePdfs', () => {
  it('joins parts page by page with one font program per font', async () => {
    const parts = await renderPdfs([{}, { translucent: true, link: true }]);
    const merged = await mergePdfs(parts);
    const dir = await tempDir();
    const files = await Promise.all(
      [...parts, merged].map(async (bytes, i) => {
        const file = join(dir, `${i}.pdf`);
        await writeFile(file, bytes);
        return file;
      }),
    );
    const text = (file: string) => tool('pdftotext', [file, '-']);
    expect(await text(files[2]!)).toBe((await text(files[0]!)) + (await text(files[1]!)));
    expect(await text(files[2]!)).toContain('半透明的文字');
    expect(await fontPrograms(parts[0]!)).toBe(1);
    expect(await fontPrograms(merged)).toBe(1);
    for (const row of await fontRows(files[2]!)) {
      expect(row.type).toBe('CID TrueType');
      expect(row.emb).toBe('yes');
    }
    // Chromium's heading bookmarks of both parts, each pointing into its own part's pages.
    const headings = await outlineLines(files[2]!);
    expect(headings.filter((h) => h.startsWith('医保改革惠及千家万户')).map((h) => h.split('@')[1])).toEqual([
      '2',
      '4',
    ]);
  }, 120_000);
});
