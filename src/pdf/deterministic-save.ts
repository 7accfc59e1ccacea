/**
 * Reproducible bytes (issue #6, reproducible-builds.org "SOURCE_DATE_EPOCH"): no object streams (their
 * packing order is an implementation detail), dates only from meta.date, and a trailer /ID derived from
 * the content instead of a random one (PDF 32000-1 §14.4 allows any stable identifier).
 */
import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument } from 'pdf-lib';

const SAVE_OPTIONS = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false } as const;

/** Save twice: first without /ID to hash the content, then with /ID = first 16 bytes of that SHA-256. */
export async function saveDeterministic(doc: PDFDocument): Promise<Uint8Array> {
  doc.context.trailerInfo.ID = undefined;
  const draft = await doc.save(SAVE_OPTIONS);
  const id = PDFHexString.of(createHash('sha256').update(draft).digest('hex').slice(0, 32).toUpperCase());
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save(SAVE_OPTIONS);
}
