/**
 * PDF/X conformance, measured rather than trusted: when a file claims PDF/X in its Info
 * (GTS_PDFXVersion, ISO 15930's "file identification"), check the rules of the claimed part that a
 * print shop's preflight checks: PDF version, identification keys, Title/dates/Trapped, trailer /ID,
 * exactly one GTS_PDFX output intent with an identifier and an output profile, no JavaScript, page boxes
 * nested, no annotations inside the trim, and for X-1a/X-3 no transparency, for X-1a only CMYK/grey/spot.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFStream,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import type { PageUse } from '../pdf-read/page-use.js';
import {
  decodeStream,
  dictEntry,
  entry,
  nameEntry,
  numberArray,
  pageBox,
  type Rect,
  resolve,
} from '../pdf-read/objects.js';
import type { PdfXClaim, PreflightIssue } from './types.js';

interface Rules {
  maxVersion: number;
  cmykOnly: boolean;
  noTransparency: boolean;
}

/** Per standard: the highest PDF version it is built on, and its colour and transparency rules. */
const RULES: Record<string, Rules> = {
  'PDF/X-1a:2001': { maxVersion: 1.3, cmykOnly: true, noTransparency: true }, // ISO 15930-1:2001, PDF 1.3
  'PDF/X-1:2001': { maxVersion: 1.3, cmykOnly: true, noTransparency: true }, // same part; conformance key missing or not "a"
  'PDF/X-1a:2003': { maxVersion: 1.4, cmykOnly: true, noTransparency: true }, // ISO 15930-4:2003, PDF 1.4
  'PDF/X-3:2002': { maxVersion: 1.3, cmykOnly: false, noTransparency: true }, // ISO 15930-3:2002, PDF 1.3
  'PDF/X-3:2003': { maxVersion: 1.4, cmykOnly: false, noTransparency: true }, // ISO 15930-6:2003, PDF 1.4
  'PDF/X-4': { maxVersion: 1.6, cmykOnly: false, noTransparency: false }, // ISO 15930-7, PDF 1.6
};

const text = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
const issue = (message: string, page: number | null = null): PreflightIssue => ({ check: 'pdfx', page, message });

/** The version in the file header (`%PDF-1.x`), raised by a catalog /Version (PDF 32000-1 §7.5.2). */
export function pdfVersion(bytes: Uint8Array, doc: PDFDocument): string {
  const header = /%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))?.[1] ?? '?';
  const catalog = nameEntry(doc.context, doc.catalog, 'Version');
  return catalog && Number(catalog) > Number(header) ? catalog : header;
}

/** What the file claims (Info GTS_PDFXVersion/GTS_PDFXConformance), or undefined when it claims no PDF/X. */
export function readPdfXClaim(doc: PDFDocument, bytes: Uint8Array): PdfXClaim | undefined {
  const info = resolve(doc.context, doc.context.trailerInfo.Info);
  const version = info instanceof PDFDict ? text(entry(doc.context, info, 'GTS_PDFXVersion')) : undefined;
  if (version === undefined) return undefined;
  const conformance = info instanceof PDFDict ? text(entry(doc.context, info, 'GTS_PDFXConformance')) : undefined;
  // ISO 15930-1:2001 identifies X-1a as version "PDF/X-1:2001" plus conformance "PDF/X-1a:2001".
  const x1 = conformance === 'PDF/X-1a:2001' ? conformance : version;
  const standard = version === 'PDF/X-1:2001' ? x1 : version.startsWith('PDF/X-4') ? 'PDF/X-4' : version;
  const intent = pdfxIntents(doc)[0];
  const trapped = info instanceof PDFDict ? entry(doc.context, info, 'Trapped') : undefined;
  return {
    version,
    conformance,
    standard,
    pdfVersion: pdfVersion(bytes, doc),
    outputCondition: intent && text(entry(doc.context, intent, 'OutputConditionIdentifier')),
    trapped: trapped instanceof PDFName ? trapped.decodeText() : trapped?.toString(),
  };
}

function pdfxIntents(doc: PDFDocument): PDFDict[] {
  const intents = resolve(doc.context, doc.catalog.get(PDFName.of('OutputIntents')));
  if (!(intents instanceof PDFArray)) return [];
  return intents
    .asArray()
    .map((item) => resolve(doc.context, item))
    .filter((i): i is PDFDict => i instanceof PDFDict && nameEntry(doc.context, i, 'S') === 'GTS_PDFX');
}

/** The ICC header's device class and colour space (ICC.1 §7.2.5–7.2.6), e.g. ["prtr", "CMYK"]. */
function iccHeader(profile: PDFObject | undefined): [string, string] | undefined {
  const bytes = profile instanceof PDFStream ? decodeStream(profile) : undefined;
  if (!bytes || bytes.length < 20) return undefined;
  const ascii = Buffer.from(bytes.subarray(12, 20)).toString('latin1');
  return [ascii.slice(0, 4), ascii.slice(4, 8).trim()];
}

