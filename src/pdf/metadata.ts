/**
 * Document data for the edition: Info dictionary with UTF-16 strings (pdf-lib encodes
 * non-ASCII text as PDFHexString, PDF 32000-1 §7.9.2.2), catalog /Lang, XMP, and /Trapped /False which
 * PDF/X requires (ISO 15930 §6.6.2). Every date is meta.date: no hidden clock.
 */
import { PDFDict, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';
import type { EditionMeta } from './types.js';
import { buildXmp } from './xmp.js';

/** What we call ourselves in /Creator and xmp:CreatorTool. */
export const CREATOR_TOOL = 'zhuanban';

/** Replace Chromium's Info (its Creator is the user agent, its dates the wall clock) with the edition's. */
export function writeMetadata(doc: PDFDocument, meta: EditionMeta): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setProducer(meta.producer);
  doc.setCreator(CREATOR_TOOL);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.setLanguage(meta.lang);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info?.set(PDFName.of('Trapped'), PDFName.of('False'));

  const { context, catalog } = doc;
  const xmp = context.stream(buildXmp(meta, CREATOR_TOOL), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));
}

/** Newspaper page numbers as PDF page labels (PDF 32000-1 §12.4.2), so viewers show "19" for 第19版. */
export function writePageLabels(doc: PDFDocument, numbers: number[]): void {
  if (!numbers.length || numbers.some((n) => !Number.isInteger(n) || n < 1)) return;
  const nums = numbers.flatMap((n, index) => [PDFNumber.of(index), doc.context.obj({ S: 'D', St: n })]);
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums }));
}
