// In-page make-up: heads set vertically in a column of their own beside the rest of the module (a house
// style's choice for narrow modules), measured at a span.
(() => {
  const { px, naturalImageHeight, lowestPpi, fitPhrases, bodyFlows } = window.zhuanbanMakeup;

  /** Most lines a vertical head runs down before it wraps into another vertical line. */
  const VERTICAL_HEAD_MAX_LINES = 12;
  /** Narrowest text column (in body ems) left beside a vertical head; narrower, the head stays horizontal. */
  const MIN_VERTICAL_COLUMN_EMS = 8;

  /** Spans up to which the house style sets the head vertically in a column of its own (0: never). */
  function verticalSpans(module) {
    return parseInt(getComputedStyle(module).getPropertyValue('--vertical-head-spans'), 10) || 0;
  }

  /** Set the module's head vertically, `lines` long, beside its body; null sets it back across the top. */
  function setVertical(module, lines) {
    module.classList.toggle('vertical-head', lines !== null);
    if (lines === null) module.style.removeProperty('--vhead-lines');
    else module.style.setProperty('--vhead-lines', String(lines));
  }

  /**
   * The modules `todo` measured at span `k` (already set to it) with their heads set vertically in a
   * column of their own (the style's choice for narrow modules), all at once: each head runs down at most
   * VERTICAL_HEAD_MAX_LINES lines, wrapping between phrases into further vertical lines; the standfirst,
   * figures and body share the rest of the width, and the body's one-column flow is measured at that
   * narrower column. A module whose head would stand taller than the body beside it, or leave too narrow
   * a column, gets none: its head stays across the top. Each module that gets one gains `m.vertical`.
   */
  function measureVertical(todo, k, ctx) {
    const { leading, gutter, lines, em } = ctx;
    const parts = (m) => ({
      stack: m.el.querySelector('.stack'),
      body: m.el.querySelector('.body'),
      lede: m.el.querySelector('.lede'),
    });
    let cands = todo.map((m) => ({ m, ...parts(m) }));
    // Beside a vertical head the body's columns are narrower than the grid's: it is laid out and measured here.
    for (const c of cands) c.m.el.classList.remove('heads-only');
    // The head's natural length, unbroken.
    for (const c of cands) {
      setVertical(c.m.el, VERTICAL_HEAD_MAX_LINES);
      c.stack.style.setProperty('height', 'max-content');
    }
    for (const c of cands) c.head = Math.min(lines(px(c.stack).height), VERTICAL_HEAD_MAX_LINES);
    for (const c of cands) {
      c.stack.removeAttribute('style');
      setVertical(c.m.el, c.head);
    }
    fitPhrases(cands.map((c) => c.m.el));
    for (const c of cands) {
      c.width = px(c.body).width;
      c.column = (c.width - (k - 1) * gutter) / k;
      c.height = lines(px(c.body).height);
    }
    const fits = (c) => c.column >= MIN_VERTICAL_COLUMN_EMS * em && c.head <= c.height;
    for (const c of cands.filter((c) => !fits(c))) {
      setVertical(c.m.el, null);
      if (k > 1) c.m.el.classList.add('heads-only');
    }
    cands = cands.filter(fits);
    // Captions at the narrower figure width: all set, then all read.
    for (const c of cands) {
      const { m } = c;
      c.figWidth = (c.width - (m.perRow - 1) * gutter) / m.perRow;
      for (const fig of m.figs) fig.querySelector('figcaption').style.width = `${c.figWidth}px`;
    }
    for (const c of cands) {
      c.caption = 0;
      for (const fig of c.m.figs) c.caption = Math.max(c.caption, lines(px(fig.querySelector('figcaption')).height));
      c.ledeLines = c.lede ? lines(px(c.lede).height) + 1 : 0;
    }
    for (const c of cands) for (const fig of c.m.figs) fig.querySelector('figcaption').removeAttribute('style');
    // Each body's flow in one column of the width its columns have beside the head.
    for (const c of cands) {
      c.m.el.style.setProperty('--text-cols', '1');
      c.body.style.setProperty('width', `${c.column}px`);
    }
    const flows = bodyFlows(
      cands.map((c) => c.body),
      leading,
      cands.map((c) => lines(px(c.body).height)),
      em,
    );
    cands.forEach((c, i) => {
      const { m } = c;
      c.body.removeAttribute('style');
      m.el.style.setProperty('--text-cols', String(k));
      setVertical(m.el, null);
      if (k > 1) m.el.classList.add('heads-only');
      m.vertical = {
        entry: {
          span: k,
          stack: 0,
          verticalHead: c.head,
          lede: c.ledeLines,
          body: c.height,
          caption: c.caption,
          figureRows: m.figs.length ? Math.ceil(m.figs.length / m.perRow) : 0,
          imageNatural: Math.round(naturalImageHeight(m.figs, c.figWidth) / leading),
          photos: m.figs.length > 0 && [...m.figs].every((f) => f.dataset.aspect),
          photoPpi: lowestPpi(m.figs, c.figWidth),
        },
        flow: flows[i],
      };
    });
    // The heads are back across the top; nothing reads them before the next span fits them again.
  }

  Object.assign(window.zhuanbanMakeup, { verticalSpans, setVertical, measureVertical });
})();
