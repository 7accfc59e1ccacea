/**
 * Before and after Ghostscript makes the PDF/X-1a file. Before: refuse transparency, because at
 * PDF 1.3 pdfwrite flattens any page that has it into one 720-dpi bitmap (measured with gs 10.00: a page
 * with `opacity: .6` came out as a single CMYK image, no fonts, no text). After: check that no page lost its
 * text anyway, put back the exact page boxes (gs moves the MediaBox to the origin and rounds boxes to
 * 0.01 pt), set the dates, and save with a content-derived /ID so the file is byte-reproducible.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, type PDFContext, ParseSpeeds } from 'pdf-lib';
import { scanPage } from '../pdf-read/page-use.js';
import { pageBox, type Rect } from '../pdf-read/objects.js';
import { saveDeterministic } from './deterministic-save.js';
import { glyphTexts, repairToUnicode } from './tounicode-repair.js';
import { round3, type EditionMeta } from './types.js';

/** What makePdfX remembers of each input page: its boxes and how many fonts its drawing uses. */
export interface SourcePage {
  boxes: Record<'MediaBox' | 'CropBox' | 'BleedBox' | 'TrimBox', Rect | undefined>;
  fonts: number;
  transparency: string[];
  /** The text of every glyph the page shows, in order, to give Ghostscript's fonts back their ToUnicode. */
  glyphs: (string | undefined)[] | undefined;
}

/** Thrown when the input cannot become PDF/X-1a without turning pages into bitmaps. */
export class PdfXTransparencyError extends Error {}

/** Read the input's pages (boxes, fonts, transparency) with preflight's content scanner. */
export function sourcePages(doc: PDFDocument): SourcePage[] {
  const { context } = doc;
  return doc.getPages().map((page) => {
    const use = scanPage(context, page.node, page.node.Resources());
    const box = (key: keyof SourcePage['boxes']) =>
      pageBox(context, page.node, key, key === 'MediaBox' || key === 'CropBox');
    return {
      boxes: { MediaBox: box('MediaBox'), CropBox: box('CropBox'), BleedBox: box('BleedBox'), TrimBox: box('TrimBox') },
      fonts: use.fonts.size,
      transparency: [...use.transparency],
      glyphs: glyphTexts(context, page.node),
    };
  });
}

/** Refuse input with transparency: X-1a cannot hold it and gs would rasterise the page (see above). */
export function assertOpaque(pages: SourcePage[]): void {
  const found = pages.flatMap((page, index) => page.transparency.map((what) => `page ${index + 1}: ${what}`));
  if (!found.length) return;
  throw new PdfXTransparencyError(
    `PDF/X-1a is PDF 1.3, which has no transparency, and Ghostscript would flatten these pages into bitmaps (text no longer selectable): ${found.join('; ')}. ` +
      'Remove opacity, rgba()/hsla() colours, images with alpha and mix-blend-mode from the templates, or build without --press-ready.',
  );
}

const shift = ([x0, y0, x1, y1]: Rect, dx: number, dy: number): Rect => [x0 - dx, y0 - dy, x1 - dx, y1 - dy];

/** Which operands of an explicit destination are x or y coordinates (PDF 32000-1 §12.3.2.2, Table 151). */
const DEST_AXES: Record<string, ('x' | 'y')[]> = {
  XYZ: ['x', 'y'],
  FitH: ['y'],
  FitBH: ['y'],
  FitV: ['x'],
  FitBV: ['x'],
  FitR: ['x', 'y', 'x', 'y'],
};

/**
 * gs moves each page's content with its MediaBox but leaves the bookmarks' destinations where they were, so
 * an article bookmark would open 12 mm below and left of its headline: move them by the same offset.
 */
function shiftOutline(context: PDFContext, offsets: Map<string, [number, number]>): void {
  const moved = new Set<PDFArray>(); // a destination array shared by two items moves once
  const move = (dest: PDFArray | undefined) => {
    if (!dest || moved.has(dest)) return;
    moved.add(dest);
    const page = dest.get(0);
    const offset = page instanceof PDFRef ? offsets.get(page.toString()) : undefined;
    const kind = dest.lookupMaybe(1, PDFName)?.decodeText();
    if (!offset || !kind) return;
    (DEST_AXES[kind] ?? []).forEach((axis, i) => {
      const value = dest.get(i + 2);
      if (value instanceof PDFNumber)
        dest.set(i + 2, PDFNumber.of(round3(value.asNumber() - (axis === 'x' ? offset[0] : offset[1]))));
    });
  };
  const array = (dict: PDFDict, key: string) => {
    const value = context.lookup(dict.get(PDFName.of(key)));
    return value instanceof PDFArray ? value : undefined; // a named destination is left alone
  };
  const seen = new Set<PDFDict>();
  const walk = (item: PDFDict | undefined) => {
    for (; item && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      move(array(item, 'Dest'));
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      if (action?.get(PDFName.of('S')) === PDFName.of('GoTo')) move(array(action, 'D'));
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(
    context
      .lookupMaybe(context.lookupMaybe(context.trailerInfo.Root, PDFDict)?.get(PDFName.of('Outlines')), PDFDict)
      ?.lookupMaybe(PDFName.of('First'), PDFDict),
  );
}

/**
 * Ghostscript's output → the final PDF/X bytes; throws if gs changed the pages in a way we do not expect.
 * What it could not put right (a font whose ToUnicode could not be checked) is pushed onto `warnings`.
 */
export async function finishPdfX(
  gsPdf: Uint8Array,
  source: SourcePage[],
  meta: EditionMeta,
  warnings: string[] = [],
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(gsPdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = doc.getPages();
  if (pages.length !== source.length) throw new Error(`Ghostscript wrote ${pages.length} pages for ${source.length}`);
  const offsets = new Map<string, [number, number]>();
  pages.forEach((page, index) => {
    const before = source[index]!;
    const use = scanPage(doc.context, page.node, page.node.Resources());
    if (before.fonts > 0 && use.fonts.size === 0)
      throw new Error(
        `Ghostscript turned page ${index + 1} into a bitmap: its text is gone (transparency or an unsupported feature)`,
      );
    const media = before.boxes.MediaBox;
    const written = pageBox(doc.context, page.node, 'MediaBox', true);
    if (!media || !written) throw new Error(`page ${index + 1} has no MediaBox`);
    // gs writes the MediaBox at the origin, moving the content by the old origin; check size, then restore exact boxes.
    const [dx, dy] = [media[0] - written[0], media[1] - written[1]];
    if (
      Math.abs(written[2] - written[0] - (media[2] - media[0])) > 0.02 ||
      Math.abs(written[3] - written[1] - (media[3] - media[1])) > 0.02
    ) {
      throw new Error(`Ghostscript changed the size of page ${index + 1}`);
    }
    for (const key of ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox'] as const) {
      const box = before.boxes[key];
      if (box) page.node.set(PDFName.of(key), doc.context.obj(shift(box, dx, dy).map(round3)));
    }
    offsets.set(page.ref.toString(), [dx, dy]);
  });
  shiftOutline(doc.context, offsets);
  // gs 10.00 garbles the ToUnicode of runs of consecutive codes; put back the input's text (tounicode-repair.ts).
  warnings.push(
    ...repairToUnicode(
      doc.context,
      pages.map((page) => page.node),
      source.map((page) => page.glyphs),
    ),
  );
  // Dates from the build time, not from gs's clock (Debian's gs honours SOURCE_DATE_EPOCH, but that is a patch).
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  return saveDeterministic(doc, { version: '1.3' });
}
