/**
 * Copy that cannot fit its page at the smallest allowed sizes continues on a following page with
 * jump lines `（下转第X版）` / `（上接第X版）` — never silently cut.
 */
import type { Article, BlockContent, Paragraph, ZbDocument } from '../ast/types.js';

/** Marks carried on split articles so the view can print the jump lines. */
export interface JumpMarks {
  jumpToNext?: boolean;
  jumpFromPrevious?: boolean;
}

/** A split article (extra fields are allowed on tree nodes). */
export type JumpArticle = Article & JumpMarks;

/** A page made by the make-up for copy its source page could not hold (numbered after it). */
export type OverflowPage = ZbDocument & { overflowPage?: true };

/** True for a page the make-up added after a source page. */
export function isOverflowPage(doc: ZbDocument): boolean {
  return (
    (doc as OverflowPage).overflowPage === true ||
    (doc.articles[0] as JumpArticle | undefined)?.jumpFromPrevious === true
  );
}

/**
 * Move the page's last article whole to the page after it, when the articles before it already fill
 * the page (a smaller page size, a bigger body size): splitting it would leave a headline and a few
 * lines. It joins the overflow page already made for this page, else a new one (nothing cut).
 */
export function moveLastArticle(docs: ZbDocument[], pageIndex: number): ZbDocument[] {
  const doc = docs[pageIndex]!;
  if (doc.articles.length < 2) return docs;
  const moved = doc.articles[doc.articles.length - 1]!;
  const first: ZbDocument = { ...doc, articles: doc.articles.slice(0, -1) };
  const after = docs[pageIndex + 1];
  if (after && (after as OverflowPage).overflowPage && after.source === doc.source)
    return [
      ...docs.slice(0, pageIndex),
      first,
      { ...after, articles: [moved, ...after.articles] },
      ...docs.slice(pageIndex + 2),
    ];
  const next: OverflowPage = {
    ...doc,
    folio: null,
    banner: null,
    articles: [moved],
    diagnostics: [],
    overflowPage: true,
  };
  return [...docs.slice(0, pageIndex), first, next, ...docs.slice(pageIndex + 1)];
}

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
  if (!article?.children.some((b) => b.type === 'paragraph')) return docs;
  const total = article.children.reduce((n, b) => n + textLength(b), 0);
  const budget = Math.max(1, Math.floor(total * keepShare));
  let kept = 0;
  let cut = 0;
  while (cut < article.children.length && kept + textLength(article.children[cut]!) <= budget)
    kept += textLength(article.children[cut++]!);
  const headPart = article.children.slice(0, cut);
  const tailPart = article.children.slice(cut);
  // Split the paragraph that crosses the budget mid-text, as a make-up editor cuts a column.
  const crossing = tailPart[0];
  if (crossing?.type === 'paragraph' && budget - kept > 0) {
    const [first, rest] = splitParagraph(crossing, budget - kept);
    if (rest) {
      headPart.push(first);
      tailPart[0] = rest;
    }
  }
  if (!headPart.length || !tailPart.length) return docs;
  const head: JumpArticle = {
    ...article,
    children: headPart,
    byline: { authors: [], photoCredit: null },
    jumpToNext: true,
  };
  const tail: JumpArticle = {
    ...article,
    id: `${article.id}-cont`,
    lede: [],
    institution: null,
    kicker: null,
    subheadline: null,
    children: tailPart,
    jumpFromPrevious: true,
  };
  const first: ZbDocument = { ...doc, articles: [...doc.articles.slice(0, -1), head] };
  const next: OverflowPage = {
    ...doc,
    folio: null,
    banner: null,
    articles: [tail],
    diagnostics: [],
    overflowPage: true,
  };
  return [...docs.slice(0, pageIndex), first, next, ...docs.slice(pageIndex + 1)];
}

/** Cut a paragraph after `chars` characters; the second half is marked `continued` (set without indent). */
function splitParagraph(p: Paragraph, chars: number): [Paragraph, Paragraph | null] {
  const text = p.children.map((t) => t.value).join('');
  if (chars >= text.length - 1) return [p, null];
  return [
    { ...p, children: [{ type: 'text', value: text.slice(0, chars) }] },
    { ...p, continued: true, children: [{ type: 'text', value: text.slice(chars) }] } as Paragraph,
  ];
}
