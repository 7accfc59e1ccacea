/**
 * Bookmarks per page and per article. Titles are written as UTF-16BE hex strings
 * (PDFHexString.fromText, PDF 32000-1 §7.9.2.2) so viewers show Chinese headlines rather than mojibake.
 * Chromium's own heading outline (outline: true) is read first only to borrow each headline's position.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';
import type { EditionMeta } from './types.js';

interface Heading {
  title: string;
  pageRef: PDFRef;
  dest: PDFArray;
}

const normalise = (text: string) => text.replace(/\s+/g, '').trim();

/** Read Chromium's outline (titles and destinations) and remove its objects so the file carries one outline. */
export function takeChromiumHeadings(doc: PDFDocument): Heading[] {
  const { context, catalog } = doc;
  const headings: Heading[] = [];
  const visit = (ref: PDFRef | undefined, depth: number) => {
    while (ref instanceof PDFRef && depth < 64) {
      const item = context.lookupMaybe(ref, PDFDict);
      if (!item) return;
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const pageRef = dest?.get(0);
      if ((title instanceof PDFString || title instanceof PDFHexString) && dest && pageRef instanceof PDFRef) {
        headings.push({ title: normalise(title.decodeText()), pageRef, dest });
      }
      visit(item.get(PDFName.of('First')) as PDFRef | undefined, depth + 1);
      const next = item.get(PDFName.of('Next'));
      context.delete(ref);
      ref = next instanceof PDFRef ? next : undefined;
    }
  };
  const outlinesRef = catalog.get(PDFName.of('Outlines'));
  const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (outlines) visit(outlines.get(PDFName.of('First')) as PDFRef | undefined, 0);
  if (outlinesRef instanceof PDFRef) context.delete(outlinesRef);
  catalog.delete(PDFName.of('Outlines'));
  return headings;
}

/** Link siblings under a parent (First/Last/Prev/Next, PDF 32000-1 §12.3.3) and return the refs. */
function linkChildren(doc: PDFDocument, parentRef: PDFRef, items: PDFDict[]): PDFRef[] {
  const refs = items.map((item) => doc.context.register(item));
  items.forEach((item, index) => {
    item.set(PDFName.of('Parent'), parentRef);
    if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
  });
  return refs;
}

/** Write one bookmark per page (its label) with one child per article (its headline), pages open. */
export function writeOutline(doc: PDFDocument, meta: EditionMeta, headings: Heading[]): void {
  const { context } = doc;
  const pages = doc.getPages();
  if (!pages.length) return;
  const outlinesRef = context.nextRef();
  const pageItems = pages.map((page, index) => {
    const info = meta.pages[index];
    const fit = context.obj([page.ref, PDFName.of('Fit')]);
    const pageItem = context.obj({ Title: PDFHexString.fromText(info?.label ?? `第${index + 1}页`), Dest: fit });
    const onPage = headings.filter((h) => h.pageRef === page.ref);
    const articles = (info?.articles ?? []).map(({ headline }) => {
      const dest = onPage.find((h) => h.title === normalise(headline))?.dest ?? fit;
      return context.obj({ Title: PDFHexString.fromText(headline), Dest: dest });
    });
    if (articles.length) {
      const pageRef = context.register(pageItem);
      const refs = linkChildren(doc, pageRef, articles);
      pageItem.set(PDFName.of('First'), refs[0]!);
      pageItem.set(PDFName.of('Last'), refs[refs.length - 1]!);
      pageItem.set(PDFName.of('Count'), PDFNumber.of(articles.length));
      return { pageItem, pageRef };
    }
    return { pageItem, pageRef: context.register(pageItem) };
  });
  const refs = pageItems.map((p) => p.pageRef);
  pageItems.forEach(({ pageItem }, index) => {
    pageItem.set(PDFName.of('Parent'), outlinesRef);
    if (index > 0) pageItem.set(PDFName.of('Prev'), refs[index - 1]!);
    if (index < refs.length - 1) pageItem.set(PDFName.of('Next'), refs[index + 1]!);
  });
  const visible =
    pageItems.length +
    pageItems.reduce(
      (sum, { pageItem }) => sum + (pageItem.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0),
      0,
    );
  context.assign(
    outlinesRef,
    context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs[refs.length - 1]!, Count: visible }),
  );
  doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
