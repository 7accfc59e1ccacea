/**
 * Projection of a tree onto the editor's reading format (the fixtures' editor.json):
 * the fields an editor writes down per article. Shared by the fixture tests and the round trip.
 */
import type { ZbDocument } from '../../src/ast/types.js';

export interface ArticleSummary {
  institution: string | null;
  headline: string;
  kicker: string | null;
  subheadline: string | null;
  lede: string | null;
  sections: string[];
  captions: string[];
  authors: string[];
  photoCredit: string | null;
  paragraphCount: number;
  firstWords: string;
  lastWords: string;
  truncated: boolean;
}

const text = (n: { children: { value: string }[] }) => n.children.map((c) => c.value).join('');

/** The editor's-reading projection of one tree. */
export function summarise(tree: ZbDocument): {
  folio: ZbDocument['folio'];
  banner: string[] | null;
  articles: ArticleSummary[];
} {
  return {
    folio: tree.folio ?? { page: null, section: null },
    banner: tree.banner,
    articles: tree.articles.map((a) => {
      const paras = a.children.filter((c) => c.type === 'paragraph').map((p) => text(p as never));
      const body = paras.join('');
      return {
        institution: a.institution,
        headline: a.headline,
        kicker: a.kicker,
        subheadline: a.subheadline,
        lede: a.lede.length ? [...a.lede.map((p) => text(p)).join('')].slice(0, 12).join('') : null,
        sections: a.children.filter((c) => c.type === 'heading').map((h) => text(h as never)),
        captions: a.children.flatMap((c) => (c.type === 'figure' ? [c.caption] : [])),
        authors: a.byline.authors,
        photoCredit: a.byline.photoCredit,
        paragraphCount: paras.length,
        firstWords: [...body].slice(0, 10).join(''),
        lastWords: [...body].slice(-8).join(''),
        truncated: a.truncated,
      };
    }),
  };
}

/** Width-insensitive text (the seeds print half-width commas the importer converts). */
export function fold(value: unknown): unknown {
  if (typeof value === 'string')
    return value.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (Array.isArray(value)) return value.map(fold);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fold(v)]));
  return value;
}
