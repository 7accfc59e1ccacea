/**
 * Importer entry (issue #3). INTERIM naive stub: the importer helper replaces it.
 * Contract: bytes of one source (.txt raw extraction or .md clean source) → typed tree + vfile messages.
 */
import { VFile } from 'vfile';
import type { Article, Paragraph, ZbDocument } from '../ast/types.js';

/** Result of importing one source: the tree and the vfile carrying its messages. */
export interface ParseResult {
  tree: ZbDocument;
  file: VFile;
}

/** Parse one source file's bytes into the document tree. Never throws on content; refuses binary with an Error. */
export function parseSource(bytes: Uint8Array, path: string): ParseResult {
  const text = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
  const file = new VFile({ path, value: text });
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  const articles: Article[] = [];
  let current: Article | null = null;
  for (const block of blocks) {
    const isHead = block.length < 40 && !/[。！？”]$/.test(block);
    if (isHead && (!current || current.children.length > 0)) {
      current = { type: 'article', id: `a${articles.length + 1}`, institution: null, kicker: null, headline: block,
        subheadline: null, lede: [], byline: { authors: [], photoCredit: null }, truncated: false, children: [] };
      articles.push(current);
      continue;
    }
    if (!current) continue;
    const p: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: block.replace(/\n/g, '') }] };
    current.children.push(p);
  }
  const tree: ZbDocument = { type: 'document', source: path.split('/').pop() ?? path, folio: null, banner: null, articles, diagnostics: [] };
  return { tree, file };
}
