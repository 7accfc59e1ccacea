/**
 * Article boundaries: does a display line, read with the classified blocks around it, open a new
 * article (and as what: head, kicker over a head), and the line forms that tell a caption from a
 * subhead. Pure reads of the classified items and the page's measure; the page walk acts on the answers.
 */
import { isNumberedHead, type Classified } from './classify.js';
import { readsAsKickerOver } from './display-forms.js';
import { setApart, type Block, type PageShape } from './page.js';
import {
  columnTagAtEnd,
  goesOnStack,
  hasProsePunctuation,
  isColumnTag,
  isDashSubtitle,
  isStandfirstLabel,
  opensWithDateline,
} from './text-form.js';
import { namesReporter, opensStandfirst, opensWithDatelineProse, shortSummaryOverText } from './text-openings.js';

/** A line ending in a column tag is a headline from this many characters (a shorter one may be the tag and a word). */
const TAGGED_LINE_MIN_CHARS = 9;

/**
 * A head with punctuation (not a kicker), as a display line, a label glued to it, or a candidate kept
 * as prose: its text and label.
 */
export function punctuatedHead(c: Classified | undefined): { text: string; institution?: string } | null {
  if (c?.kind.kind === 'display' && c.kind.punctuated && !c.kind.kicker && !c.kind.caption)
    return { text: c.kind.text };
  if (c?.kind.kind === 'org-head' && c.kind.punctuated)
    return { text: c.kind.headline, institution: c.kind.institution };
  if (c?.kind.kind === 'prose' && c.kind.head && !c.kind.head.kicker && !c.block.continues) return c.kind.head;
  return null;
}

/**
 * A head followed by a reporter's byline (`本报记者 李明`, maybe after a `——` subheadline) and then
 * text opens a new article even without an institution label: that is how most papers print one.
 */
export function headsNewArticle(
  items: Classified[],
  i: number,
  shape: PageShape,
): 'head' | 'kicker' | 'plain-kicker' | null {
  const display = (c: Classified | undefined) => (c?.kind.kind === 'display' && !c.kind.caption ? c.kind.text : null);
  const dashAt = (j: number) => isDashSubtitle(display(items[j]) ?? '');
  // 引题 + 主题 + ——副题: this line is the kicker of the head after it (a column tag between the
  // head and its subheadline belongs to the head: then this line is the head).
  // So is a line over a head printed straight over a dateline (引题 + 主题 + `本报…电`): a subhead is
  // never followed by another head and a dateline.
  const headOverDateline =
    display(items[i + 1]) !== null &&
    !!items[i + 1]!.block.runIn &&
    items[i + 2]?.kind.kind === 'prose' &&
    opensWithDateline(items[i + 2]!.block.lines[0]!.text);
  // A kicker is printed close over its head: a line set two blank lines apart above it is a caption.
  const kicker =
    display(items[i + 1]) !== null &&
    !setApart(items[i + 1]!.block) &&
    !isColumnTag(display(items[i + 1])!) &&
    (dashAt(i + 2) || headOverDateline);
  // A `——` subheadline under a head is a headline stack by itself, whatever follows it.
  if (kicker || dashAt(i + 1)) return kicker ? 'kicker' : 'head';
  const here = display(items[i]) ?? '';
  // A plain line right over a head with punctuation that opens an article: 引题 over 主题.
  if (!hasProsePunctuation(here) && !isNumberedHead(here) && punctuatedHead(items[i + 1]) !== null) {
    if (!setApart(items[i + 1]!.block) && opensArticleUnder(items, i + 2, shape)) return 'plain-kicker';
  }
  if (plainKickerOverOpeningHead(items, i, shape)) return 'kicker';
  // A column tag (`…（健康视点）`) or a standfirst box under it marks a headline, never a subhead.
  if (columnTagAtEnd(here) !== null && here.length >= TAGGED_LINE_MIN_CHARS) return 'head';
  if (isColumnTag(display(items[i + 1]) ?? '') || isStandfirstLabel(display(items[i + 1]) ?? '')) return 'head';
  // A dateline (`本报北京3月5日电`) opens a news article's first paragraph.
  const nextProse = items[i + 1]?.kind.kind === 'prose' ? items[i + 1]!.block.lines[0]!.text : '';
  if (opensWithDateline(nextProse)) return 'head';
  // So does a standfirst: an editor's note signed `——编 者`, or a paragraph set in a narrower measure.
  if (nextProse && opensStandfirst(items[i + 1]!.block, shape)) return 'head';
  if (nextProse && shortSummaryOverText(items[i + 1]!.block, items[i + 2], shape)) return 'head';
  let j = i + 1;
  // A photo and its caption may stand between the head and the byline.
  while (
    items[j]?.kind.kind === 'photo-slot' ||
    (items[j]?.kind.kind === 'display' && (items[j]!.kind as { caption?: boolean }).caption)
  )
    j++;
  const byline = items[j]?.kind;
  if (byline?.kind !== 'byline' || byline.parts.authors.length === 0) return null;
  // Text, or a standfirst box (`核心阅读`), under the byline.
  const under = items[j + 1];
  const boxUnder = under?.kind.kind === 'display' && isStandfirstLabel(under.kind.text);
  // Or a summary standfirst set like a head's sentence, wrapped over lines, over the text.
  const summaryUnder =
    under?.kind.kind === 'display' &&
    !under.kind.caption &&
    under.block.lines.length >= 2 &&
    items[j + 2]?.kind.kind === 'prose';
  if (byline.parts.extra === null || (under?.kind.kind !== 'prose' && !boxUnder && !summaryUnder)) return null;
  return 'head';
}

/**
 * One run of words printed close over a head (at most a blank line between) that opens an article by
 * what stands under it (a column tag, a byline, a dateline, a standfirst): 引题 over 主题, not a caption
 * or subhead of the article before, even set apart from the text above it as a caption is.
 */
function plainKickerOverOpeningHead(items: Classified[], i: number, shape: PageShape): boolean {
  const [here, head] = [items[i]?.kind, items[i + 1]];
  if (here?.kind !== 'display' || here.caption || here.wrapped || !head || setApart(head.block)) return false;
  const k = head.kind;
  if (k.kind !== 'display' || k.caption || k.wrapped || k.kicker) return false;
  return readsAsKickerOver(here.text, k.text, shape) && headsNewArticle(items, i + 1, shape) === 'head';
}

/**
 * Does items[j], right under a head, say that the head opens an article: its label, a reporter's
 * byline, a `——` subheadline, a column tag, a standfirst (its box label, an editor's note, a narrower
 * measure) or a dateline?
 */
export function opensArticleUnder(items: Classified[], j: number, shape: PageShape): boolean {
  const c = items[j];
  if (!c || setApart(c.block)) return false;
  const k = c.kind;
  if (k.kind === 'org' || (namesReporter(c) && k.kind === 'byline' && k.parts.extra !== null)) return true;
  if (k.kind === 'display') return !k.caption && (goesOnStack(k.text) || isStandfirstLabel(k.text));
  return opensWithDatelineProse(c) || (k.kind === 'prose' && opensStandfirst(c.block, shape));
}

/** The next prose block, looking past captions set apart by 2+ blank lines. */
export function nextProse(items: Classified[], i: number): Block | null {
  for (let j = i + 1; j < items.length; j++) {
    const { kind, block } = items[j];
    if (kind.kind === 'prose') return block;
    if (kind.kind === 'display' && (setApart(block) || kind.wrapped)) continue;
    return null;
  }
  return null;
}
