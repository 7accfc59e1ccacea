/**
 * What a display line's own form says, read against the article it would join: a caption or a
 * one-phrase subhead, the headline's wrapped end, or a summary line set as the standfirst. Pure
 * reads, so the page walk's display steps stay short.
 */
import type { Article, BlockContent } from '../ast/types.js';
import { isNumberedHead, type Classified } from './classify.js';
import type { PageShape } from './page.js';
import {
  hasProsePunctuation,
  isColumnTag,
  isDashSubtitle,
  isStandfirstLabel,
  namesOrganisation,
  visualWidth,
} from './text-form.js';

/** A line under a headline at most this wide (ems) may be the headline's wrapped end (`…凝聚奋进力` / `量`). */
const HEADLINE_TAIL_MAX = 3;

/** One phrase, no space, no punctuation, no numbering: the form a caption and a one-phrase subhead share. */
function isOnePhrase(text: string): boolean {
  return !/\s/.test(text) && !hasProsePunctuation(text) && !isNumberedHead(text);
}

/** A subhead form no caption takes: two phrases, numbered, or with a comma or colon. */
export function isSubheadForm(text: string): boolean {
  return /\S\s+\S/.test(text) || isNumberedHead(text) || /[，：,:]/.test(text);
}

/**
 * A line of a word or two right under a headline that stops mid-phrase (on an ideograph, no
 * subheadline yet) is the headline's wrapped end: a subheadline is a phrase of its own.
 */
export function isHeadlineTail(text: string, a: Article): boolean {
  return (
    !a.subheadline &&
    a.lede.length === 0 &&
    /[\u3400-\u9fff]$/.test(a.headline) &&
    visualWidth(text) <= HEADLINE_TAIL_MAX &&
    !isDashSubtitle(text) &&
    !isColumnTag(text)
  );
}

/**
 * A two-phrase display line under the headline stack, before any text, too long for one line of the
 * column (`A B` set as a summary sentence): the standfirst, not a section subhead, which heads text
 * after the first paragraph and fits the column. Numbered lines are always subheads.
 */
export function isPhraseSummary(text: string, a: Article, shape: PageShape): boolean {
  return (
    !shape.lineMode &&
    a.lede.length === 0 &&
    !a.children.length &&
    !isNumberedHead(text) &&
    !isDashSubtitle(text) &&
    visualWidth(text, shape.quoteEm) > shape.measure
  );
}

/**
 * A one-phrase line between two paragraphs has the form of a caption and of a one-phrase subhead.
 * An article's subheads are set in one form (parallel phrases): where the article prints its
 * subheads in another form (two phrases, numbered, or with a comma), this line is a caption.
 */
export function captionNotSubhead(text: string, items: Classified[], i: number, current: Article | null): boolean {
  if (!isOnePhrase(text)) return false;
  if (current && printsSubheadForm(current.children)) return true;
  return subheadFormAhead(items)[i + 1]!;
}

/** Per article's children, as the page walk appends to them: how many were read, and whether a subhead in a subhead's form was. */
const subheadsRead = new WeakMap<BlockContent[], { read: number; found: boolean }>();

/**
 * Has the article printed a subhead in a subhead's form so far? Reads only the nodes appended since
 * it was last asked (the walk only appends), so asking it of every line costs no walk over the article.
 */
function printsSubheadForm(children: BlockContent[]): boolean {
  const seen = subheadsRead.get(children) ?? { read: 0, found: false };
  for (; !seen.found && seen.read < children.length; seen.read++) {
    const c = children[seen.read]!;
    seen.found = c.type === 'heading' && isSubheadForm(c.children.map((x) => x.value).join(''));
  }
  subheadsRead.set(children, seen);
  return seen.found;
}

/** Each page's answers of subheadFormAhead, read once per page. */
const subheadAhead = new WeakMap<Classified[], boolean[]>();

/**
 * For each index j of a page's items, does a head in a subhead's form stand at j or after it, before
 * the next label or byline (which open another article)? Read once from the page's end, so that asking
 * it of every line costs no walk to the page's end each time.
 */
function subheadFormAhead(items: Classified[]): boolean[] {
  const known = subheadAhead.get(items);
  if (known) return known;
  const ahead = new Array<boolean>(items.length + 1).fill(false);
  for (let j = items.length - 1; j >= 0; j--) {
    const k = items[j]!.kind;
    if (k.kind === 'org' || k.kind === 'org-head' || k.kind === 'byline') ahead[j] = false;
    else ahead[j] = isSubheadFormHead(k) || ahead[j + 1]!;
  }
  subheadAhead.set(items, ahead);
  return ahead;
}

/** A display line or head candidate (no caption, kicker or label) in a subhead's form. */
function isSubheadFormHead(k: Classified['kind']): boolean {
  if (k.kind === 'display') return !k.caption && !k.wrapped && !k.kicker && isSubheadForm(k.text);
  return k.kind === 'prose' && !!k.head && !k.head.institution && !k.head.kicker && isSubheadForm(k.head.text);
}

/** One run of ideographs, no mark, quote, bracket or space: the form of a plain kicker. */
const PLAIN_RUN = /^[\u3400-\u9fff]+$/;

/** A kicker or a main head is at least this wide (ems); a shorter line under a head is its wrapped end. */
const STACK_LINE_MIN = 4;

/** One run of words as wide as a head, no mark, no number: the form of a plain kicker (引题). */
export function isPlainKickerRun(text: string): boolean {
  return PLAIN_RUN.test(text.trim()) && visualWidth(text) >= STACK_LINE_MIN;
}

/**
 * A plain line right over another head line, neither a `——` subheadline: 引题 over 主题 rather than
 * 主题 over 副题. A 副题 opens with a dash, or, printed without one, tells who did what (it names an
 * organisation); a 主题 printed in two phrases (`A B`) shows its phrase space. The line over is one
 * run of words without punctuation, the line under a head of its own (not a tag, a box label, a number,
 * nor two phrases too wide for the column, the form of a summary standfirst).
 */
export function readsAsKickerOver(over: string, head: string, shape: PageShape): boolean {
  if (!isPlainKickerRun(over)) return false;
  // Two phrases wider than the column under a head: a summary set as the standfirst.
  if (/\S\s+\S/.test(head) && visualWidth(head, shape.quoteEm) > shape.measure) return false;
  return (
    !isDashSubtitle(head) &&
    !isColumnTag(head) &&
    !isStandfirstLabel(head) &&
    !isNumberedHead(head) &&
    !namesOrganisation(head) &&
    visualWidth(head) >= STACK_LINE_MIN
  );
}
