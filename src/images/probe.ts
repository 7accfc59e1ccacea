/**
 * What the make-up needs to know about a photo before it is placed: its pixel size after the EXIF
 * orientation, its format, and a content hash for the processed-image cache. sharp reads only the
 * header for this; the pixels are decoded once, after the make-up fixed the photo's placed size.
 */
import { createHash } from 'node:crypto';
import type { Metadata } from 'sharp';
import { loadSharp } from './sharp.js';
import type { Photo } from '../ast/types.js';

/** A file sharp cannot read as an image. */
export class UnreadableImage extends Error {
  override name = 'UnreadableImage';
}

/** The largest photo file read: far above any camera's JPEG, far below what would exhaust memory. */
export const MAX_PHOTO_BYTES = 256 * 1024 * 1024;

/** How a photo file is read through the context: a regular file under MAX_PHOTO_BYTES. */
export function photoReadLimit(relPath: string) {
  return { label: `photo ${relPath}`, maxBytes: MAX_PHOTO_BYTES };
}

/** EXIF orientations 5–8 turn the picture a quarter: width and height swap. */
const QUARTER_TURNS = new Set([5, 6, 7, 8]);

/** Probe a photo's bytes (already read through the context). */
export async function probePhoto(bytes: Uint8Array, path: string, focus: [number, number]): Promise<Photo> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (error) {
    throw new UnreadableImage((error as Error).message);
  }
  if (!meta.width || !meta.height || !meta.format) throw new UnreadableImage('no image size in the file');
  const turned = QUARTER_TURNS.has(meta.orientation ?? 1);
  return {
    path,
    hash: createHash('sha256').update(bytes).digest('hex'),
    width: turned ? meta.height : meta.width,
    height: turned ? meta.width : meta.height,
    focus,
    format: meta.format,
    convertFrom: colourNote(meta),
  };
}

/** `cmyk` or a note on the profile when the photo is not plain sRGB; null when no conversion is needed. */
function colourNote(meta: Metadata): string | null {
  if (meta.space && meta.space !== 'srgb' && meta.space !== 'b-w') return meta.space;
  if (meta.icc && !namesSrgb(Buffer.from(meta.icc))) return 'an embedded non-sRGB profile';
  return null;
}

/** Whether an ICC profile's description names sRGB (ASCII in v2 profiles, UTF-16 in v4 ones). */
function namesSrgb(icc: Buffer): boolean {
  return icc.includes('sRGB', 0, 'latin1') || icc.includes(Buffer.from('\0s\0R\0G\0B', 'latin1'));
}
