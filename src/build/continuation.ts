/**
 * Copy that cannot fit its page at the smallest allowed sizes continues on a following page with
 * jump lines `（下转第X版）` / `（上接第X版）` (issue #4) — never silently cut.
 */
import type { Article, BlockContent, ZbDocument } from '../ast/types.js';

/** Marks carried on split articles so the view can print the jump lines. */
export interface JumpMarks {
  jumpToNext?: boolean;
  jumpFromPrevious?: boolean;
}

/** A split article (extra fields are allowed on tree nodes, issue #3). */
export type JumpArticle = Article & JumpMarks;

function textLength(block: BlockContent): number {
  return block.type === 'figure' ? 0 : block.children.reduce((n, t) => n + t.value.length, 0);
}

/**
 * Split the page's last article so roughly `keepShare` of its body stays; the rest goes to a new
 * continuation page inserted right after. Returns the new document list (inputs untouched).
 */
export function splitLastArticle(docs: ZbDocument[], pageIndex: number, keepShare: number): ZbDocument[] {
  const doc = docs[pageIndex]!;
  const article = doc.articles[doc.articles.length - 1] as JumpArticle | undefined;
  if (!article || article.children.length < 2) return docs;
  const total = article.children.reduce((n, b) => n + textLength(b), 0);
  let kept = 0;
  let cut = 0;
  while (cut < article.children.length - 1 && kept + textLength(article.children[cut]!) <= total * keepShare) kept += textLength(article.children[cut++]!);
  cut = Math.max(1, cut);
  const head: JumpArticle = { ...article, children: article.children.slice(0, cut), byline: { authors: [], photoCredit: null }, jumpToNext: true };
  const tail: JumpArticle = { ...article, id: `${article.id}-cont`, lede: [], institution: null, kicker: null, subheadline: null,
    children: article.children.slice(cut), jumpFromPrevious: true };
  const first: ZbDocument = { ...doc, articles: [...doc.articles.slice(0, -1), head] };
  const next: ZbDocument = { ...doc, folio: null, banner: null, articles: [tail], diagnostics: [] };
  return [...docs.slice(0, pageIndex), first, next, ...docs.slice(pageIndex + 1)];
}
