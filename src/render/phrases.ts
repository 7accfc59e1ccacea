/**
 * Phrase-aware head breaking. A Chinese head is written in phrases, parted by a space (`党建铸魂 高举旗帜`)
 * or closed by punctuation (`…，…`); a head that wraps must break between phrases, never inside one.
 * Each phrase becomes a `<span class="phrase">` that the stylesheet keeps whole (`white-space: nowrap`),
 * and `text-wrap: balance` evens the lines. The page drops the spans' nowrap (class `phrase-fallback`)
 * on a head where a phrase is wider than the measure, so such a head breaks normally (src/layout/inpage/heads.js).
 */
import type { Element, ElementContent } from 'hast';

/** Punctuation after which a head may break: a phrase ends there. */
const PHRASE_END = /[，、：；！？。…）」』》”]/u;

/** A head's text cut into phrases: at spaces (dropped here, put back between spans) and after phrase-ending marks. */
export function splitPhrases(text: string): string[] {
  const phrases: string[] = [];
  for (const part of text.split(/\s+/).filter(Boolean)) {
    let current = '';
    for (const ch of part) {
      current += ch;
      if (PHRASE_END.test(ch)) {
        phrases.push(current);
        current = '';
      }
    }
    if (current) phrases.push(current);
  }
  // A run of closing marks stays with the phrase before it (`”，` after a quotation).
  return phrases.reduce<string[]>((out, p) => {
    if (out.length && [...p].every((ch) => PHRASE_END.test(ch))) out[out.length - 1] += p;
    else out.push(p);
    return out;
  }, []);
}

/** Where the text had a space between two phrases (so it is printed again there). */
function spaceAfter(text: string, phrases: string[]): boolean[] {
  let at = 0;
  return phrases.map((p) => {
    at = text.indexOf(p, at) + p.length;
    return /^\s/.test(text.slice(at));
  });
}

/** A head's phrases, each with whether a space followed it in the text. */
export function splitPhrasesWithSpaces(text: string): { text: string; space: boolean }[] {
  const phrases = splitPhrases(text);
  const spaces = spaceAfter(text, phrases);
  return phrases.map((p, i) => ({ text: p, space: spaces[i]! && i < phrases.length - 1 }));
}

/** A head's text as hast children: one span per phrase, or the text alone when it has a single phrase. */
export function phraseNodes(text: string): ElementContent[] {
  const phrases = splitPhrasesWithSpaces(text);
  if (phrases.length < 2) return [{ type: 'text', value: text }];
  return phrases.flatMap((p): ElementContent[] => {
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['phrase'] },
      children: [{ type: 'text', value: p.text }],
    };
    return p.space ? [span, { type: 'text', value: ' ' }] : [span];
  });
}
