/**
 * The running head at a page's top, as pdftotext gives it in separate pieces: a bare page number
 * with its section word, and the title words between the folio and the date. All kept as furniture,
 * so no character is lost.
 */
import type { Assembled } from './article-builder.js';
import type { Classified } from './classify.js';
import { isHeadBandWord } from './furniture.js';

/** A bare page number is the folio only among the page's first this-many blocks (the running head). */
const FOLIO_TOP_BLOCKS = 5;
/** At most this many title words stand between the folio and the date. */
const HEAD_BAND_MAX_WORDS = 3;

/**
 * A page number printed alone at the page's top (`9`), as pdftotext gives a running head set in
 * separate pieces; a section word right after it (`理论`) is the section. Both are kept as furniture.
 * `atTop`: no article has opened yet (only then is the word after it a section).
 */
export function readBareFolio(items: Classified[], i: number, out: Assembled, atTop: boolean): boolean {
  const lines = items[i].block.lines;
  if (out.folio || i > FOLIO_TOP_BLOCKS || lines.length !== 1 || !/^\d{1,3}$/.test(lines[0].text)) return false;
  const next = items[i + 1]?.block.lines;
  const section = next?.length === 1 && isHeadBandWord(next[0].text) && atTop ? next[0].text : null;
  out.folio = { page: Number(lines[0].text), section };
  out.furniture.push(lines[0].text, ...(section ? [section] : []));
  return true;
}

/**
 * A running-head band: page number, then short title words (section, paper name), then the date.
 * The words between the folio and the date are furniture too; returns how many were taken.
 */
export function takeHeadBand(items: Classified[], i: number, furniture: string[]): number {
  let j = i + 1;
  // A two- or three-character section word (`经济`) reads like a name by form: a byline kind counts too.
  const words = (c: Classified | undefined) =>
    (c?.kind.kind === 'display' || (c?.kind.kind === 'byline' && !c.kind.parts.extra && !c.kind.parts.photoCredit)) &&
    c.block.lines.length === 1 &&
    isHeadBandWord(c.block.lines[0].text);
  while (j - i <= HEAD_BAND_MAX_WORDS && words(items[j])) j++;
  if (j === i + 1 || items[j]?.kind.kind !== 'furniture') return 0;
  for (let k = i + 1; k < j; k++) furniture.push(items[k].block.lines[0].text);
  return j - i - 1;
}
