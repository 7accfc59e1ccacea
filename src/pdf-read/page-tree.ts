/**
 * The pages of any PDF, read from its page tree without trusting it (PDF 32000-1 §7.7.3): the walk is
 * iterative, visits every node once (a /Kids entry that points back up the tree, or at itself, is a
 * cycle, reported and not followed) and stops at a depth and a page count no real file reaches, so a
 * hostile file gives a list of pages and a list of problems, never a stack overflow or a hang.
 */
import { PDFArray, PDFDict, type PDFContext, type PDFObject } from 'pdf-lib';
import { entry, nameEntry, resolve } from './objects.js';

/** Page-tree levels followed at most (real trees are 2 to 5 levels deep). */
export const MAX_TREE_DEPTH = 64;
/** Pages read at most from one file. */
export const MAX_PAGES = 100_000;
/** Parent links followed at most when looking up an inherited page attribute. */
const MAX_INHERITANCE_DEPTH = 64;

/** A file's pages in order, and what was wrong with its page tree. */
export interface PageTree {
  pages: PDFDict[];
  problems: string[];
}

/** Every page of the document in order (leaves of the tree under the catalog's /Pages). */
export function readPageTree(context: PDFContext, catalog: PDFDict): PageTree {
  const pages: PDFDict[] = [];
  const problems = new Set<string>();
  const root = entry(context, catalog, 'Pages');
  if (!(root instanceof PDFDict)) return { pages, problems: ['the catalog has no page tree (/Pages)'] };
  const seen = new Set<PDFObject>();
  // Depth-first, in order: the stack holds the nodes still to visit, the next one last.
  const stack: { node: PDFObject | undefined; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!(node instanceof PDFDict)) {
      problems.add('the page tree lists an entry that is not a page dictionary');
      continue;
    }
    if (seen.has(node)) {
      problems.add(
        'the page tree has a cycle (a /Kids entry points back into the tree); the repeated branch was not read',
      );
      continue;
    }
    seen.add(node);
    const kids = entry(context, node, 'Kids');
    const type = nameEntry(context, node, 'Type');
    if (type === 'Page' || (type !== 'Pages' && !(kids instanceof PDFArray))) {
      if (pages.length >= MAX_PAGES) {
        problems.add(`the page tree lists more than ${MAX_PAGES} pages; only the first ${MAX_PAGES} were checked`);
        break;
      }
      pages.push(node);
      continue;
    }
    if (!(kids instanceof PDFArray)) {
      problems.add('a page tree node has no /Kids array');
      continue;
    }
    if (depth >= MAX_TREE_DEPTH) {
      problems.add(`the page tree is more than ${MAX_TREE_DEPTH} levels deep; deeper pages were not read`);
      continue;
    }
    const children = kids.asArray();
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: resolve(context, children[i]), depth: depth + 1 });
  }
  return { pages, problems: [...problems] };
}

/** An inheritable page attribute (Resources, MediaBox, CropBox, Rotate): the page's own, else its nearest ancestor's. */
export function inheritedEntry(context: PDFContext, page: PDFDict, key: string): PDFObject | undefined {
  let node: PDFDict | undefined = page;
  for (let depth = 0; node && depth < MAX_INHERITANCE_DEPTH; depth++) {
    const value = entry(context, node, key);
    if (value !== undefined) return value;
    const parent = entry(context, node, 'Parent');
    node = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}

/** The resources a page draws with (inherited through the tree when the page has none). */
export function pageResources(context: PDFContext, page: PDFDict): PDFDict | undefined {
  const value = inheritedEntry(context, page, 'Resources');
  return value instanceof PDFDict ? value : undefined;
}
