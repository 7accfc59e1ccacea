/**
 * Article assembly: cut the page into blocks, classify them by
 * form, restore the reading order pdftotext scrambled (rethread.ts), then walk the blocks
 * (assembler.ts) to build the articles.
 */
import type { Assembled } from './article-builder.js';
import { Assembler } from './assembler.js';
import {
  classifyBlock,
  demoteOpenDisplay,
  isDisplayLine,
  parseBylineLines,
  promoteHeads,
  type Classified,
} from './classify.js';
import type { Reporter, SourceLine } from './lines.js';
import { INDENT_SLACK, toBlocks, type PageShape } from './page.js';
import { buildProseIndex } from './paragraphs.js';
import { rethread } from './rethread.js';
import { rejoinBrokenFirstLines } from './first-lines.js';
import {
  endsSentence,
  hasProsePunctuation,
  isDashSubtitle,
  isRunningHead,
  matchFolio,
  opensWithDateline,
  visualWidth,
} from './text-form.js';
import {
  splitBeforeNumberedHeads,
  splitHeadsUnderLabels,
  splitLeadingBylines,
  splitRunInHeads,
  splitStackLines,
  splitTrailingBylines,
} from './split.js';
import { opensCaption, parseByline, stopsInsideName } from './credits.js';
import { isEditorCredit, isPhotoSlotLabel, isSlugLine } from './furniture.js';

/** The page's folio, banner, furniture and articles (raw.ts builds the tree from it). */
export type { Assembled } from './article-builder.js';

/** Build the page's articles from its normalised lines. */
export function assemble(lines: SourceLine[], shape: PageShape, report: Reporter): Assembled {
  // pdftotext prints running heads, folios and column-spanning headlines without blank lines around
  // them; on a column page an unpunctuated line wider than the column can only be display type
  // (or a caption under a wide photo, which keeps its wrapped lines).
  const spanning = (l: SourceLine) =>
    !shape.lineMode && !opensCaption(l.text) && isDisplayLine(l.text, shape) && visualWidth(l.text) > shape.measure + 2;
  // A `——` line closes a headline stack only when a blank line, a byline or a dateline follows it; inside prose a
  // column line may open with a dash too (`…这家医院` / `——某某医院于…`).
  // So does one under an unpunctuated head line when neither has prose punctuation and an indented
  // paragraph opens right under it (pdftotext printed the stack above its column without a gap).
  const subtitle = (l: SourceLine) => {
    if (!isDashSubtitle(l.text)) return false;
    const i = lines.indexOf(l);
    const [before, after] = [lines[i - 1], lines[i + 1]];
    // So does a dateline (`新华社成都3月5日电`): it opens the first paragraph under the stack.
    if (!after?.text || parseByline(after.text) !== null || opensWithDateline(after.text)) return true;
    const bare = (x: SourceLine | undefined) => !!x?.text && !hasProsePunctuation(x.text);
    return bare(before) && bare(l) && visualWidth(after.text) < shape.measure - INDENT_SLACK;
  };
  const standsAlone = (l: SourceLine) =>
    isRunningHead(l.text) ||
    isEditorCredit(l.text) ||
    isPhotoSlotLabel(l.text) ||
    isSlugLine(l.text) ||
    subtitle(l) ||
    (matchFolio(l.text) !== null && nearPageEdge(lines, l)) ||
    spanning(l);
  const blocks = splitStackLines(
    splitTrailingBylines(
      splitLeadingBylines(
        splitHeadsUnderLabels(
          splitRunInHeads(splitBeforeNumberedHeads(toBlocks(lines, standsAlone), shape), shape),
          shape,
        ),
      ),
      shape,
      report,
    ),
    shape,
  );
  const classified: Classified[] = blocks.map((block) => {
    const kind = classifyBlock(block, shape);
    // A head with the body right under it is never a wrapped caption.
    if (block.runIn && kind.kind === 'display') kind.wrapped = false;
    return { block, kind };
  });
  const items = rethread(
    rejoinBrokenFirstLines(promoteHeads(demoteOpenDisplay(joinBrokenNames(classified), shape), shape), shape, report),
    shape,
    report,
  );
  const prose = buildProseIndex(
    items.filter((c) => c.kind.kind === 'prose').flatMap((c) => c.block.lines),
    shape.quoteEm,
  );
  return new Assembler(shape, prose, report).run(items);
}

/** Folios print at the page's top or foot: only the first 6 or last 3 non-blank lines may be one. */
function nearPageEdge(lines: SourceLine[], l: SourceLine): boolean {
  const text = lines.filter((x) => x.text);
  const i = text.indexOf(l);
  return i < 6 || i >= text.length - 3;
}

/** The rest of a name set apart by pdftotext (display type spaced out): one or two characters. */
const NAME_REST = /^[\u3400-\u9fff]{1,2}$/;

/**
 * A byline in display type spaced out comes out of pdftotext broken inside a name, the name's last
 * character a blank line below (`本报记者 李` … `斌`): a single character is never a name, so the
 * two blocks are one byline when joined they read as one.
 */
function joinBrokenNames(items: Classified[]): Classified[] {
  const out: Classified[] = [];
  for (let i = 0; i < items.length; i++) {
    const [a, b] = [items[i]!, items[i + 1]];
    const head = a.block.lines.at(-1)?.text ?? '';
    const rest = b?.block.lines.length === 1 ? b.block.lines[0]!.text : '';
    const parts = b && stopsInsideName(head) && NAME_REST.test(rest) ? parseBylineLines([head + rest]) : null;
    const lines = a.block.lines;
    // Printed straight under the text, the byline's first line closes the text's block: it follows a closed sentence.
    const under = lines.length === 1 || (a.kind.kind === 'prose' && endsSentence(lines.at(-2)!.text));
    if (!b || !under || !parts?.extra || !parts.authors.length) {
      out.push(a);
      continue;
    }
    if (lines.length > 1) out.push({ block: { ...a.block, lines: lines.slice(0, -1) }, kind: a.kind });
    const first = lines.length === 1 ? a.block : { lines: [], blankBefore: 0, first: false };
    out.push({ block: { ...first, lines: [lines.at(-1)!, ...b.block.lines] }, kind: { kind: 'byline', parts } });
    i++;
  }
  return out;
}
