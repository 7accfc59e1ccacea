/**
 * Article body → HTML as a unified processor: the tree's paragraphs and headings are mdast already,
 * so the house's remark plugins run on them, remark-rehype turns them into hast with a table of small
 * handlers for our own node types, the house's rehype plugins run on that, and rehype-stringify
 * escapes every text on the way out.
 */
import type { Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { type PluggableList, unified } from 'unified';
import { toString as mdastText } from 'mdast-util-to-string';
import type { BlockContent } from '../ast/types.js';
import { phraseNodes } from './phrases.js';

/** Warnings from conversion (unknown node types), reported as diagnostics instead of crashing. */
export interface BodyWarning {
  nodeType: string;
  line: number;
  column: number;
}

/** The house's own plugins (from the config's `remarkPlugins` and `rehypePlugins`), already imported. */
export interface BodyPlugins {
  remark: PluggableList;
  rehype: PluggableList;
}

/** No house plugins: the built-in conversion only. */
export const NO_PLUGINS: BodyPlugins = { remark: [], rehype: [] };

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
type Handler = NonNullable<Handlers['paragraph']>;
type State = Parameters<Handler>[0];

/**
 * Handlers keyed by node type (ours included, so not only mdast's): each small, each copies the source
 * position for the proof's file:line links.
 */
const HANDLERS: Record<string, Handler> = {
  paragraph(state: State, node) {
    // A paragraph continued from a previous page starts mid-sentence: no first-line indent.
    const cont = (node as { continued?: boolean }).continued ? { className: ['continued'] } : {};
    const result: Element = {
      type: 'element',
      tagName: 'p',
      properties: { ...cont, ...lineProps(node) },
      children: state.all(node),
    };
    state.patch(node, result);
    return result;
  },
  heading(state: State, node) {
    const result: Element = {
      type: 'element',
      tagName: 'h3',
      properties: { className: ['subhead'], ...lineProps(node) },
      // A subhead breaks between its phrases, never inside one (phrases.ts).
      children: phraseNodes(mdastText(node)),
    };
    state.patch(node, result);
    return result;
  },
  // Figures are set by the figure partial outside the text columns (see templates/article.hbs).
  figure() {
    return undefined;
  },
};

function lineProps(node: { position?: { start: { line: number } } }): Record<string, string> {
  return node.position ? { dataLine: String(node.position.start.line) } : {};
}

/**
 * Convert an article's body blocks to an HTML string; unknown nodes give a warning, not a crash.
 * House plugins must be synchronous: the body is converted while the page views are built.
 */
export function bodyToHtml(
  blocks: BlockContent[],
  plugins: BodyPlugins = NO_PLUGINS,
): { html: string; warnings: BodyWarning[] } {
  const warnings: BodyWarning[] = [];
  const processor = unified()
    .use(plugins.remark)
    .use(remarkRehype, {
      handlers: HANDLERS as Handlers,
      unknownHandler(_state, node) {
        const start = node.position?.start;
        warnings.push({ nodeType: node.type, line: start?.line ?? 0, column: start?.column ?? 0 });
        return undefined;
      },
    })
    .use(plugins.rehype)
    .use(rehypeStringify);
  const root = { type: 'root', children: blocks } as unknown as MdastRoot;
  const hast = processor.runSync(root);
  return { html: String(processor.stringify(hast)), warnings };
}
