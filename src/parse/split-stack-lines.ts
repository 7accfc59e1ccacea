/**
 * Headline stacks printed without blank lines: kicker, label, headline, column tag and `——`
 * subheadline parted into blocks of their own.
 */
import { isDisplayLine, isKickerLine, isNumberedHead, isPunctuatedHead, splitOrgHeadline } from './classify.js';
import { isRoleOnly } from './credits.js';
import { FIRST_LINE_INDENT, INDENT_SLACK, setApart, type Block, type PageShape } from './page.js';
import { endsLikeNamePart } from './places.js';
import { bylineOverText } from './split-bylines.js';
import {
  hasProsePunctuation,
  isColumnTag,
  isDashSubtitle,
  isOrgName,
  isStandfirstLabel,
  splitGluedOrgTail,
  visualWidth,
} from './text-form.js';

/** A head glued before its label has at least this many characters. */
const GLUED_HEAD_MIN = 4;

/** A head's words, then a place-anchored label glued after them (the words no part of a name). */
function gluedLabelAfterHead(text: string): boolean {
  const glued = splitGluedOrgTail(text);
  return glued !== null && glued.head.length >= GLUED_HEAD_MIN && !endsLikeNamePart(glued.head);
}

/** One character, then a mark: the end of a word broken at the line above, never a head's first phrase. */
const WORD_END_START = /^[\u3400-\u9fff][，、；：]/;
/** A head's closing mark: a head with punctuation may end on ！ or ？. */
const CLOSES_HEAD = /[！？!?]$/;

/**
 * A plain line over a head with punctuation (a kicker over its head), nothing else under them but what
 * was split off as the stack's tail. Two lines of prose differ: cut by a column break, the second fills
 * the measure; a whole paragraph opens on a line as wide as the measure less its 2-em indent (a
 * standfirst has a measure of its own: there the first line stops short of the second by the indent).
 * A `——` subheadline, column tag or label split off under them is proof enough of a stack.
 */
function plainOverPunctuated(texts: string[], stackTail: boolean, shape: PageShape): boolean {
  if (texts.length !== 2 || !isDisplayLine(texts[0]!, shape, false) || isNumberedHead(texts[0]!)) return false;
  // A line opening on one character and a mark (`层，…`) ends a word the line above broke: one sentence.
  if (WORD_END_START.test(texts[1]!)) return false;
  if (!isPunctuatedHead(texts[1]!, shape) && !(stackTail && hasProsePunctuation(texts[1]!))) return false;
  // On a page printed a paragraph a line, two short lines are no paragraph: a kicker over its head.
  if (stackTail || shape.lineMode) return true;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  // A head with its label glued on (or a space apart) under a plain line narrower than an indented
  // first line: a kicker over its labelled head (a column line seldom ends on a full name after a head's form).
  if (splitOrgHeadline(texts[1]!) && isPunctuatedHead(texts[1]!, shape))
    return w(texts[0]!) < shape.measure - FIRST_LINE_INDENT;
  const shortfall = w(texts[1]!) - w(texts[0]!);
  // A head closing on ！ or ？ may fill the column: under a short plain line (no wrapped line of
  // prose, no paragraph's indented opening) it is no column line going on.
  const fill = CLOSES_HEAD.test(texts[1]!) ? 0 : INDENT_SLACK;
  return (
    w(texts[0]!) < shape.measure - FIRST_LINE_INDENT - INDENT_SLACK &&
    w(texts[1]!) <= shape.measure - fill &&
    !(shortfall >= INDENT_SLACK && shortfall <= FIRST_LINE_INDENT + 1)
  );
}

/**
 * A headline stack printed without blank lines: a kicker (`…——`, `…：`) or a label over the headline,
 * and a label, a column tag (`（健康视点）`) or a `——` subheadline under it. Each of these becomes a
 * block of its own, so the walk reads kicker, label, headline, tag and subheadline apart instead of
 * one display line run together (or, when the headline carries punctuation, a piece of prose).
 */
export function splitStackLines(blocks: Block[], shape: PageShape): Block[] {
  const headLine = (t: string) => isDisplayLine(t, shape) || isPunctuatedHead(t, shape);
  return blocks.flatMap((b, i) => {
    const texts = b.lines.map((l) => l.text);
    if (texts.length < 2 || texts.length > 4 || !texts.slice(1).every(headLine)) return [b];
    // A `——` subheadline printed right under the block or one blank line below (split off already: it
    // stands alone) ends the stack too; so do a standfirst box's label (`核心阅读`) and a reporter's
    // byline over the text.
    const next = blocks[i + 1];
    const nextText = next?.lines[0]?.text ?? '';
    const subtitleUnder =
      next !== undefined &&
      !setApart(next) &&
      (isDashSubtitle(nextText) || isStandfirstLabel(nextText) || bylineOverText(blocks, i + 1));
    const head: Block['lines'][] = [];
    const tail: Block['lines'][] = [];
    let lines = b.lines;
    // Under the head, from the bottom up: a `——` subheadline, a column tag, a label under a head
    // with punctuation (`守护健康，我们一直在` / `某某医院`).
    // (A label under a plain head stays with it: the block reads as label and head.)
    const punctuated = lines.slice(isKickerLine(texts[0]!) ? 1 : 0).some((l) => hasProsePunctuation(l.text));
    for (;;) {
      const last = lines[lines.length - 1]?.text ?? '';
      // A reporter's role alone (a letter-spaced byline broken up) is the byline's first piece.
      const under = isDashSubtitle(last) || isColumnTag(last) || (isOrgName(last) && punctuated) || isRoleOnly(last);
      if (lines.length < 2 || !under) break;
      tail.unshift(lines.slice(-1));
      lines = lines.slice(0, -1);
    }
    const rest = lines.map((l) => l.text);
    // A label over a head with punctuation (a display block reads a label over a plain head itself).
    const labelOverPunctuated = rest.length === 2 && isOrgName(rest[0]!) && hasProsePunctuation(rest[1]!);
    // A plain line over a head that opens with its label (`某某医院 守护健康`): a label opens its stack,
    // so the line over it is the kicker, never the head's first line.
    const labelOpensNext =
      rest.length === 2 && !hasProsePunctuation(rest[0]!) && / /.test(rest[1]!) && isOrgName(rest[1]!.split(' ')[0]!);
    // A plain line over a head with its label glued after it (`某某 / 守护健康某某区医院`): the label
    // closes the head's own line, so the line over it is the kicker, not the head's first line.
    const labelClosesNext = rest.length === 2 && !hasProsePunctuation(rest[0]!) && gluedLabelAfterHead(rest[1]!);
    const overHead =
      isKickerLine(rest[0]!) ||
      labelOverPunctuated ||
      labelOpensNext ||
      labelClosesNext ||
      plainOverPunctuated(rest, tail.length > 0 || subtitleUnder, shape);
    // Something must be left under it to be the head.
    if (overHead && rest.length >= 2) {
      head.push(lines.slice(0, 1));
      lines = lines.slice(1);
      // Under a kicker, a label over a head with punctuation splits as well: kicker, label, head.
      const [label, punctuatedHead] = [lines[0]?.text ?? '', lines[1]?.text ?? ''];
      if (lines.length === 2 && isOrgName(label) && hasProsePunctuation(punctuatedHead)) {
        head.push(lines.slice(0, 1));
        lines = lines.slice(1);
      }
    }
    if (head.length === 0 && tail.length === 0) return [b];
    return [...head, lines, ...tail].map((part, k) =>
      k === 0 ? { ...b, lines: part } : { lines: part, blankBefore: 0, first: false },
    );
  });
}
