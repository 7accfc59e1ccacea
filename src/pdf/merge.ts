/**
 * One PDF from the PDFs Chromium printed for consecutive runs of an edition's pages (a large edition is
 * laid out and printed in batches so memory stays flat). Pages are copied in order; each part's heading
 * outline is carried over with its destinations moved to the copied pages, so the finishing step
 * (outline.ts) finds the headline positions exactly as in a PDF printed in one piece; the parts' subsets
 * of each font are joined into one (share-fonts.ts), so the file is not much bigger than one printed whole.
 */
import { PDFArray, PDFHexString, PDFName, type PDFRef, PDFDocument, type PDFObject, ParseSpeeds } from 'pdf-lib';
import { takeChromiumHeadings } from './outline.js';
import { shareFontSubsets } from './share-fonts.js';

/** Concatenate Chromium PDFs page by page, keeping their heading outlines. */
export async function mergePdfs(parts: Uint8Array[]): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const headings: { title: string; dest: PDFObject[] }[] = [];
  for (const bytes of parts) {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const taken = takeChromiumHeadings(doc);
    const pages = doc.getPages();
    const copied = await out.copyPages(doc, doc.getPageIndices());
    const copyOf = new Map(pages.map((page, i) => [page.ref, copied[i]!]));
    for (const page of copied) out.addPage(page);
    for (const heading of taken) {
      const target = copyOf.get(heading.pageRef);
      // A destination is [page, /XYZ, left, top, zoom]: only the page is an indirect reference.
      if (target) headings.push({ title: heading.title, dest: [target.ref, ...heading.dest.asArray().slice(1)] });
    }
  }
  writeFlatOutline(out, headings);
  shareFontSubsets(out);
  return out.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
}

/** A one-level outline, the shape Chromium writes for `outline: true` on a page without nested headings. */
function writeFlatOutline(doc: PDFDocument, headings: { title: string; dest: PDFObject[] }[]): void {
  if (!headings.length) return;
  const { context } = doc;
  const root = context.nextRef();
  const refs: PDFRef[] = headings.map(() => context.nextRef());
  headings.forEach((heading, i) => {
    const item = context.obj({ Title: PDFHexString.fromText(heading.title), Parent: root });
    const dest = PDFArray.withContext(context);
    for (const part of heading.dest) dest.push(part);
    item.set(PDFName.of('Dest'), dest);
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    context.assign(refs[i]!, item);
  });
  context.assign(
    root,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: refs.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), root);
}
