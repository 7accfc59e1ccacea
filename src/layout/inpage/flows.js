// In-page make-up: a body read as one column's flow of lines (where a column may start, the levers
// that lengthen or shorten it), and the line boxes of laid-out text.
(() => {
  const { px } = window.zhuanbanMakeup;

  /** Start offsets (in the element's text) of each line the element is set in, in reading order across columns. */
  function lineOffsets(el, leading) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const starts = [];
    let offset = 0;
    let lastTop = -Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++, offset++) {
        if (/\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.height === 0) continue;
        if (Math.abs(r.top - lastTop) > leading / 2) {
          starts.push(offset);
          lastTop = r.top;
        }
      }
    }
    return starts;
  }

  /**
   * Letter-spacings (em) at which a paragraph is measured as a copyfitting lever: the make-up may set one
   * paragraph a little tighter or looser so it pulls back or pushes out a line. Tried in this order, the
   * gentlest first in each direction; the bound (±0.02 em) keeps the change invisible at arm's length.
   */
  const TRACKING_STEPS_EM = [-0.01, -0.02, 0.01, 0.02];
  /** A last line narrower than this (in body ems) reads as a one-character line; the inspection's rule too. */
  const SHORT_LAST_LINE_EM = 1.5;

  /**
   * Set `el` at `spacing` em (the stylesheet's `p.tracked`), or back as it was (null); no class or style
   * attribute is left behind, so a measured module's markup (its cache key) is unchanged.
   */
  function setTracking(el, spacing) {
    el.classList.toggle('tracked', spacing !== null);
    if (spacing === null) el.style.removeProperty('--tracking');
    else el.style.setProperty('--tracking', `${spacing}em`);
    for (const name of ['class', 'style']) if (el.getAttribute(name) === '') el.removeAttribute(name);
  }

  /**
   * The paragraphs that re-tracked within the bound end one line shorter or longer, each with the gentlest
   * spacing that does it and a last line that is not a lone character, for every body in `bodies` at
   * once: one layout per spacing for all of them (each paragraph breaks its lines on its own, and each
   * body's lines are counted from its own top as it stands, so bodies above that grew or shrank do not
   * shift them). Each body gets its `levers`, in the order the spacings were tried.
   */
  function trackingLevers(bodies, leading, em) {
    for (const b of bodies) {
      b.levers = [];
      b.found = new Set();
    }
    for (const spacing of TRACKING_STEPS_EM) {
      for (const b of bodies) for (const t of b.texts) setTracking(t.el, spacing);
      for (const b of bodies) {
        const top = px(b.body).top;
        const at = (y) => Math.round((y - top) / leading);
        for (const t of b.texts) {
          const r = px(t.el);
          const delta = at(r.bottom) - at(r.top) - (t.end - t.start);
          if (Math.abs(delta) !== 1 || b.found.has(`${t.start}:${delta}`)) continue;
          const last = lineBoxes(t.el).pop();
          if (!last || last.right - last.left < em * SHORT_LAST_LINE_EM) continue;
          b.found.add(`${t.start}:${delta}`);
          b.levers.push({ kind: 'track', at: t.start, lines: t.end - t.start, delta, spacing });
        }
      }
    }
    for (const b of bodies) for (const t of b.texts) setTracking(t.el, null);
  }

  /**
   * The body set in one grid column, as the column cutter (src/layout/columns.ts) sees it: its lines and
   * where a column may start (not after a paragraph's first line or before its last, not inside or right
   * after a subhead, not before the byline or a jump line); its paragraphs long enough to re-track; and
   * each block's lines, kept to make the cuts.
   */
  function bodyBlocks(body, leading) {
    const top = px(body).top;
    const at = (y) => Math.round((y - top) / leading);
    const blocks = [];
    const breaks = new Set();
    const adjustments = [];
    const texts = [];
    for (const el of body.querySelectorAll(':scope > p, :scope > h3')) {
      const r = px(el);
      const kind = el.matches('h3') ? 'subhead' : el.matches('.byline, .jump') ? 'tail' : 'text';
      const start = at(r.top);
      const end = at(r.bottom);
      const prev = blocks[blocks.length - 1];
      if (prev && kind !== 'tail' && prev.kind !== 'subhead') breaks.add(start);
      // A line of space may open before a subhead or the byline, to make the columns divide.
      if (prev && prev.kind === 'text' && (kind === 'subhead' || kind === 'tail'))
        adjustments.push({ kind: 'space', at: start });
      if (kind === 'text') for (let j = 2; j <= end - start - 2; j++) breaks.add(start + j);
      if (kind === 'text' && end - start >= 2) texts.push({ el, start, end });
      blocks.push({ kind, start, end });
    }
    return { body, blocks, breaks, adjustments, texts };
  }

  /**
   * Each body's one-column flow (see bodyBlocks) with the levers that change its length: a line of space
   * before a subhead or the byline, a re-tracked paragraph (measured only when `tracked`: four layouts of
   * every body, wanted only where a placed module's columns cannot end level otherwise). `totals` are the
   * bodies' heights in lines.
   */
  function bodyFlows(bodies, leading, totals, em, tracked = true) {
    const read = bodies.map((body) => bodyBlocks(body, leading));
    if (tracked) trackingLevers(read, leading, em);
    else for (const b of read) b.levers = [];
    return read.map((b, i) => {
      const inside = (set) => [...set].filter((x) => x > 0 && x < totals[i]).sort((x, y) => x - y);
      return {
        flow: {
          lines: totals[i],
          breaks: inside(b.breaks),
          boundaries: inside(new Set(b.blocks.map((x) => x.start))),
          adjustments: [...b.adjustments, ...b.levers],
        },
        blocks: b.blocks,
      };
    });
  }

  /** Line boxes of an element's text, in reading order. */
  function lineBoxes(el) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
    const merged = [];
    for (const r of rects) {
      const last = merged[merged.length - 1];
      if (last && Math.abs(last.top - r.top) < 2 && r.left >= last.left - 1 && r.left - last.right < 40) {
        last.right = Math.max(last.right, r.right);
        continue;
      }
      merged.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    }
    return merged;
  }

  Object.assign(window.zhuanbanMakeup, { lineOffsets, TRACKING_STEPS_EM, setTracking, bodyFlows, lineBoxes });
})();
