/**
 * Importing a page in the importer's tests: lines as the extraction prints them, through the entry the
 * build calls, and the few readings of the tree the tests compare. One helper, so every test reads a
 * page the same way.
 */
import type { ZbDocument } from '../../src/ast/types.js';
import { parseSource } from '../../src/parse/index.js';

/** Import extracted lines (one newline after each) as a page of raw text. */
export function parsePage(lines: readonly string[], path = 'page.txt'): ZbDocument {
  return parseSource(new TextEncoder().encode(`${lines.join('\n')}\n`), path).tree;
}

/** The lines the page's `needs-review` notes point at, in order. */
export function reviewLines(tree: ZbDocument): number[] {
  return tree.diagnostics.filter((d) => d.ruleId === 'needs-review').map((d) => d.line);
}

/** The messages of the page's `needs-review` notes at `line`. */
export function reviewNotesAt(tree: ZbDocument, line: number): string[] {
  return tree.diagnostics.filter((d) => d.ruleId === 'needs-review' && d.line === line).map((d) => d.message);
}

/** A body node as the tests compare it: `P text`, `H text` (a subhead) or `F caption`. */
export function nodeText(n: { type: string; children?: { value: string }[]; caption?: string }): string {
  return n.type === 'figure'
    ? `F ${n.caption}`
    : `${n.type[0]!.toUpperCase()} ${n.children!.map((c) => c.value).join('')}`;
}

/** The texts of the paragraphs among `nodes` (a lede or an article's body). */
export function paragraphTexts(nodes: readonly { type: string; children?: unknown }[]): string[] {
  return (nodes as { type: string; children: { value: string }[] }[])
    .filter((p) => p.type === 'paragraph')
    .map((p) => p.children.map((c) => c.value).join(''));
}

/** A labelled head over the text, blank line under it. */
export const HEAD = ['某某区人民医院 守护健康', ''];
/** A paragraph in a 16-em column: its first line carries the 2-em indent. */
export const FIRST = [
  '今年以来，医院组织专家团队',
  '深入基层开展义诊活动，把优质医疗',
  '服务送到群众家门口，受到广泛好评。',
];
/** FIRST as the importer joins it: one paragraph's text, no line breaks. */
export const FIRST_TEXT = FIRST.join('');
/** A second paragraph in the same column, ending flush with its last line's closing stop. */
export const NEXT = ['在此基础上，医院持续推进家', '庭医生签约服务，让群众看病更方便', '更放心，获得感不断增强。'];
/** Another paragraph in the same column, its last line opening on a comma pushed down. */
export const LAST = [
  '下一步，医院将继续完善分级',
  '诊疗制度，推动优质资源向基层延伸',
  '，让群众享受更加便捷的健康服务。',
];
