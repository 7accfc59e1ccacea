/**
 * What counts as transparency (PDF 32000-1 §11): constant alpha below 1 (CA/ca), a soft mask (SMask in a
 * graphics state or on an image, SMaskInData), a blend mode other than Normal/Compatible, and transparency
 * groups. PDF/X-1a:2001 and X-3:2002 are PDF 1.3, which has none of it (ISO 15930-1/-3), and Ghostscript at
 * CompatibilityLevel 1.3 flattens a page with any of it into one bitmap, text included.
 * Chromium writes `/ca 1 /BM /Normal` on every page: that is opaque and is not reported.
 */
import { PDFArray, PDFName, type PDFContext, type PDFDict } from 'pdf-lib';
import { dictEntry, entry, nameEntry, numberEntry } from './objects.js';

const OPAQUE_BLEND = new Set(['Normal', 'Compatible']);

/** Why a graphics state dictionary (ExtGState) makes drawing transparent, or undefined. */
export function extGStateTransparency(context: PDFContext, gs: PDFDict | undefined): string | undefined {
  if (!gs) return undefined;
  const reasons: string[] = [];
  for (const key of ['CA', 'ca']) {
    const alpha = numberEntry(context, gs, key);
    if (alpha !== undefined && alpha < 1) reasons.push(`${key} ${alpha}`);
  }
  const mask = entry(context, gs, 'SMask');
  if (mask && !(mask instanceof PDFName && mask.decodeText() === 'None')) reasons.push('a soft mask');
  const blend = entry(context, gs, 'BM');
  const modes = blend instanceof PDFArray ? blend.asArray() : blend ? [blend] : [];
  const names = modes.map((m) => (m instanceof PDFName ? m.decodeText() : '?'));
  if (names.length && !OPAQUE_BLEND.has(names[0]!)) reasons.push(`blend mode ${names[0]}`);
  return reasons.length ? reasons.join(', ') : undefined;
}

/** Why an image XObject is transparent (soft mask), or undefined; stencil and colour-key masks are PDF 1.3. */
export function imageTransparency(context: PDFContext, image: PDFDict): string | undefined {
  if (entry(context, image, 'SMask') !== undefined) return 'a soft mask (SMask)';
  if ((numberEntry(context, image, 'SMaskInData') ?? 0) > 0) return 'alpha in its JPEG 2000 data (SMaskInData)';
  return undefined;
}

/** True when a page or form XObject declares a transparency group (its /Group /S /Transparency). */
export function isTransparencyGroup(context: PDFContext, owner: PDFDict | undefined): boolean {
  return nameEntry(context, dictEntry(context, owner, 'Group'), 'S') === 'Transparency';
}
