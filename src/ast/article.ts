/**
 * The article node as a reader opens it: numbered, with its headline and where it starts, nothing else
 * read yet. The Markdown reader and the raw-text importer both open articles here, so the two build
 * the same node and a field added to `Article` is given its empty value once.
 */
import type { Article, Position } from './types.js';

/** What a reader may know of an article when it opens one besides its headline. */
export interface ArticleLabels {
  institution?: string | undefined;
  kicker?: string | undefined;
}

/** An empty article, id `a1`, `a2`… by its index among the document's articles. */
export function newArticle(
  index: number,
  headline: string,
  position: Position | undefined,
  labels: ArticleLabels = {},
): Article {
  return {
    type: 'article',
    id: `a${index + 1}`,
    institution: labels.institution ?? null,
    kicker: labels.kicker ?? null,
    headline,
    subheadline: null,
    lede: [],
    byline: { authors: [], photoCredit: null },
    truncated: false,
    children: [],
    position,
  };
}
