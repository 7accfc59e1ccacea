/** Numbered subheads printed straight under a paragraph's last line, parted from it. */
import { isDisplayLine, isNumberedHead } from './classify.js';
import type { Block, PageShape } from './page.js';
import { endsSentence } from './text-form.js';

/**
 * A numbered subhead (`二、科技赋能 提升产品`) printed straight under a paragraph's last line, with no
 * blank line between (as `pdftotext -layout` gives a column), opens a block of its own.
 */
export function splitBeforeNumberedHeads(blocks: Block[], shape: PageShape): Block[] {
  return blocks.flatMap((b) => {
    const out: Block[] = [];
    let start = 0;
    b.lines.forEach((l, i) => {
      if (
        i === 0 ||
        !isNumberedHead(l.text) ||
        !isDisplayLine(l.text, shape, false) ||
        !endsSentence(b.lines[i - 1]!.text)
      )
        return;
      out.push({ ...b, lines: b.lines.slice(start, i), ...(start ? { blankBefore: 0, first: false } : {}) });
      start = i;
    });
    if (!start) return [b];
    out.push({ lines: b.lines.slice(start), blankBefore: 0, first: false });
    return out;
  });
}
