/**
 * Character accounting: every Chinese character, letter and digit of
 * the input appears in the tree exactly once, except the reported duplicate.
 */
import type { ZbDocument } from '../../src/ast/types.js';
import { decodeBytes } from '../../src/parse/decode.js';
import { mapKangxi } from '../../src/parse/lines.js';

/** Multiset of letters and digits (ideographs are letters) in `texts`. */
export function countChars(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t.match(/[\p{L}\p{N}]/gu) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Every printed string the tree holds (inferred institutions and the folio fields are copies, so they are skipped). */
export function treeStrings(tree: ZbDocument): string[] {
  const out: string[] = [];
  // The folio fields are read from a line kept whole in furniture, so they are not counted again.
  out.push(...(tree.banner ?? []), ...(tree.furniture ?? []));
  const text = (n: { children: { value: string }[] }) => n.children.map((c) => c.value).join('');
  for (const a of tree.articles) {
    if (a.institution && !a.institutionInferred) out.push(a.institution);
    // Names read from a dateline stay printed in the paragraph: they are a copy.
    const authors = a.byline.fromDateline ? [] : a.byline.authors;
    for (const s of [a.kicker, a.headline, a.subheadline, a.byline.photoCredit, a.byline.note, ...authors])
      if (s) out.push(s);
    for (const p of a.lede) out.push(text(p));
    for (const c of a.children) out.push(c.type === 'figure' ? `${c.caption}${c.credit ?? ''}` : text(c));
  }
  return out;
}

/** Characters in the input but not the tree (plus), and in the tree but not the input (minus). */
export function accountingDiff(bytes: Uint8Array, tree: ZbDocument): { missing: string; extra: string } {
  const input = countChars([mapKangxi(decodeBytes(bytes, 'input').text).text]);
  const held = countChars([...treeStrings(tree), ...(tree.dropped ?? []).map((d) => d.text)]);
  let missing = '';
  let extra = '';
  for (const [ch, n] of input) if ((held.get(ch) ?? 0) < n) missing += ch.repeat(n - (held.get(ch) ?? 0));
  for (const [ch, n] of held) if ((input.get(ch) ?? 0) < n) extra += ch.repeat(n - (input.get(ch) ?? 0));
  return { missing, extra };
}
