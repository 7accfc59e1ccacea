/** The characters an article prints, in print order, as the independent PDF check compares them. */
import type { Article } from '../../src/ast/types.js';

const COUNTED = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Letters, digits and Han characters of a string. */
export function counted(text: string): string {
  return [...text].filter((c) => COUNTED.test(c)).join('');
}

/** An article's text in the order the templates print it: stack, lede, captions, body, byline. */
export function articlePrintText(a: Article): string {
  const texts = (nodes: { type: string; children?: { value: string }[] }[]) =>
    nodes
      .filter((n) => n.type !== 'figure')
      .map((n) => n.children!.map((t) => t.value).join(''))
      .join('');
  const captions = a.children
    .filter((c) => c.type === 'figure')
    .map((f) => `${f.caption}${f.credit ?? ''}`)
    .join('');
  return [
    a.institution ?? '',
    a.kicker ?? '',
    a.headline,
    a.subheadline ?? '',
    texts(a.lede),
    captions,
    texts(a.children),
    byline(a),
  ].join('');
}

/** The byline as the byline partial prints it: role words, names, bracketed author notes, photo credit. */
function byline(a: Article): string {
  const note = a.byline.note ?? '';
  const [roles, notes] = [note.replace(/[（(][^）)]*[）)]/g, ''), (note.match(/[（(][^）)]*[）)]/g) ?? []).join('')];
  return [roles, ...a.byline.authors, notes, a.byline.photoCredit ?? ''].join('');
}

/** Whether `needle`'s characters occur in `hay` in order (a subsequence); returns the first missing index or -1. */
export function missingFrom(hay: string, needle: string): number {
  let at = 0;
  for (let i = 0; i < needle.length; i++) {
    at = hay.indexOf(needle[i]!, at);
    if (at < 0) return i;
    at++;
  }
  return -1;
}
