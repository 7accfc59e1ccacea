/**
 * Half-width punctuation in Chinese prose:
 * copy typed with an ASCII keyboard layout carries `, ; : ? !` and `( )` where Chinese text sets the
 * full-width marks. They are made full-width where they sit in Chinese text; where they belong to
 * numbers, times, URLs or Latin text (`1,000`, `8:30`, `f(x)`) they stay.
 */
import { CJK } from './text-form.js';

const HALFWIDTH_MAP: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
const CJK_SIDE = `[${CJK}“”‘’（）《》、]`;
const CJK_SIDE_RE = new RegExp(CJK_SIDE);
const HAS_CJK = new RegExp(`[${CJK}]`);
const LATIN = /[\dA-Za-z]/;

/**
 * Which ASCII parentheses stand in Chinese text. A pair is Chinese when it encloses Chinese
 * (`(以下简称…)`, `(2020—2025年)`), or when Chinese text sits right before `(` or after `)` and `(`
 * does not follow a letter or digit (`(1)加强`, `(一)`). Notation stays as it is: `f(x)`, `H(2)`,
 * and so does a pair in Latin text. A parenthesis whose partner is on another line (pdftotext broke
 * the line inside it) is judged by its own side of the line.
 */
function chineseParentheses(text: string): Set<number> {
  const chinese = new Set<number>();
  const side = (i: number) => CJK_SIDE_RE.test(text[i] ?? '');
  const open: number[] = [];
  const unmatched: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') {
      const o = open.pop();
      if (o === undefined) unmatched.push(i);
      else if (HAS_CJK.test(text.slice(o + 1, i)) || (!LATIN.test(text[o - 1] ?? '') && (side(o - 1) || side(i + 1))))
        chinese.add(o).add(i);
    }
  }
  for (const o of open)
    if (HAS_CJK.test(text.slice(o + 1)) || (!LATIN.test(text[o - 1] ?? '') && side(o - 1))) chinese.add(o);
  for (const c of unmatched) if (side(c + 1) || HAS_CJK.test(text.slice(0, c))) chinese.add(c);
  return chinese;
}

/**
 * ASCII , ; : ? ! beside Chinese text and ( ) around or beside it become full-width. Numbers such as
 * `1,000`, times `8:30` and URLs are left alone because a digit or letter sits on both sides.
 */
export function fixHalfwidth(text: string): { text: string; count: number } {
  let count = 0;
  const parens = chineseParentheses(text);
  const re = new RegExp(`(?<=${CJK_SIDE})[,;:?!](?!//)|[,;:?!](?=${CJK_SIDE})|[()]`, 'g');
  const out = text.replace(re, (ch, index: number) => {
    if (ch === '(' || ch === ')') {
      if (!parens.has(index)) return ch;
    } else if (/[\dA-Za-z]/.test(text[index - 1] ?? '') && /[\dA-Za-z]/.test(text[index + 1] ?? '')) return ch;
    count++;
    return HALFWIDTH_MAP[ch];
  });
  return { text: out, count };
}
