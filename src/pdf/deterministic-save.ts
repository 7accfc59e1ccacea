/**
 * Reproducible bytes (reproducible-builds.org "SOURCE_DATE_EPOCH"): no object streams (their
 * packing order is an implementation detail), dates only from meta.date, and a trailer /ID derived from
 * the content instead of a random one (PDF 32000-1 §14.4 allows any stable identifier).
 */
import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';

const SAVE_OPTIONS = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false } as const;

/**
 * pdf-lib's writer always starts the file with `%PDF-1.7` (PDFWriter hard-codes the header). A PDF/X-1a:2001
 * file must say 1.3 (ISO 15930-1), so the header is rewritten in place: "%PDF-1.7" and "%PDF-1.3" have the
 * same length, so no xref offset moves.
 */
function withHeader(bytes: Uint8Array, version: string | undefined): Uint8Array {
  if (!version) return bytes;
  if (!/^1\.\d$/.test(version)) throw new Error(`PDF header version must look like 1.x, got ${version}`);
  const expected = Buffer.from('%PDF-1.7', 'latin1');
  if (!Buffer.from(bytes.subarray(0, expected.length)).equals(expected)) throw new Error('pdf-lib did not write the expected %PDF-1.7 header');
  bytes.set(Buffer.from(`%PDF-${version}`, 'latin1'), 0);
  return bytes;
}

/** Save twice: first without /ID to hash the content, then with /ID = first 16 bytes of that SHA-256. */
export async function saveDeterministic(doc: PDFDocument, options: { version?: string } = {}): Promise<Uint8Array> {
  doc.context.trailerInfo.ID = undefined;
  const draft = withHeader(await doc.save(SAVE_OPTIONS), options.version);
  const id = PDFHexString.of(createHash('sha256').update(draft).digest('hex').slice(0, 32).toUpperCase());
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return withHeader(await doc.save(SAVE_OPTIONS), options.version);
}
