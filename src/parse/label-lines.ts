/**
 * Institution labels in the page walk: a label on its own line (over or under a head, in a stack, or
 * floating in the text) and a label with its head glued to it on one line.
 */
import type { Classified } from './classify.js';
import { setApart, type Block } from './page.js';
import { StackLineReader } from './stack-lines.js';

/** One kind of classified item, by its tag: what the walk's handler for that kind receives. */
export type ItemKind<K extends Classified['kind']['kind']> = Extract<Classified['kind'], { kind: K }>;

/** Reads institution label lines; each returns how many following items it consumed. */
export class LabelLineReader extends StackLineReader {
  /** A label with its head glued to it on one line: opens an article (maybe under a kicker). */
  protected labelledHeadItem(
    kind: ItemKind<'org-head'>,
    items: Classified[],
    i: number,
    kickerAbove: { text: string; block: Block } | null = null,
  ): number {
    const { block } = items[i];
    if (kind.headWords) {
      this.review(
        block.lines[0]!,
        `Label “${kind.institution}” glued after the head: “${kind.headWords}” before its city name read as the head's last words; it could be part of the name (“${kind.headWords}${kind.institution}”)`,
      );
    }
    if (kind.punctuated)
      this.reviewHead(block, `the headline “${kind.headline}” under the label “${kind.institution}”`);
    const over = this.kickerOverLabel(kind, items, i);
    if (over !== null) return over;
    const kicker = kickerAbove ?? this.kickerOverLabelledHead(kind.headline, items, i);
    this.startArticle(
      { institution: kind.institution, headline: kind.headline, kicker: kicker?.text },
      kicker?.block ?? block,
    );
    return 0;
  }

  /** An institution label on its own line: over or under a head, in a stack, or floating in the text. */
  protected labelItem(kind: ItemKind<'org'>, items: Classified[], i: number): number {
    const { block } = items[i];
    const next = items[i + 1];
    const stacked = this.orgStack(items, i);
    if (stacked) return stacked;
    const labelled =
      this.labelOverPunctuatedHead(kind.institution, items, i) ??
      this.labelUnderHead(kind.institution, items, i) ??
      this.labelInStack(kind.institution, items, i);
    if (labelled !== null) return labelled;
    // A label over a kicker in its form (`…——`, `走进…`) over a head: label, 引题 and headline of one stack.
    if (next?.kind.kind === 'display' && next.kind.kicker && !next.kind.caption && !setApart(next.block)) {
      const taken = this.kickerStack(next.kind.text, items, i + 1, { institution: kind.institution, block });
      if (taken !== null) return taken + 1;
    }
    // A label over a head: a one-line head, or a head that wrapped when text or a byline runs under it.
    const after = items[i + 2]?.kind.kind;
    const heads = (d: { wrapped: boolean; caption?: boolean }) =>
      !d.caption && (!d.wrapped || after === 'prose' || after === 'byline');
    if (next && next.kind.kind === 'display' && !setApart(next.block) && heads(next.kind)) {
      // At the page's top, a plain line right over the label is the stack's kicker (引题), not the banner.
      const kicker = this.kickerOverLabelledHead(next.kind.text, items, i);
      this.startArticle(
        { institution: kind.institution, headline: next.kind.text, kicker: kicker?.text },
        kicker?.block ?? block,
      );
      return 1;
    }
    if (this.state === 'top') {
      this.startArticle({ institution: kind.institution, headline: '' }, block);
      return 0;
    }
    this.floatingInstitution(kind.institution, block);
    return 0;
  }
}
