/**
 * Reproducible bytes (reproducible-builds.org "SOURCE_DATE_EPOCH"): no object streams (their
 * packing order is an implementation detail), dates only from meta.date, and a trailer /ID derived from
 * the content instead of a random one (PDF 32000-1 §14.4 allows any stable identifier).
 */
import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';

/**
 * `objectsPerTick: Infinity`: pdf-lib otherwise pauses for a timer tick every 50 objects while writing
 * (dozens of idle milliseconds for an edition's 1,400 objects); the bytes are the same either way.
 */
const SAVE_OPTIONS = {
  useObjectStreams: false,
  addDefaultPage: false,
  updateFieldAppearances: false,
  objectsPerTick: Number.POSITIVE_INFINITY,
} as const;

/**
 * pdf-lib's writer always starts the file with `%PDF-1.7` (PDFWriter hard-codes the header). A PDF/X-1a:2001
 * file must say 1.3 (ISO 15930-1), so the header is rewritten in place: "%PDF-1.7" and "%PDF-1.3" have the
 * same length, so no xref offset moves.
 */
function withHeader(bytes: Uint8Array, version: string | undefined): Uint8Array {
  if (!version) return bytes;
  if (!/^1\.\d$/.test(version)) throw new Error(`PDF header version must look like 1.x, got ${version}`);
  const expected = Buffer.from('%PDF-1.7', 'latin1');
  if (!Buffer.from(bytes.subarray(0, expected.length)).equals(expected))
    throw new Error('pdf-lib did not write the expected %PDF-1.7 header');
  bytes.set(Buffer.from(`%PDF-${version}`, 'latin1'), 0);
  return bytes;
}

/** The /ID written first, then overwritten in place by the content hash (same length, so no offset moves). */
const ID_PLACEHOLDER = '0'.repeat(32);

/**
 * Save once with a placeholder /ID, hash the bytes, and write the first 16 bytes of that SHA-256 over the
 * placeholder: the identifier follows from the content, with one serialisation instead of two.
 */
export async function saveDeterministic(doc: PDFDocument, options: { version?: string } = {}): Promise<Uint8Array> {
  const placeholder = PDFHexString.of(ID_PLACEHOLDER);
  doc.context.trailerInfo.ID = doc.context.obj([placeholder, placeholder]);
  const bytes = withHeader(await doc.save(SAVE_OPTIONS), options.version);
  const trailer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const marker = Buffer.from(`/ID [ <${ID_PLACEHOLDER}> <${ID_PLACEHOLDER}> ]`, 'latin1');
  const at = trailer.lastIndexOf(marker);
  if (at < 0) throw new Error('pdf-lib did not write the expected trailer /ID');
  const id = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  trailer.write(`/ID [ <${id}> <${id}> ]`, at, 'latin1');
  // The document in memory says what the file says (a check of `doc` reads the same identifier).
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return bytes;
}
