/**
 * The raw-text importer: decoded text of a page extracted from a PDF → document tree.
 * Passes, in order: lines → `pdftotext -layout` columns → side-by-side columns → normalise → page shape → classify +
 * assemble → repairs.
 */
import type { ZbDocument } from '../ast/types.js';
import { assemble } from './assemble.js';
import { normaliseLines, splitLines, type Reporter } from './lines.js';
import { pageShape } from './page.js';
import { NoteBuffer } from './report.js';
import { demoteSentenceSubheads } from './sentence-subheads.js';
import { unmergeColumns } from './side-by-side.js';
import { unlayoutColumns } from './layout-columns.js';
import { spanOf, spanOfLines } from './positions.js';
import {
  bylineFromClosingBrackets,
  bylineFromDateline,
  extendGluedPlaceNames,
  inferInstitutions,
  markTruncated,
  removeDuplicates,
  spanArticles,
} from './repairs.js';

/** Build the tree from decoded text; `report` receives every diagnostic. */
export function parseRawText(text: string, source: string, sink: Reporter): ZbDocument {
  // Notes are held until the page is read, so a later pass can replace an earlier reading's note;
  // they reach the sink even when a pass throws.
  const notes = new NoteBuffer(sink);
  try {
    return readPage(text, source, notes);
  } finally {
    notes.flush();
  }
}

function readPage(text: string, source: string, notes: NoteBuffer): ZbDocument {
  const report = notes.report;
  const lines = normaliseLines(unmergeColumns(unlayoutColumns(splitLines(text))), report);
  const shape = pageShape(lines);
  const assembled = assemble(lines, shape, report);
  demoteSentenceSubheads(assembled.articles, notes);
  const tree: ZbDocument = {
    type: 'document',
    source,
    folio: assembled.folio,
    banner: assembled.banner,
    articles: assembled.articles,
    diagnostics: [],
  };
  if (assembled.furniture.length) tree.furniture = assembled.furniture;
  removeDuplicates(tree, report);
  markTruncated(tree, report);
  extendGluedPlaceNames(tree, text, report);
  inferInstitutions(tree);
  bylineFromDateline(tree, report);
  bylineFromClosingBrackets(tree);
  spanArticles(tree);
  if (lines.length) tree.position = { start: spanOf(lines[0]).start, end: spanOfLines(lines).end };
  tree.position && (tree.position.start = { line: 1, column: 1, offset: 0 });
  tree.children = tree.articles;
  return tree;
}
