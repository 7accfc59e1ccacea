/**
 * Chromium's PDF → print-ready PDF: boxes, marks, metadata, outline, page labels; runs after the
 * browser is closed and touches nothing but the bytes it is given, so two runs on equal input are equal.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import { applyBoxes, computeBoxes } from './boxes.js';
import { drawMarks } from './marks.js';
import { writeMetadata, writePageLabels } from './metadata.js';
import { takeChromiumHeadings, writeOutline } from './outline.js';
import { addColourSpaceResource, createRegistrationColourSpace } from './registration-colour.js';
import { saveDeterministic } from './deterministic-save.js';
import { DEFAULT_SLUG_MM, mmToPt, type EditionMeta, type FinishOptions } from './types.js';
import { xmpDate } from './xmp.js';

/** The slug line: ASCII only (see slug-font.ts), so the edition is named by its dates/ASCII words plus a short hash. */
export function slugText(meta: EditionMeta, pageIndex: number): string {
  const ascii = `${meta.title} ${meta.subject}`.match(/[A-Za-z0-9][A-Za-z0-9._:/-]*/g) ?? [];
  const code = createHash('sha256').update(`${meta.title}\n${meta.subject}`).digest('hex').slice(0, 6).toUpperCase();
  const page = meta.pages[pageIndex];
  const built = xmpDate(meta.date).replace('T', ' ').replace('Z', ' UTC');
  return [
    `EDITION ${[...ascii, `#${code}`].join(' ')}`,
    `PAGE ${page?.number ?? pageIndex + 1}`,
    `SHEET ${pageIndex + 1}/${Math.max(meta.pages.length, pageIndex + 1)}`,
    `BUILT ${built}`,
  ].join('  |  ');
}

/** Chromium's PDF bytes → print-ready bytes: boxes, marks, metadata, outline; deterministic. */
export async function finishPdf(
  chromiumPdf: Uint8Array,
  meta: EditionMeta,
  options: FinishOptions,
): Promise<Uint8Array> {
  return (await finishedPdf(chromiumPdf, meta, options)).bytes;
}

/** `finishPdf`, with the document the bytes were saved from (for checking it without parsing the bytes back). */
export async function finishedPdf(
  chromiumPdf: Uint8Array,
  meta: EditionMeta,
  options: FinishOptions,
): Promise<{ bytes: Uint8Array; doc: PDFDocument }> {
  if (!(options.bleedMm >= 0)) throw new Error(`bleedMm must be ≥ 0, got ${options.bleedMm}`);
  // Parsed without pausing for a timer tick every 100 objects (pdf-lib's default): the same objects, sooner.
  const doc = await PDFDocument.load(chromiumPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = doc.getPages();
  if (meta.pages.length && meta.pages.length !== pages.length) {
    throw new Error(`Edition metadata lists ${meta.pages.length} pages but Chromium produced ${pages.length}`);
  }
  const bleedPt = mmToPt(options.bleedMm);
  const slugPt = options.marks ? mmToPt(options.slugMm ?? DEFAULT_SLUG_MM) : 0;
  const registration = options.marks ? createRegistrationColourSpace(doc) : undefined;
  const sheetPt = options.trimMm && {
    width: mmToPt(options.trimMm.width + 2 * options.bleedMm),
    height: mmToPt(options.trimMm.height + 2 * options.bleedMm),
  };
  const headings = takeChromiumHeadings(doc);

  pages.forEach((page, index) => {
    const boxes = computeBoxes(page.getMediaBox(), bleedPt, slugPt, sheetPt);
    applyBoxes(page, boxes);
    if (registration) {
      addColourSpaceResource(page, registration);
      drawMarks(page, { boxes, bleedPt, slugPt, slugText: slugText(meta, index) });
    }
  });

  writeMetadata(doc, meta);
  writeOutline(doc, meta, headings);
  writePageLabels(
    doc,
    meta.pages.map((p) => p.number),
  );
  return { bytes: await saveDeterministic(doc), doc };
}
