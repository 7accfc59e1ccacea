/**
 * How a photo's file name is compared with a figure caption: the editor names the file after the
 * caption, with whatever width forms, spaces and punctuation the keyboard gave, so both sides are
 * NFKC-normalised and stripped of spaces, punctuation and symbols before comparing.
 */

/** File extensions read as photos in a source's photo folder. */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff'] as const;

/** A caption or file stem reduced to its letters and digits. */
export function photoKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** The shortest key that may match a longer caption by being part of it (two CJK characters say little). */
const MIN_PARTIAL_KEY = 4;

/** Whether a file stem names this caption: equal keys, or one long enough to be a shortened form of the other. */
export function namesCaption(stem: string, caption: string): boolean {
  const a = photoKey(stem);
  const b = photoKey(caption);
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_PARTIAL_KEY && long.includes(short);
}

/** Whether a file name is a photo by its extension. */
export function isPhotoName(name: string): boolean {
  const lower = name.toLowerCase();
  return !name.startsWith('.') && PHOTO_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A file name without its extension. */
export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
