/**
 * Measures the pdftotext round trip (the importer's self-test): trees parsed from the sources vs. the
 * tree parsed back from `pdftotext` of the printed edition.
 */
import type { ZbDocument } from '../../src/ast/types.js';

const text = (n: { children: { value: string }[] }) => n.children.map((c) => c.value).join('');

export interface RoundTripScore {
  headlines: { total: number; found: number; missing: string[] };
  paragraphs: { total: number; exact: number; missing: string[] };
}

/** Headlines and paragraphs of `originals` that reappear exactly in `recovered`. */
export function scoreRoundTrip(originals: ZbDocument[], recovered: ZbDocument[]): RoundTripScore {
  const gotHeadlines = new Set(recovered.flatMap((t) => t.articles.map((a) => a.headline.replace(/\s+/g, ''))));
  const gotParas = new Set(
    recovered.flatMap((t) =>
      t.articles.flatMap((a) =>
        [...a.lede, ...a.children].flatMap((c) => (c.type === 'paragraph' ? [text(c).replace(/\s+/g, '')] : [])),
      ),
    ),
  );
  const heads = originals.flatMap((t) => t.articles.map((a) => a.headline));
  const paras = originals.flatMap((t) =>
    t.articles.flatMap((a) => [...a.lede, ...a.children].flatMap((c) => (c.type === 'paragraph' ? [text(c)] : []))),
  );
  const missingHeads = heads.filter((h) => !gotHeadlines.has(h.replace(/\s+/g, '')));
  const missingParas = paras.filter((p) => !gotParas.has(p.replace(/\s+/g, '')));
  return {
    headlines: { total: heads.length, found: heads.length - missingHeads.length, missing: missingHeads },
    paragraphs: { total: paras.length, exact: paras.length - missingParas.length, missing: missingParas },
  };
}
