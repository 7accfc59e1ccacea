/**
 * Preflight any PDF the way a print shop does: fonts (embedded, not Type 3), TrimBox/BleedBox
 * and bleed, RGB for press, image resolution at placed size, trim size, and, when the file claims PDF/X,
 * the rules of the claimed part (pdfx.ts). Parses the file itself with pdf-lib, so it needs no external
 * tool and checks files from any producer.
 */
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, ParseSpeeds } from 'pdf-lib';
import { pageResources, readPageTree } from '../pdf-read/page-tree.js';
import { scanPage } from '../pdf-read/page-use.js';
import { describeFont, fontProblem, type FontInfo } from './fonts.js';
import { checkPageBoxes } from './page-boxes.js';
import { nameEntry, resolve } from '../pdf-read/objects.js';
import { checkPdfXDocument, checkPdfXPage, readPdfXClaim } from './pdfx.js';
import type { PreflightIssue, PreflightOptions, PreflightReport } from './types.js';

export type { PdfXClaim, PreflightIssue, PreflightOptions, PreflightReport } from './types.js';
export { formatReport } from './format.js';

/**
 * Files up to this size are parsed without pdf-lib's pause for a timer tick every 100 objects (idle time
 * for an edition); a larger one keeps the pauses, so a long read still answers Ctrl-C promptly.
 */
const UNPAUSED_PARSE_BYTES = 32 * 2 ** 20;

/** Print shops' usual floor for halftone images at placed size. */
export const DEFAULT_MIN_PPI = 200;

/** True when the catalog declares a PDF/X output intent (then RGB is a failure by default). */
function hasPdfXIntent(doc: PDFDocument): boolean {
  const intents = resolve(doc.context, doc.catalog.get(PDFName.of('OutputIntents')));
  if (!(intents instanceof PDFArray)) return false;
  return intents.asArray().some((item) => {
    const intent = resolve(doc.context, item);
    return intent instanceof PDFDict && nameEntry(doc.context, intent, 'S') === 'GTS_PDFX';
  });
}

/**
 * Check a PDF file. Every file that can be read from disk gets a verdict, however damaged or hostile
 * its structure: what cannot be parsed or walked is a failed `structure` check, never an exception.
 */
export async function preflight(pdfPath: string, options: PreflightOptions): Promise<PreflightReport> {
  const bytes = await readFile(pdfPath);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      throwOnInvalidObject: false,
      ignoreEncryption: true,
      parseSpeed: bytes.length <= UNPAUSED_PARSE_BYTES ? ParseSpeeds.Fastest : ParseSpeeds.Slow,
    });
  } catch (error) {
    return structureFailure(pdfPath, `the file cannot be read as PDF (${(error as Error).message})`);
  }
  return preflightDocument(pdfPath, doc, bytes, options);
}

/**
 * Check a PDF the caller has just saved from `doc` (the build's own edition): the same verdict as
 * `preflight` on the file, without parsing the written bytes back (a tenth of a second per edition).
 */
export function preflightDocument(
  pdfPath: string,
  doc: PDFDocument,
  bytes: Uint8Array,
  options: PreflightOptions,
): PreflightReport {
  try {
    return checkDocument(pdfPath, doc, bytes, options);
  } catch (error) {
    // A reader for somebody else's file must end in a verdict: what could not be walked fails the file.
    return structureFailure(
      pdfPath,
      `the file's structure could not be read to the end (${(error as Error).message}); it is damaged or hostile`,
    );
  }
}

/** The verdict on a file whose structure cannot be read. */
function structureFailure(pdfPath: string, message: string): PreflightReport {
  return { file: pdfPath, passed: false, pages: 0, issues: [{ check: 'structure', page: null, message }], fonts: [] };
}

function checkDocument(
  pdfPath: string,
  doc: PDFDocument,
  bytes: Uint8Array,
  options: PreflightOptions,
): PreflightReport {
  const { context } = doc;
  const tree = readPageTree(context, doc.catalog);
  const structure = tree.problems.map((message): PreflightIssue => ({ check: 'structure', page: null, message }));
  if (doc.isEncrypted) {
    // Encrypted streams cannot be read, so nothing else can be checked; print workflows and PDF/X refuse encryption.
    const message =
      'the file is encrypted: a print workflow (and PDF/X) needs it unencrypted, and its content cannot be checked';
    return {
      file: pdfPath,
      passed: false,
      pages: tree.pages.length,
      issues: [{ check: 'encryption', page: null, message }, ...structure],
      fonts: [],
    };
  }
  const claim = readPdfXClaim(doc, bytes);
  const press = options.press ?? hasPdfXIntent(doc);
  const minPpi = options.minPpi ?? DEFAULT_MIN_PPI;
  const issues: PreflightIssue[] = [...structure, ...(claim ? checkPdfXDocument(doc, claim) : [])];
  const fonts = new Map<string, FontInfo>();
  const pages = tree.pages;

  pages.forEach((page, index) => {
    const pageNumber = index + 1;
    issues.push(...checkPageBoxes(context, page, pageNumber, options));
    const use = scanPage(context, page, pageResources(context, page));
    for (const message of use.malformed) issues.push({ check: 'structure', page: pageNumber, message });
    const pageFontProblems = new Set<string>();
    for (const [key, dict] of use.fonts) {
      const info = fonts.get(key) ?? describeFont(context, dict);
      fonts.set(key, info);
      const problem = fontProblem(info);
      if (problem) pageFontProblems.add(problem);
    }
    for (const message of pageFontProblems) issues.push({ check: 'fonts', page: pageNumber, message });
    if (press)
      for (const message of use.rgb)
        issues.push({ check: 'colour', page: pageNumber, message: `RGB in a file meant for press: ${message}` });
    if (claim) issues.push(...checkPdfXPage(doc, page, pageNumber, claim, use));
    for (const image of use.images) {
      if (image.ppi < minPpi) {
        const size = `${image.pixelsWide}×${image.pixelsHigh} px placed at ${Math.round((image.widthPt * 25.4) / 72)}×${Math.round((image.heightPt * 25.4) / 72)} mm`;
        issues.push({
          check: 'images',
          page: pageNumber,
          message: `image ${image.name} is ${Math.round(image.ppi)} ppi (${size}); at least ${minPpi} ppi needed`,
        });
      }
    }
  });
  if (!pages.length) issues.push({ check: 'page-size', page: null, message: 'the PDF has no pages' });

  return {
    file: pdfPath,
    passed: issues.length === 0,
    pages: pages.length,
    issues,
    fonts: uniqueFonts([...fonts.values()]),
    ...(claim && { pdfx: claim }),
  };
}

/** One row per distinct font (pdffonts lists per object; a report reads better per font). */
function uniqueFonts(fonts: FontInfo[]): FontInfo[] {
  const seen = new Map<string, FontInfo>();
  for (const font of fonts) seen.set(`${font.name}|${font.type}|${font.embedded}`, font);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}
