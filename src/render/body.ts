/**
 * Article body → HTML through the unified collective: the tree's
 * paragraphs and headings are mdast already, so mdast-util-to-hast converts them with a table of
 * small handlers for our own node types, and hast-util-to-html escapes every text on the way out.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { BlockContent } from '../ast/types.js';

/** Warnings from conversion (unknown node types), reported as diagnostics instead of crashing. */
export interface BodyWarning {
  nodeType: string;
  line: number;
  column: number;
}

/** Handlers keyed by node type: each small, each copies the source position for the proof's file:line links. */
function handlers(): Record<string, Handler> {
  return {
    paragraph(state: State, node) {
      // A paragraph continued from a previous page starts mid-sentence: no first-line indent.
      const cont = (node as { continued?: boolean }).continued ? { className: ['continued'] } : {};
      const result: Element = { type: 'element', tagName: 'p', properties: { ...cont, ...lineProps(node) }, children: state.all(node) };
      state.patch(node, result);
      return result;
    },
    heading(state: State, node) {
      const result: Element = { type: 'element', tagName: 'h3', properties: { className: ['subhead'], ...lineProps(node) }, children: state.all(node) };
      state.patch(node, result);
      return result;
    },
    // Figures are set by the figure partial outside the text columns (see templates/article.hbs).
    figure() {
      return undefined;
    },
  };
}

function lineProps(node: { position?: { start: { line: number } } }): Record<string, string> {
  return node.position ? { dataLine: String(node.position.start.line) } : {};
}

/** Convert an article's body blocks to an HTML string; unknown nodes give a warning, not a crash. */
export function bodyToHtml(blocks: BlockContent[]): { html: string; warnings: BodyWarning[] } {
  const warnings: BodyWarning[] = [];
  const root = { type: 'root', children: blocks } as unknown as MdastNodes;
  const hast = toHast(root, {
    handlers: handlers(),
    unknownHandler(_state, node) {
      const start = node.position?.start;
      warnings.push({ nodeType: node.type, line: start?.line ?? 0, column: start?.column ?? 0 });
      return undefined;
    },
  }) as HastRoot;
  return { html: toHtml(hast), warnings };
}

