/**
 * Display lines run into prose: pdftotext prints a wrapped subhead or a
 * two-line headline with no blank line before the body under it, so the head opens a prose block.
 * Split it off by form: the head's lines carry no sentence punctuation, its first line is either a
 * two-phrase line (`甲乙 丙丁`) or clearly narrower than the column, and its wrapped lines are as wide
 * as the first (set in the same larger size) until a shorter last line.
 */
import { isDisplayLine, isNumberedHead } from './classify.js';
import { CONTINUATION_START } from './paragraphs.js';
import type { Block, PageShape } from './page.js';
import { MAX_HEAD_LINES, opensParagraphAt, splitAfterHead } from './split-head-parts.js';
import { hasProsePunctuation, isStandfirstLabel, opensQuote, visualWidth } from './text-form.js';

/** A phrase space between two ideographs or quotes: the visual break inside a display line. */
const PHRASE_SPACE = /[\u3400-\u9fff“”‘’] [\u3400-\u9fff“”‘’]/;

/** A head's first phrase set on a line of its own is at most this share of the measure. */
const PHRASE_MAX = 0.6;

/** How many leading lines of `block` are a head run into the prose under it (0 when none). */
export function leadingHeadLines(block: Block, shape: PageShape): number {
  const lines = block.lines.map((l) => l.text);
  if (shape.lineMode || lines.length < 2) return 0;
  const w = (t: string) => visualWidth(t, shape.quoteEm);
  const first = lines[0];
  if (!isDisplayLine(first, shape, false)) return 0;
  const twoPhrase = PHRASE_SPACE.test(first) && first.split(' ').length === 2;
  if (!twoPhrase && w(first) > shape.measure - 3) return 0;
  let k = 1;
  // A standfirst box's label (`核心阅读`) under the head opens the box, not a line of the head.
  while (
    k < lines.length - 1 &&
    k < MAX_HEAD_LINES &&
    isDisplayLine(lines[k], shape, false) &&
    !isStandfirstLabel(lines[k]!)
  ) {
    const wk = w(lines[k]);
    if (wk < w(first) - 1) {
      k++;
      break;
    }
    if (Math.abs(wk - w(first)) > 1) break;
    k++;
  }
  // A head broken at its phrase space: a short first phrase (PHRASE_MAX of the measure at most) over a longer second one, then the body’s
  // prose (`守正创新` / `打造服务新高地` / `今年以来，…`; the body's indented first line may hold no comma yet).
  const second = lines[1]!;
  const onlyFirstLineRead = k === 1 && !twoPhrase && lines.length > 2;
  const shortFirstPhrase = w(first) <= shape.measure * PHRASE_MAX && !CONTINUATION_START.test(first);
  const longerSecondPhrase =
    isDisplayLine(second, shape, false) && w(second) > w(first) + 1 && w(second) <= shape.measure;
  // An indented line over a full one is the body's opening, not a second phrase (`打通服务末梢` / `开展…` / `规定…，…`).
  if (onlyFirstLineRead && shortFirstPhrase && longerSecondPhrase && !opensParagraphAt(lines, 1, shape)) {
    // The second phrase may wrap once more onto a short line (`以创新驱动推动高质量发` / `展`).
    const third = lines[2]!;
    const wraps =
      lines.length > 3 &&
      isDisplayLine(third, shape, false) &&
      w(third) < w(second) - 1 &&
      !hasProsePunctuation(third) &&
      !opensQuote(third);
    const k2 = wraps ? 3 : 2;
    if (lines.slice(k2, k2 + 2).some(hasProsePunctuation)) k = k2;
  }
  // A head is complete in itself: a line that leaves a quotation open is the body's first line.
  while (k > 1 && opensQuote(lines.slice(0, k).join(''))) k--;
  // A two-phrase head set on one line is whole: an indented line over a fuller one under it opens the body.
  if (twoPhrase && k === 2 && opensParagraphAt(lines, 1, shape)) k = 1;
  // A narrow first line alone is a paragraph's indented opening; a head needs its wrapped line too.
  if (!twoPhrase && k < 2) return 0;
  const body = lines[k];
  // A numbered subhead (`三、…`) heads what follows even when pdftotext left a quote alone on the next line.
  if (isNumberedHead(first) && lines.slice(k).some(hasProsePunctuation)) return k;
  if (k >= lines.length || (isDisplayLine(body, shape, false) && w(body) < shape.measure - 3 && !opensQuote(body)))
    return 0;
  return k;
}

/** Split every block whose first lines are a head run into prose into a head block and a prose block. */
export function splitRunInHeads(blocks: Block[], shape: PageShape): Block[] {
  return blocks.flatMap((b) => {
    const k = leadingHeadLines(b, shape);
    return splitAfterHead(b, k);
  });
}
