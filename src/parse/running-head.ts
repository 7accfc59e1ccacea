/**
 * The running head at a page's top, as pdftotext gives it in separate pieces: a bare page number
 * with its section word, and the title words between the folio and the date. All kept as furniture,
 * so no character is lost.
 */
import type { Assembled } from './article-builder.js';
import type { Classified } from './classify.js';
import { isEditorCredit, isHeadBandWord } from './furniture.js';
import { isPageDate } from './text-form.js';

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

/** A running head read in pieces has at most this many of them before the article text. */
const BAND_MAX_PIECES = 6;
/** A page number printed alone, maybe behind its section letter (`4`, `A4`, `B12`). */
const BARE_PAGE_RE = /^([A-Z]?)(\d{1,3})$/;

/** One line of the running head by form: the date, a page number or folio, a title word, a credit. */
function bandPiece(c: Classified | undefined): 'date' | 'page' | 'word' | null {
  if (c?.block.lines.length !== 1) return null;
  const t = c.block.lines[0]!.text.trim();
  if (isPageDate(t)) return 'date';
  if (c.kind.kind === 'folio' || BARE_PAGE_RE.test(t) || isEditorCredit(t)) return 'page';
  return isHeadBandWord(t) ? 'word' : null;
}

/**
 * A running head that pdftotext reads in pieces at the page's top, in whatever order the paper
 * sets them (`健康` / `2025年3月6日 星期四` / `4`, `滨江日报` / date / `要闻 4`, `A4` / `健康周刊` / date):
 * title words and page numbers up to the date, then folios only (a short word after the date may be
 * the first article's label or head). Without a date among the first pieces nothing is
 * taken. The pieces are kept as furniture, the first page number as the folio; returns how many.
 * `review` hears the title words taken, which could be a short head printed over the date.
 */
export function takeLeadingRunningHead(
  items: Classified[],
  out: Assembled,
  review: (words: string[], at: Classified) => void,
): number {
  const kinds: ReturnType<typeof bandPiece>[] = [];
  for (let j = 0; j < BAND_MAX_PIECES; j++) {
    const k = bandPiece(items[j]);
    if (!k) break;
    kinds.push(k);
  }
  const date = kinds.indexOf('date');
  if (date < 0) return 0;
  // After the date, a folio or credit line; a bare page number is left to `readBareFolio`, which
  // takes the section word printed after it.
  let end = date + 1;
  while (
    kinds[end] === 'date' ||
    (kinds[end] === 'page' && !BARE_PAGE_RE.test(items[end]!.block.lines[0]!.text.trim()))
  )
    end++;
  for (let j = 0; j < end; j++) {
    const c = items[j]!;
    const t = c.block.lines[0]!.text;
    out.furniture.push(t);
    if (out.folio) continue;
    if (c.kind.kind === 'folio') out.folio = { page: c.kind.page, section: c.kind.section };
    else if (BARE_PAGE_RE.test(t.trim())) out.folio = { page: Number(BARE_PAGE_RE.exec(t.trim())![2]), section: null };
  }
  // Title words under a page number or folio are its band; opening the page, they could be a head.
  const words = items.slice(0, end).filter((_, j) => kinds[j] === 'word');
  if (words.length && kinds[0] === 'word')
    review(
      words.map((c) => c.block.lines[0]!.text),
      words[0]!,
    );
  return end;
}
