/**
 * The printed section of `npm run eval:import`: scores the pages of `printed.ts` read back with
 * pdftotext (default and -layout) and prints one table, with one column per reading.
 */
import { printedCorpus } from './printed.js';
import type { ZbDocument } from '../../src/ast/types.js';
import type { Page } from './generate.js';
import { emptyScores, FIELDS, scorePage, type Field, type Scores } from './score.js';

const flat = (s: string) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');

/** Sentences of the truth body found whole inside one paragraph of the tree (what survives a column break). */
function sentencesWhole(page: Page, tree: ZbDocument, t: { ok: number; total: number }): void {
  const paras = tree.articles
    .flatMap((a) => [...a.lede, ...a.children])
    .flatMap((c) => (c.type === 'paragraph' ? [flat(c.children.map((x) => x.value).join(''))] : []));
  for (const a of page.articles)
    for (const n of a.body)
      if (n.t === 'p')
        for (const s of n.text.match(/[^。！？]+[。！？]?[”’]?/g) ?? []) {
          t.total++;
          if (paras.some((p) => p.includes(flat(s)))) t.ok++;
        }
}

const pct = (t: { ok: number; total: number }) => (t.total ? `${((100 * t.ok) / t.total).toFixed(1)}%` : '–');

/** Print the table for `count` printed pages; `show` lists the pages failing that field. */
export async function printedTable(count: number, show?: string, from = 0): Promise<Record<string, Scores>> {
  const pages = await printedCorpus(count, from);
  const cols: Record<string, Scores> = {
    pdftotext: emptyScores(),
    '-layout': emptyScores(),
    'A4 3–4 col': emptyScores(),
    'A3/tabloid 5–7': emptyScores(),
  };
  const whole = Object.fromEntries(Object.keys(cols).map((k) => [k, { ok: 0, total: 0 }]));
  for (const p of pages) {
    const bySize = p.design.size === 'A4' ? 'A4 3–4 col' : 'A3/tabloid 5–7';
    const plain = scorePage(p.plain, cols.pdftotext!);
    sentencesWhole(p.plain, plain, whole.pdftotext!);
    sentencesWhole(p.layout, scorePage(p.layout, cols['-layout']!), whole['-layout']!);
    sentencesWhole(p.plain, scorePage(p.plain, cols[bySize]!), whole[bySize]!);
  }
  const names = Object.keys(cols);
  const row = (label: string, cells: string[]) =>
    `| ${label.padEnd(20)} | ${cells.map((c) => c.padStart(14)).join(' | ')} |`;
  console.log(
    `Printed pages: ${count - from} generated pages printed by Chromium in other designs, read back with pdftotext\n(the last two columns split the default reading by page size)\n`,
  );
  console.log(row('field', names));
  console.log(`|${'-'.repeat(22)}|${names.map(() => `${'-'.repeat(15)}:`).join('|')}|`);
  console.log(
    row(
      'sentences whole',
      names.map((c) => pct(whole[c]!)),
    ),
  );
  for (const f of FIELDS)
    console.log(
      row(
        f,
        names.map((c) => pct(cols[c]!.tallies[f])),
      ),
    );
  console.log(
    row(
      'spurious subheads',
      names.map((c) => String(cols[c]!.spuriousSubheads)),
    ),
  );
  console.log(
    row(
      'characters lost',
      names.map((c) => String(cols[c]!.charsLost)),
    ),
  );
  if (show)
    for (const c of ['pdftotext', '-layout'])
      console.log(`\n${c} pages failing ${show}: ${(cols[c]!.failures.get(show as Field) ?? []).join(', ')}`);
  console.log('');
  return cols;
}
