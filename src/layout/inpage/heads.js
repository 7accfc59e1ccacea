// In-page make-up: heads (headline, kicker, subheads, banner lines) kept whole between phrases where
// they fit, and where a laid-out head breaks its lines.
(() => {
  /** Heads whose phrases the stylesheet keeps whole (src/render/phrases.ts). */
  const HEADS = '.headline, .subheadline, .kicker, .subhead, .banner p';

  /**
   * A head with a phrase wider than its measure breaks normally: the phrase cannot stay whole anyway,
   * and a forced overflow would run into the next module. `outsideBody`: the heads of the body (its
   * subheads) are left as they are, except in `bodies` (fitted in the same layout).
   */
  function fitPhrases(roots, outsideBody = false, bodies = []) {
    const heads = [
      ...[roots]
        .flat()
        .flatMap((root) => [...root.querySelectorAll(HEADS)])
        .filter((head) => !outsideBody || !head.closest('.body')),
      ...bodies.flatMap((body) => [...body.querySelectorAll(HEADS)]),
    ];
    const withPhrases = heads
      .map((head) => ({ head, phrases: head.querySelectorAll('.phrase') }))
      .filter((h) => h.phrases.length);
    for (const { head } of withPhrases) head.classList.remove('phrase-fallback');
    // Every measure is read before any class changes, so the page lays out once for all heads. A vertical
    // head's measure is its height.
    const fallback = withPhrases.filter(({ head, phrases }) => {
      const upright = isVertical(head);
      const measure = upright ? head.clientHeight : head.clientWidth;
      const extent = (p) => (upright ? p.getBoundingClientRect().height : p.getBoundingClientRect().width);
      return [...phrases].some((p) => extent(p) > measure + 0.5);
    });
    for (const { head } of fallback) head.classList.add('phrase-fallback');
  }

  /** Is `el` set in a vertical writing mode? */
  function isVertical(el) {
    return getComputedStyle(el).writingMode.startsWith('vertical');
  }

  /** Punctuation that ends a phrase; the same rule as the renderer's, read from the text alone. */
  const PHRASE_END = /[，、：；！？。…）」』》”]/u;

  /**
   * Where a laid-out head breaks its lines, checked against its phrases as its text gives them
   * (independent of the phrase spans): a line that starts inside a phrase is a mid-phrase break.
   * Heads the page had to break normally (a phrase wider than the measure) are counted apart.
   */
  function headBreaks(head) {
    // In a vertical head a line runs down and the next one stands to its left: the same test on turned axes.
    const upright = isVertical(head);
    const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const chars = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        chars.push(
          upright
            ? { ch: node.data[i], top: -r.right, height: r.width, width: r.height }
            : { ch: node.data[i], top: r.top, height: r.height, width: r.width },
        );
      }
    let lines = 0;
    let midPhrase = false;
    let lastTop = -Infinity;
    let prev = '';
    let spaced = false;
    // The widest phrase, from its characters' advances: wider than the measure, it must break inside.
    let phrase = 0;
    let widest = 0;
    for (const c of chars) {
      if (/\s/.test(c.ch) || c.height === 0) {
        spaced = spaced || /\s/.test(c.ch);
        phrase = 0;
        continue;
      }
      phrase += c.width;
      widest = Math.max(widest, phrase);
      if (PHRASE_END.test(c.ch)) phrase = 0;
      if (c.top > lastTop + c.height / 2) {
        lines++;
        if (lines > 1 && !spaced && !PHRASE_END.test(prev)) midPhrase = true;
      }
      lastTop = Math.max(lastTop, c.top);
      prev = c.ch;
      spaced = false;
    }
    const measure = upright ? head.clientHeight : head.clientWidth;
    return {
      lines,
      midPhrase,
      fallback: head.classList.contains('phrase-fallback') || widest > measure + 0.5,
    };
  }

  Object.assign(window.zhuanbanMakeup, { HEADS, fitPhrases, isVertical, headBreaks });
})();
