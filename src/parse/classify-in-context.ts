/**
 * Classification revised by the blocks around: head candidates between closed text and a head are
 * heads, display blocks that a sentence runs on from are prose.
 */
import type { BlockKind, Classified } from './block-kinds.js';
import { firstLineIndented, INDENT_SLACK, setApart, type PageShape } from './page.js';
import { CONTINUATION_START, MID_SENTENCE_START } from './paragraphs.js';
import { endsSentence, isDashSubtitle, visualWidth } from './text-form.js';
import {
  isStandfirstBox,
  namesReporter,
  opensArticleText,
  opensParagraphInOwnMeasure,
  opensStandfirst,
} from './text-openings.js';

/**
 * Head candidates (one-line blocks with punctuation) printed between closed text and a byline, a
 * label or another head are heads: no sentence runs through them. Decided before the reading order
 * is restored, so that such a line is not paired with a column as a piece of a sentence. Those
 * followed by prose are left to the page walk, which sees the text after them in reading order.
 */
export function promoteHeads(items: Classified[], shape: PageShape): Classified[] {
  // Prose that opens a paragraph right under the candidate: an indented first line over full lines.
  const opensParagraph = (c: Classified | undefined) => opensParagraphInOwnMeasure(c, shape);
  // A standfirst set in a narrower measure (no box label over it) stands only under a headline stack.
  const standfirstProse = (c: Classified | undefined) => c?.kind.kind === 'prose' && opensStandfirst(c.block, shape);
  return items.map((c, i) => {
    if (c.kind.kind !== 'prose' || !c.kind.head || c.kind.head.kicker) return c;
    const prev = items[i - 1];
    const prevOpen = prev?.kind.kind === 'prose' && !endsSentence(prev.block.lines[prev.block.lines.length - 1]!.text);
    const next = items[i + 1]?.kind;
    const headFollows =
      next !== undefined &&
      (namesReporter(items[i + 1]) ||
        next.kind === 'org' ||
        next.kind === 'org-head' ||
        (next.kind === 'display' && !next.caption && !setApart(items[i + 1]!.block)) ||
        (next.kind === 'prose' && next.head !== undefined) ||
        opensParagraph(items[i + 1]) ||
        labelledHeadOverText(c, items[i + 1]));
    // A reporter's byline and a paragraph's first line (or a standfirst box's label) under it open an
    // article whatever came before (the article before may be cut off mid-sentence).
    const under = items[i + 2];
    const bylineOpensArticle = namesReporter(items[i + 1]) && (opensParagraph(under) || isStandfirstBox(under));
    // So does a label printed with the head or on the line under it, over a paragraph's opening or a
    // byline: the article before was cut off (it is reported truncated).
    const labelled = c.kind.head.institution !== undefined || next?.kind === 'org';
    const afterLabel = items[i + (c.kind.head.institution !== undefined ? 1 : 2)];
    const labelOpensArticle = labelled && (opensParagraph(afterLabel) || namesReporter(afterLabel));
    // So does a `——` subheadline under it over a byline, a dateline, a standfirst box or a paragraph's opening.
    const subtitleUnder = next?.kind === 'display' && isDashSubtitle(next.text) && !setApart(items[i + 1]!.block);
    const subtitleOpensArticle =
      subtitleUnder &&
      (opensArticleText(items[i + 2], opensParagraph) ||
        isStandfirstBox(items[i + 2]) ||
        standfirstProse(items[i + 2]));
    if ((prevOpen && !bylineOpensArticle && !labelOpensArticle && !subtitleOpensArticle) || !headFollows) return c;
    const { text, institution } = c.kind.head;
    const kind: BlockKind = institution
      ? { kind: 'org-head', institution, headline: text, punctuated: true }
      : { kind: 'display', text, twoPart: false, wrapped: false, punctuated: true };
    return { block: c.block, kind };
  });
}

/**
 * A paragraph's opening lines cut by a column break can carry no mark (`床位由2015年的300张增` /
 * `加到2021年底`) and read as a display block; but its first line is indented, its last fills the
 * measure, and the text after the break goes on its sentence (`的800张…`): no head is followed by
 * text that opens on a mark or particle. Such a block is prose.
 */
export function demoteOpenDisplay(items: Classified[], shape: PageShape): Classified[] {
  return items.map((c, i) => {
    const next = items[i + 1];
    if (c.kind.kind !== 'display' || c.kind.caption || shape.lineMode || c.block.lines.length !== 2) return c;
    if (next?.kind.kind !== 'prose' || next.kind.head || !MID_SENTENCE_START.test(next.block.lines[0]!.text)) return c;
    const [first, last] = c.block.lines.map((l) => l.text) as [string, string];
    const full = visualWidth(last, shape.quoteEm) >= shape.measure - INDENT_SLACK;
    return full && firstLineIndented(first, last, shape) ? { block: c.block, kind: { kind: 'prose' } } : c;
  });
}

/**
 * A head with punctuation and an institution label glued to it or a space apart, standing alone
 * between blank lines over prose that does not go on a sentence, is a labelled headline even when
 * the prose's first-line indent cannot be seen (a short column misreads the measure): a sentence cut by a
 * column break does not end on an organisation's full name after a head's phrase form.
 */
function labelledHeadOverText(c: Classified, next: Classified | undefined): boolean {
  if (c.kind.kind !== 'prose' || !c.kind.head?.institution || next?.kind.kind !== 'prose' || next.kind.head)
    return false;
  if (c.block.lines.length !== 1 || next.block.blankBefore === 0) return false;
  return !CONTINUATION_START.test(next.block.lines[0]!.text);
}
