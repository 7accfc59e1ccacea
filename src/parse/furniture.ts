/**
 * Page furniture recognised by form: text a printed proof carries that is
 * not copy — a photo slot's label, a printer's slug line, the running-head band at a page top.
 * None of these is keyed to a paper: they are the generic shapes such furniture takes.
 */

/**
 * A proof's photo-slot label: the word for "picture/photo" plus "slot/area/placeholder", maybe in
 * brackets (`图片位`, `［照片区］`, `图片占位`). pdftotext prints it inside headline blocks and
 * between column lines; it always stands for the figure whose caption follows it.
 */
const PHOTO_SLOT_RE = /^[［[【〔(（]?\s*(?:图片|照片|相片|图像|配图|图)\s*(?:位|区|占位|位置|待定)\s*[］\]】〕)）]?$/;
export function isPhotoSlotLabel(text: string): boolean {
  return PHOTO_SLOT_RE.test(text.trim());
}

/**
 * A printer's slug line outside the trim: ASCII text carrying a page or sheet counter and a build
 * date-time stamp (`EDITION … | PAGE 3 | SHEET 3/5 | BUILT 2026-11-22 10:00:00 UTC`).
 */
const SLUG_COUNTER_RE = /\b(?:PAGE|SHEET|PG|P\.)\s*\d+(?:\s*\/\s*\d+)?\b/i;
const SLUG_STAMP_RE = /\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}/;
export function isSlugLine(text: string): boolean {
  const t = text.trim();
  return /^[\x20-\x7e]+$/.test(t) && SLUG_COUNTER_RE.test(t) && SLUG_STAMP_RE.test(t);
}

/** Short title words of a running-head band (section name, paper name): up to 8 ideographs, no space. */
export function isHeadBandWord(text: string): boolean {
  return /^[\u3400-\u9fff]{2,8}$/.test(text.trim());
}

/** A production-credit line is at most this many characters; a longer line is text. */
const EDITOR_CREDIT_MAX_CHARS = 60;

/**
 * The page's production credits, printed in the running head or at the foot of a page
 * (`责任编辑：孙立  版式设计：周洁`, `（责编：王五）`): one or more `role：names` fields. Furniture, not copy.
 */
const EDITOR_ROLE =
  '(?:本版)?(?:责任编辑|责编|编辑|美术编辑|美编|版式设计|版式|版面设计|设计|校对|制图|图表制作|图片编辑|视觉设计|组版)';
const EDITOR_CREDIT_RE = new RegExp(
  `^[（(]?(?:${EDITOR_ROLE}\\s*[：:]\\s*[\\u3400-\\u9fff·]{1,4}(?:[ \\u3000、]+[\\u3400-\\u9fff·]{1,4})*\\s*)+[）)]?$`,
);
export function isEditorCredit(text: string): boolean {
  const t = text.trim();
  return t.length <= EDITOR_CREDIT_MAX_CHARS && EDITOR_CREDIT_RE.test(t);
}
