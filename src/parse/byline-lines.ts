/** A byline read over the lines pdftotext broke it into (wrapped credits, names broken over lines). */
import { parseByline, parseRunTogetherNames, stopsInsideName, unpadNames, type BylineParts } from './credits.js';

/** Most lines a byline takes: names, a credit, and one line a long credit wrapped onto. */
export const BYLINE_MAX_LINES = 4;

/**
 * Read lines as one byline: every line is names and/or a credit, except that a credit too long for
 * its column wraps (`图片由…` / `…提供`); such a line is joined to the next, without a space.
 */
export function parseBylineLines(texts: string[]): BylineParts | null {
  if (texts.length === 0 || texts.length > BYLINE_MAX_LINES) return null;
  // A bracketed byline wrapped in its column (`（本报记者 李明 通讯员` / `王芳）`) reads as one line.
  // The column may break inside a name (`（本报记者 李` / `明）`), or a padded name (`王 芳）`) on the next line.
  if (texts.length > 1 && /^[（(【［〔]/.test(texts[0]!) && !/[）)】］〕]$/.test(texts[0]!)) {
    for (const joiner of [' ', '']) {
      const whole = parseByline(unpadNames(texts.join(joiner)).text);
      if (whole?.extra) return whole;
    }
    // Letter-spaced, its names run together once the spaces are gone (`（本报记者李明` / `华王芳芳）`).
    const run = parseRunTogetherNames(texts.join(''));
    return run?.extra ? run : null;
  }
  const merged: BylineParts = { authors: [], photoCredit: null, extra: null };
  // A name broken over the lines (`本报记者 李` / `斌`): a single character is never a name, so a line
  // ending on one after a space goes on with the next line's first word.
  if (texts.slice(0, -1).some(stopsInsideName)) {
    const whole = parseByline(texts.join(''));
    if (whole?.extra && whole.authors.length) return whole;
  }
  for (let i = 0; i < texts.length; i++) {
    let p = parseByline(texts[i]);
    if (!p && i + 1 < texts.length) {
      p = parseByline(texts[i] + texts[i + 1]);
      if (p?.photoCredit) i++;
      else p = null;
    }
    if (!p) return null;
    merged.authors.push(...p.authors);
    if (p.photoCredit)
      merged.photoCredit = merged.photoCredit ? `${merged.photoCredit} ${p.photoCredit}` : p.photoCredit;
    if (p.extra) merged.extra = merged.extra ? `${merged.extra} ${p.extra}` : p.extra;
  }
  return merged;
}
