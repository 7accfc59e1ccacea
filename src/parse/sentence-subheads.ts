/**
 * A section is never empty: a subhead stands over at least one paragraph. A one-line "subhead" that
 * ends a sentence (`如何看病更方便？`) with another subhead straight above or below it, or
 * with nothing but photos after it in its article, heads no section: it is a one-line paragraph that
 * stood apart between blank lines (a column break). Read it as a paragraph and report it for review.
 */
import type { Article, BlockContent, Paragraph } from '../ast/types.js';
import { reviewNote, type NoteBuffer } from './report.js';
import { endsSentence } from './text-form.js';

/** The decision an earlier note states (`read as a section subhead`), or the whole note when it states none. */
const decision = (note: string) => /read as [^;]+/.exec(note)?.[0] ?? note;

const headingText = (c: BlockContent) => (c.type === 'heading' ? c.children.map((x) => x.value).join('') : null);

/**
 * Turn every sentence-ending subhead that heads no section into a paragraph, in place. A note the
 * page walk wrote about the line (read as a subhead) is taken back and quoted by the one written here.
 */
export function demoteSentenceSubheads(articles: Article[], notes: NoteBuffer): void {
  for (const a of articles) {
    const kids = a.children;
    // Index of the next non-figure child after each position, filled by one backward pass.
    const nextContent: (BlockContent | undefined)[] = new Array(kids.length);
    let next: BlockContent | undefined;
    for (let k = kids.length - 1; k >= 0; k--) {
      nextContent[k] = next;
      if (kids[k]!.type !== 'figure') next = kids[k];
    }
    let prev: BlockContent | undefined;
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k]!;
      const text = headingText(c);
      if (c.type === 'heading' && text !== null) {
        const after = nextContent[k];
        if (endsSentence(text) && (!after || after.type === 'heading' || prev?.type === 'heading')) {
          const p: Paragraph = { type: 'paragraph', children: c.children, position: c.position };
          kids[k] = p;
          const at = c.position?.start;
          const line = at?.line ?? 1;
          const earlier = notes.withdraw('needs-review', line);
          const replaces = earlier.length
            ? `; this replaces the earlier note here (${earlier.map(decision).join('; ')})`
            : '';
          reviewNote(
            notes.report,
            at,
            `“${text}” heads no section (${after ? 'a subhead is next to it' : 'nothing follows it'}): read as a one-line paragraph; it could be a subhead${replaces}`,
          );
        }
      }
      if (kids[k]!.type !== 'figure') prev = kids[k];
    }
  }
}
