/** Test helper: a PDF's bookmarks as `depth title → page number` lines, read with pdf-lib. */
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** Every bookmark in order, as `title @page` with two spaces of indent per level. */
export async function outlineLines(path: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const lines: string[] = [];
  const visit = (ref: unknown, depth: number) => {
    while (ref instanceof PDFRef) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '?';
      lines.push(`${'  '.repeat(depth)}${text} @${pageOf.get(String(dest?.get(0))) ?? '?'}`);
      visit(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), 0);
  return lines;
}
