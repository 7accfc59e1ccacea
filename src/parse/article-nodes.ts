/**
 * The body nodes the article builder makes from source lines: a paragraph and a section subhead,
 * each placed where its lines were printed.
 */
import type { Heading, Paragraph } from '../ast/types.js';
import type { SourceLine } from './lines.js';
import type { Block } from './page.js';
import { spanOfLines } from './positions.js';

/** A paragraph of one run of text, placed where its source lines were printed. */
export function paragraph(value: string, lines: SourceLine[]): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value, position: spanOfLines(lines) }],
    position: spanOfLines(lines),
  };
}

/** A section subhead (depth 3), placed where its block was printed. */
export function heading(text: string, block: Block): Heading {
  return {
    type: 'heading',
    depth: 3,
    children: [{ type: 'text', value: text, position: spanOfLines(block.lines) }],
    position: spanOfLines(block.lines),
  };
}
