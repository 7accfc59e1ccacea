/**
 * A placed photo → the file that prints: EXIF orientation applied, cropped to its slot's shape around
 * the focus, downsampled to at most TARGET_PPI at its placed size (never upsampled), colour converted
 * to sRGB with the profile attached, all other metadata stripped; JPEG for photos, PNG kept for graphics.
 * Results are cached by the source's content hash and the output geometry, so a rebuild or the
 * preview does not decode the same photo again.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Photo } from '../ast/types.js';
import type { Context } from '../io/context.js';
import { loadSharp } from './sharp.js';
import { photoReadLimit } from './probe.js';

/** Resolution a photo is downsampled to at its placed size: a print shop's usual request for halftones. */
export const TARGET_PPI = 300;
/** Below this effective resolution a photo prints visibly soft: reported as `low-resolution`. */
export const MIN_PPI = 200;
/** JPEG quality of processed photos (visually lossless at print size). */
const JPEG_QUALITY = 88;
/** Bumped when processing changes, so old cache entries are not reused. */
const CACHE_VERSION = 1;
const CSS_PX_PER_INCH = 96;

/** Where a photo is placed: its slot in CSS px (96 per inch). */
export interface PlacedSize {
  width: number;
  height: number;
}

/** The processed photo and what was measured on the way. */
export interface ProcessedPhoto {
  /** Absolute path of the processed file (in the cache). */
  file: string;
  /** Pixels per inch the photo's own pixels give at its placed size (before downsampling). */
  effectivePpi: number;
  /** Pixels per inch of the processed file at its placed size. */
  outputPpi: number;
  width: number;
  height: number;
  /** Fraction of the photo's width and height the crop cut away. */
  cropped: { x: number; y: number };
  /** The colour space converted from, when it was not sRGB (e.g. `cmyk`). */
  convertedFrom: string | null;
}

/** The largest rectangle of the slot's shape in the photo, placed around the focus. */
export function cropRect(photo: Pick<Photo, 'width' | 'height' | 'focus'>, slot: PlacedSize) {
  const aspect = slot.width / slot.height;
  const width = Math.max(1, Math.min(photo.width, Math.round(photo.height * aspect)));
  const height = Math.max(1, Math.min(photo.height, Math.round(photo.width / aspect)));
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  return {
    left: clamp(photo.focus[0] * photo.width - width / 2, photo.width - width),
    top: clamp(photo.focus[1] * photo.height - height / 2, photo.height - height),
    width,
    height,
  };
}

/** Process one placed photo (or take it from the cache). */
export async function processPhoto(ctx: Context, photo: Photo, slot: PlacedSize): Promise<ProcessedPhoto> {
  const crop = cropRect(photo, slot);
  const inches = slot.width / CSS_PX_PER_INCH;
  const effectivePpi = crop.width / inches;
  const width = Math.max(1, Math.min(crop.width, Math.round(inches * TARGET_PPI)));
  const height = Math.max(1, Math.round((width * crop.height) / crop.width));
  const png = photo.format === 'png';
  const key = createHash('sha256')
    .update(JSON.stringify([CACHE_VERSION, photo.hash, crop, width, height, png]))
    .digest('hex')
    .slice(0, 32);
  const file = join(ctx.cacheDir, 'images', `${key}.${png ? 'png' : 'jpg'}`);
  const cached = await ctx.readFile(file).then(
    () => true,
    () => false,
  );
  if (!cached) {
    const sharp = await loadSharp();
    const pipeline = sharp(await ctx.readUserFile(photo.path, photoReadLimit(photo.path)))
      .rotate()
      .extract(crop)
      .resize(width, height, { kernel: 'lanczos3' })
      .flatten({ background: '#ffffff' })
      .withIccProfile('srgb');
    const out = png ? pipeline.png({ compressionLevel: 9 }) : pipeline.jpeg({ quality: JPEG_QUALITY, mozjpeg: true });
    await ctx.writeFileAtomic(file, await out.toBuffer());
  }
  return {
    file,
    effectivePpi,
    outputPpi: width / inches,
    width,
    height,
    convertedFrom: photo.convertFrom,
    cropped: { x: 1 - crop.width / photo.width, y: 1 - crop.height / photo.height },
  };
}
