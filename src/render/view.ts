/**
 * Document trees → the view model the Handlebars templates print. Text stays text here: the templates
 * escape `{{…}}` values and the body HTML comes escaped from hast-util-to-html.
 */
import type { Article, Figure, Photo, ZbDocument } from '../ast/types.js';
import { type BodyPlugins, type BodyWarning, bodyToHtml, NO_PLUGINS } from './body.js';

/** One figure slot as the figure partial sees it; `photo` absent prints a labelled slot. */
export interface FigureView {
  caption: string;
  credit: string | null;
  /** Always null in the view: a photo prints only once processed (`photo`), never from the source's path. */
  src: null;
  line: number | null;
  /** The figure's photo: `id` names its <img>, `aspect` (width / height) guides the make-up. */
  photo: { id: string; aspect: number; source: Photo } | null;
}

/** One article module as the article partial sees it. */
export interface ArticleView {
  id: string;
  domId: string;
  rank: 'lead' | 'second' | 'brief';
  line: number | null;
  style: string;
  jumpFrom: string | null;
  jumpTo: string | null;
  institution: string | null;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  ledeHtml: string;
  figures: FigureView[];
  bodyHtml: string;
  /** Names with the role words before them (`本报记者`) and author notes after them (`（作者为…）`): all printed. */
  byline: { roles: string | null; authors: string[]; photoCredit: string | null; notes: string | null } | null;
  /** Characters of body copy, used to rank articles. */
  size: number;
}

/** One page as the page partial sees it. */
export interface PageView {
  number: number;
  source: string;
  section: string;
  paper: string;
  dateLabel: string;
  banner: string[] | null;
  bannerLines: number;
  articles: ArticleView[];
}

/** Page-level facts that come from the config and the build clock, not the source. */
export interface PageFacts {
  number: number;
  paper: string;
  section: string;
  dateLabel: string;
}

/** Build the view of one source page; conversion warnings are returned for the report. */
export function pageView(
  doc: ZbDocument,
  facts: PageFacts,
  pageIndex: number,
  plugins: BodyPlugins = NO_PLUGINS,
): { view: PageView; warnings: BodyWarning[] } {
  const warnings: BodyWarning[] = [];
  const sizes = doc.articles.map(articleSize);
  const longest = sizes.indexOf(Math.max(...sizes, 0));
  const articles = doc.articles.map((article, i) => {
    const body = bodyToHtml(
      article.children.filter((c) => c.type !== 'figure'),
      plugins,
    );
    warnings.push(...body.warnings);
    const rank =
      i === 0 || (i === longest && sizes[i]! > 2 * (sizes[0] ?? 0)) ? 'lead' : sizes[i]! > 1200 ? 'second' : 'brief';
    return articleView(article, `p${pageIndex + 1}-${article.id}`, rank, body.html, sizes[i]!, plugins);
  });
  const banner = doc.banner?.length ? doc.banner : null;
  return {
    view: {
      ...facts,
      section: doc.folio?.section ?? facts.section,
      source: doc.source,
      banner,
      bannerLines: banner ? 4 + banner.length * 2 : 0,
      articles,
    },
    warnings,
  };
}

function articleView(
  article: Article,
  domId: string,
  rank: ArticleView['rank'],
  bodyHtml: string,
  size: number,
  plugins: BodyPlugins,
): ArticleView {
  const figures = article.children
    .filter((c): c is Figure => c.type === 'figure')
    .map((f, i) => figureView(f, `${domId}-f${i + 1}`));
  const { authors, photoCredit, note } = article.byline;
  // Every printed character reaches the page: role words lead the names, bracketed author notes follow them.
  const noteParts = (note ?? '').split(/\s+(?=[（(])|(?<=[）)])\s+/).filter(Boolean);
  const roles = noteParts.filter((p) => !/^[（(]/.test(p)).join(' ') || null;
  const notes = noteParts.filter((p) => /^[（(]/.test(p)).join(' ') || null;
  const hasByline = authors.length > 0 || photoCredit !== null || note != null;
  return {
    id: article.id,
    domId,
    rank,
    line: article.position?.start.line ?? null,
    style: '',
    jumpFrom: null,
    jumpTo: null,
    institution: article.institution,
    kicker: article.kicker,
    headline: article.headline,
    subheadline: article.subheadline,
    ledeHtml: article.lede.length ? bodyToHtml(article.lede, plugins).html : '',
    figures,
    bodyHtml,
    byline: hasByline ? { roles, authors, photoCredit, notes } : null,
    size,
  };
}

function figureView(figure: Figure, id: string): FigureView {
  const photo = figure.photo
    ? { id, aspect: Math.round((figure.photo.width / figure.photo.height) * 1000) / 1000, source: figure.photo }
    : null;
  return {
    caption: figure.caption,
    credit: figure.credit,
    src: null,
    line: figure.position?.start.line ?? null,
    photo,
  };
}

function articleSize(article: Article): number {
  let n = 0;
  for (const child of [...article.lede, ...article.children])
    if (child.type !== 'figure') for (const t of child.children) n += t.value.length;
  return n;
}
