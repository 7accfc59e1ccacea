/**
 * Scorer for the importer evaluation: imports each generated page with the real importer and
 * compares the tree with the page's truth, field by field. Text is compared width-insensitively
 * (half-width commas are repaired by the importer) and, for display lines, without spaces (a
 * two-line head is joined with one space, a head with a comma is not).
 */
import type { Article, ZbDocument } from '../../src/ast/types.js';
import { parseSource } from '../../src/parse/index.js';
import { accountingDiff } from '../../tests/parse/accounting.js';
import type { Page, TruthArticle } from './generate.js';

/** Correct / total for one field. */
export interface Tally {
  ok: number;
  total: number;
}

/** Every field the table reports. */
export const FIELDS = [
  'paragraphs exact',
  'headlines',
  'kicker/subheadline',
  'headline stacks',
  'institutions',
  'captions',
  'subheads',
  'standfirsts',
  'authors',
  'truncation',
  'articles',
  'pages lost nothing',
] as const;
export type Field = (typeof FIELDS)[number];

/** Scores of a set of pages, plus counts that are not ratios. */
export interface Scores {
  tallies: Record<Field, Tally>;
  spuriousSubheads: number;
  charsLost: number;
  needsReview: number;
  /** Per failing field, the page ids where it failed (for --show). */
  failures: Map<Field, string[]>;
  /** Per layout form of an article: headline right / articles with that form. */
  forms: Map<string, Tally>;
}

export function emptyScores(): Scores {
  return {
    tallies: Object.fromEntries(FIELDS.map((f) => [f, { ok: 0, total: 0 }])) as Record<Field, Tally>,
    spuriousSubheads: 0,
    charsLost: 0,
    needsReview: 0,
    failures: new Map(),
    forms: new Map(),
  };
}

const fold = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const key = (s: string | null | undefined) => (s == null ? null : fold(s).replace(/\s+/g, ''));
const text = (n: { children: { value: string }[] }) => n.children.map((c) => c.value).join('');

function tally(s: Scores, field: Field, ok: boolean, page: string): void {
  s.tallies[field].total++;
  if (ok) s.tallies[field].ok++;
  else {
    const l = s.failures.get(field) ?? [];
    if (!l.includes(page)) l.push(page);
    s.failures.set(field, l);
  }
}

/** The output article that stands for a truth article: same headline, else the one holding its first paragraph. */
function match(t: TruthArticle, tree: ZbDocument, used: Set<Article>): Article | null {
  const byHead = tree.articles.find((a) => !used.has(a) && key(a.headline) === key(t.headline));
  if (byHead) return byHead;
  const first = t.body.find((n) => n.t === 'p') as { text: string } | undefined;
  if (!first) return null;
  const probe = key(first.text)!.slice(0, 12);
  return (
    tree.articles.find(
      (a) => !used.has(a) && a.children.some((c) => c.type === 'paragraph' && key(text(c))!.includes(probe)),
    ) ?? null
  );
}

/** Score one page into `s`. */
export function scorePage(page: Page, s: Scores): ZbDocument {
  const bytes = new TextEncoder().encode(page.text);
  const { tree } = parseSource(bytes, `${page.id}.txt`);
  const diff = accountingDiff(bytes, tree);
  s.charsLost += [...diff.missing].length;
  tally(s, 'pages lost nothing', diff.missing.length === 0, page.id);
  s.needsReview += tree.diagnostics.filter((d) => d.ruleId === 'needs-review').length;
  const allParas = new Map<string, number>();
  for (const a of tree.articles)
    for (const p of [...a.lede, ...a.children])
      if (p.type === 'paragraph') allParas.set(key(text(p))!, (allParas.get(key(text(p))!) ?? 0) + 1);
  const truthHeads = new Set<string>();
  const used = new Set<Article>();
  tally(s, 'articles', tree.articles.length === page.articles.length, page.id);
  for (const t of page.articles) {
    const a = match(t, tree, used);
    if (a) used.add(a);
    // Paragraphs: each truth body paragraph found exactly among the page's paragraphs.
    for (const n of t.body) {
      if (n.t === 'p') {
        const k = key(n.text)!;
        const left = allParas.get(k) ?? 0;
        tally(s, 'paragraphs exact', left > 0, page.id);
        if (left > 0) allParas.set(k, left - 1);
      }
      if (n.t === 'h') truthHeads.add(key(n.text)!);
    }
    const headOk = a !== null && key(a.headline) === key(t.headline);
    tally(s, 'headlines', headOk, page.id);
    for (const f of t.forms) {
      const ft = s.forms.get(f) ?? { ok: 0, total: 0 };
      ft.total++;
      if (headOk) ft.ok++;
      s.forms.set(f, ft);
    }
    if (t.kicker || t.subheadline)
      tally(
        s,
        'kicker/subheadline',
        a !== null && key(a.kicker) === key(t.kicker) && key(a.subheadline) === key(t.subheadline),
        page.id,
      );
    if (page.kind === 'news')
      tally(
        s,
        'headline stacks',
        a !== null &&
          key(a.headline) === key(t.headline) &&
          key(a.kicker) === key(t.kicker) &&
          key(a.subheadline) === key(t.subheadline),
        page.id,
      );
    tally(s, 'institutions', a !== null && a.institution === t.institution, page.id);
    const figures = a
      ? a.children.flatMap((c) => (c.type === 'figure' ? [key(c.caption + (c.credit ?? ''))] : []))
      : [];
    for (const n of t.body)
      if (n.t === 'f') tally(s, 'captions', figures.includes(key(n.caption + (n.credit ?? ''))), page.id);
    const heads = a ? a.children.flatMap((c) => (c.type === 'heading' ? [key(text(c))] : [])) : [];
    for (const n of t.body) if (n.t === 'h') tally(s, 'subheads', heads.includes(key(n.text)), page.id);
    const lede = a ? a.lede.map((p) => key(text(p))!).join('') : '';
    for (const l of t.lede) tally(s, 'standfirsts', lede.includes(key(l)!), page.id);
    tally(s, 'authors', a !== null && [...a.byline.authors].sort().join() === [...t.authors].sort().join(), page.id);
    tally(s, 'truncation', a !== null && a.truncated === t.truncated, page.id);
  }
  for (const a of tree.articles)
    for (const c of a.children) if (c.type === 'heading' && !truthHeads.has(key(text(c))!)) s.spuriousSubheads++;
  return tree;
}
