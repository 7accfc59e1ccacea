/**
 * A head broken at its comma. An editor breaks a head too long for its space at a phrase, and a head
 * with a comma breaks after it (`守护健康，` / `我们一直在！`); pdftotext prints the two lines straight
 * over the text under them. By form the first line reads as prose, yet no column prints it: a line
 * short of the measure ends a paragraph, and a paragraph never ends on a comma; a paragraph's
 * indented first line is as wide as the measure less the indent, and this line is narrower still.
 */
import { isPunctuatedHead } from './classify.js';
import { parseByline } from './credits.js';
import { CONTINUATION_START } from './paragraphs.js';
import { FIRST_LINE_INDENT, INDENT_SLACK, type PageShape } from './page.js';
import { hasProsePunctuation, isColumnTag, opensQuote, opensWithDateline, visualWidth } from './text-form.js';

/** The first line's phrase ends on a comma; no other mark stands in it. */
const FIRST_PHRASE = /^[^，,]+[，,]$/;
/** What may close a head's last line: `！` or `？`, then a column tag (`（健康视点）`), or either. */
const HEAD_CLOSE = /(?:[！？!?]|[！？!?]?[（(][^（）()]*[）)])$/;

/**
 * Lines of a head broken after its comma at the top of `texts` (2), or 0. The first line is a phrase
 * closing on a comma, narrower than an indented first line by more than the slack; the second is the
 * head's last phrase: no mark inside, closing on `！`/`？`/a column tag, or open and short of the
 * measure (no full column line); and text follows that opens no continuation.
 */
export function headBrokenAtComma(texts: string[], shape: PageShape): number {
  if (shape.lineMode || texts.length < 3) return 0;
  const [first, second, next] = [texts[0]!, texts[1]!, texts[2]!];
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  if (!FIRST_PHRASE.test(first) || hasProsePunctuation(first.slice(0, -1))) return 0;
  if (CONTINUATION_START.test(first) || opensQuote(first) || opensWithDateline(first) || parseByline(first)) return 0;
  if (w(first) >= shape.measure - FIRST_LINE_INDENT - INDENT_SLACK) return 0;
  const inner = second.replace(HEAD_CLOSE, '');
  if (!inner || hasProsePunctuation(inner) || isColumnTag(second) || CONTINUATION_START.test(second)) return 0;
  // Open, the last phrase must stop short of a full column line; closing on `！`/`？`/a tag, no column prints it.
  if ((!HEAD_CLOSE.test(second) && w(second) > shape.measure - INDENT_SLACK) || CONTINUATION_START.test(next)) return 0;
  return isPunctuatedHead(first + second, shape) ? 2 : 0;
}