/** Document-wide rules of the claimed standard. */
export function checkPdfXDocument(doc: PDFDocument, claim: PdfXClaim): PreflightIssue[] {
  const { context } = doc;
  const rules = RULES[claim.standard];
  if (!rules)
    return [
      issue(
        `unrecognised PDF/X identification: GTS_PDFXVersion (${claim.version})${claim.conformance ? `, GTS_PDFXConformance (${claim.conformance})` : ''}`,
      ),
    ];
  const issues: PreflightIssue[] = [];
  if (claim.version === 'PDF/X-1:2001' && claim.conformance !== 'PDF/X-1a:2001')
    issues.push(
      issue(
        `GTS_PDFXVersion (PDF/X-1:2001) needs GTS_PDFXConformance (PDF/X-1a:2001), found ${claim.conformance ?? 'none'}`,
      ),
    );
  if (!(Number(claim.pdfVersion) <= rules.maxVersion))
    issues.push(
      issue(`${claim.standard} is based on PDF ${rules.maxVersion}, but the file is PDF ${claim.pdfVersion}`),
    );
  const info = resolve(context, context.trailerInfo.Info);
  for (const key of ['Title', 'CreationDate', 'ModDate']) {
    if (!(info instanceof PDFDict) || !text(entry(context, info, key)))
      issues.push(issue(`Info /${key} is missing or empty (${claim.standard} requires it)`));
  }
  if (claim.trapped !== 'True' && claim.trapped !== 'False')
    issues.push(issue(`Info /Trapped must be /True or /False, found ${claim.trapped ?? 'none'}`));
  if (!context.trailerInfo.ID) issues.push(issue('the trailer has no /ID (PDF/X requires one)'));

  const intents = pdfxIntents(doc);
  if (intents.length !== 1) issues.push(issue(`${intents.length} GTS_PDFX output intents; exactly one is required`));
  const intent = intents[0];
  if (intent) {
    if (!claim.outputCondition) issues.push(issue('the output intent has no OutputConditionIdentifier'));
    const profile = entry(context, intent, 'DestOutputProfile');
    if (!profile && !text(entry(context, intent, 'RegistryName')))
      issues.push(issue('the output intent has neither an embedded DestOutputProfile nor a RegistryName'));
    const header = profile && iccHeader(profile);
    if (profile && !header) issues.push(issue('the output intent profile cannot be read'));
    if (header && header[0] !== 'prtr')
      issues.push(issue(`the output intent profile is an ICC "${header[0]}" profile, not an output ("prtr") profile`));
    if (header && rules.cmykOnly && !['CMYK', 'GRAY'].includes(header[1]))
      issues.push(issue(`the output intent profile is ${header[1]}, ${claim.standard} prints CMYK`));
  }
  const names = dictEntry(context, doc.catalog, 'Names');
  const openAction = dictEntry(context, doc.catalog, 'OpenAction');
  if (
    entry(context, names, 'JavaScript') ||
    entry(context, doc.catalog, 'AA') ||
    nameEntry(context, openAction, 'S') === 'JavaScript'
  ) {
    issues.push(issue('the document has JavaScript or automatic actions, which PDF/X forbids'));
  }
  return issues;
}

const inside = (inner: Rect, outer: Rect) =>
  inner[0] >= outer[0] - 0.01 &&
  inner[1] >= outer[1] - 0.01 &&
  inner[2] <= outer[2] + 0.01 &&
  inner[3] <= outer[3] + 0.01;
const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Per-page rules: nested boxes, no annotations in the trim, and the colour and transparency rules. */
export function checkPdfXPage(
  doc: PDFDocument,
  page: PDFDict,
  pageNumber: number,
  claim: PdfXClaim,
  use: PageUse,
): PreflightIssue[] {
  const { context } = doc;
  const rules = RULES[claim.standard];
  if (!rules) return [];
  const issues: PreflightIssue[] = [];
  const media = pageBox(context, page, 'MediaBox', true);
  const bleed = pageBox(context, page, 'BleedBox', false);
  const trim = pageBox(context, page, 'TrimBox', false) ?? pageBox(context, page, 'ArtBox', false);
  if (!trim) issues.push(issue('neither TrimBox nor ArtBox', pageNumber));
  if (media && bleed && !inside(bleed, media)) issues.push(issue('BleedBox is not inside the MediaBox', pageNumber));
  if (trim && !inside(trim, bleed ?? media ?? trim))
    issues.push(
      issue(`${bleed ? 'TrimBox is not inside the BleedBox' : 'TrimBox is not inside the MediaBox'}`, pageNumber),
    );
  const annots = resolve(context, page.get(PDFName.of('Annots')));
  for (const item of annots instanceof PDFArray ? annots.asArray() : []) {
    const annot = resolve(context, item);
    if (!(annot instanceof PDFDict) || ['PrinterMark', 'TrapNet'].includes(nameEntry(context, annot, 'Subtype') ?? ''))
      continue;
    const rect = numberArray(context, annot.get(PDFName.of('Rect'))) as Rect | undefined;
    if (rect && trim && overlaps(rect, trim))
      issues.push(
        issue(`a ${nameEntry(context, annot, 'Subtype') ?? ''} annotation lies inside the TrimBox`, pageNumber),
      );
  }
  if (rules.cmykOnly)
    for (const what of use.nonX1a)
      issues.push(issue(`not CMYK, grey or spot colour (${claim.standard}): ${what}`, pageNumber));
  if (rules.noTransparency)
    for (const what of use.transparency)
      issues.push(
        issue(`transparency, which ${claim.standard} (PDF ${rules.maxVersion}) cannot hold: ${what}`, pageNumber),
      );
  return issues;
}
