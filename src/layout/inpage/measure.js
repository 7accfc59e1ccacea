// In-page make-up: every module measured at every span (heights in lines, the body's one-column flow),
// the copyfitting levers and the bodies the page balances itself, with the measures kept across swaps.
(() => {
  const {
    px,
    rootVar,
    setVars,
    renderedAs,
    placedAs,
    renderedHtml,
    restore,
    styleSignature,
    naturalImageHeight,
    lowestPpi,
    laidOut,
    fitPhrases,
    TRACKING_STEPS_EM,
    bodyFlows,
    verticalSpans,
    measureVertical,
  } = window.zhuanbanMakeup;

  // Measures survive a swap (a save re-measures only what it changed). A module's measure
  // depends on its own markup, the styles and the options, so those are the key; new styles clear it.
  const measured = new Map();
  let measuredStyles = '';

  // Each module's body blocks from its last measure, by DOM id: apply cuts its columns with them.
  const flowBlocks = new Map();

  // The modules being measured between `measure` and `measureSpans` (one measuring of the edition at a time).
  let measuring = null;

  /**
   * Measure every module at spans 1..columns, in two calls. This one measures at one column and returns the
   * bodies' one-column flows of the modules not measured before, by DOM id, for the make-up to say at which
   * spans the page must balance a body itself (`measureSpans`); when every module's measure is known it
   * returns them at once (`measures`). Modules in the measuring state are independent blocks (each as wide
   * as its span says), so every module is set to a span first and all are read after: the page lays out a
   * few times per span, not a few times per module and span.
   */
  function measure(opts) {
    const leading = rootVar('--leading');
    const colW = rootVar('--col-w');
    const gutter = rootVar('--gutter');
    const lines = (h) => Math.ceil(h / leading - 0.02);
    const styles = styleSignature() + JSON.stringify(opts);
    if (styles !== measuredStyles) {
      measured.clear();
      measuredStyles = styles;
    }
    for (const page of document.body.children) renderedHtml(page);
    // A module kept as laid out (a page a swap kept) is measured as rendered, when its measure is not known.
    const modules = [...document.querySelectorAll('.module')]
      .map((el) => (placedAs.has(el) && !measured.has(renderedAs.get(el)) ? restore(el) : el))
      .map((el) => ({ el, key: renderedHtml(el) }));
    const todo = modules.filter((m) => !measured.has(m.key));
    for (const m of todo) {
      m.el.classList.add('measuring');
      m.el.classList.remove('heads-only');
      m.spans = [];
      m.figs = m.el.querySelectorAll('.figure:not(.slot)');
      m.verticalSpans = verticalSpans(m.el);
      m.verticalFlows = {};
      m.blocks = [];
    }
    measuring = { opts, modules, todo, ctx: { leading, gutter, colW, lines, em: rootVar('--body-size') } };
    if (!todo.length) return { measures: finish() };
    measureSpan(1);
    return { flows: Object.fromEntries(todo.map((m) => [m.el.id, m.flow.flow])) };
  }

  /**
   * The rest of the spans measured, 2..columns (see `measure`), with the bodies `bodiesAt` (spans by DOM id)
   * laid out at those spans: where the copy allows no cut that ends the columns within a line (a few short
   * lines between a byline and a long paragraph), the page balances the columns itself, breaking where it
   * must, and only the page knows how tall they stand. Returns every module's measure.
   */
  function measureSpans(bodiesAt) {
    for (const m of measuring.todo) m.bodyAt = new Set(bodiesAt[m.el.id] ?? []);
    for (let k = 2; k <= measuring.opts.columns; k++) measureSpan(k);
    return finish();
  }

  /** The modules being measured, at span `k` (heights in whole lines); at one column, the bodies' flows too. */
  function measureSpan(k) {
    const { opts, todo, ctx } = measuring;
    const { leading, gutter, colW, lines } = ctx;
    const width = k * colW + (k - 1) * gutter;
    // From two columns on the body is left out of the layout: its columns are as wide as the one column
    // measured at k = 1, so its lines break as there, and the make-up works its height out from that flow.
    // Only where the page must balance the columns itself is it laid out at this span.
    const shown = k === 1 ? todo : todo.filter((m) => m.bodyAt.has(k));
    if (k > 1) for (const m of todo) m.el.classList.toggle('heads-only', !m.bodyAt.has(k));
    for (const m of todo)
      setVars(m.el, {
        '--cs': k,
        '--text-cols': k,
        '--hl-size': opts.headlineSizes[m.el.dataset.rank][k],
        '--lede-cols': opts.ledeCols[k],
      });
    // The body's subheads stand in a grid column at every span: fitted at one column, they stay fitted,
    // unless a vertical head's narrower columns refitted them since (fitted again where the body is shown).
    fitPhrases(
      todo.map((m) => m.el),
      k > 1,
      k > 1 ? shown.map((m) => m.el.querySelector('.body')) : [],
    );
    // Captions at the figure width of this span: all set, then all read.
    const caps = [];
    for (const m of todo) {
      const perRow = Math.max(1, Math.min(m.figs.length, Math.floor(k / 2) || 1));
      m.perRow = perRow;
      m.figWidth = (width - (perRow - 1) * gutter) / perRow;
      m.caption = 0;
      for (const fig of m.figs) {
        const cap = fig.querySelector('figcaption');
        cap.style.width = `${m.figWidth}px`;
        caps.push({ m, cap });
      }
    }
    for (const c of caps) c.m.caption = Math.max(c.m.caption, lines(px(c.cap).height));
    for (const c of caps) c.cap.removeAttribute('style');
    // This span's heights are read before the copyfitting levers re-track paragraphs (at one column): the
    // levers put every paragraph back as it was, so the heights are the same, and the page need not be
    // laid out once more in between.
    for (const m of todo) {
      const stack = m.el.querySelector('.stack');
      const lede = m.el.querySelector('.lede');
      const body = m.el.querySelector('.body');
      m.spans.push({
        span: k,
        stack: lines(px(stack).height) + 1,
        lede: lede ? lines(px(lede).height) + 1 : 0,
        body: shown.includes(m) ? lines(px(body).height) : null,
        caption: m.caption,
        figureRows: m.figs.length ? Math.ceil(m.figs.length / m.perRow) : 0,
        imageNatural: Math.round(naturalImageHeight(m.figs, m.figWidth) / leading),
        photos: m.figs.length > 0 && [...m.figs].every((f) => f.dataset.aspect),
        photoPpi: lowestPpi(m.figs, m.figWidth),
      });
    }
    if (k === 1) {
      // Every body's flow at one column, all bodies at once; its re-tracked paragraphs when asked (measureLevers).
      const bodies = todo.map((m) => m.el.querySelector('.body'));
      const totals = bodies.map((body) => lines(px(body).height));
      const flows = bodyFlows(bodies, leading, totals, ctx.em, false);
      todo.forEach((m, i) => {
        m.flow = flows[i];
      });
    }
    // Where the style sets narrow modules' heads vertically, that is measured too; the make-up picks.
    const upright = todo.filter((m) => k <= m.verticalSpans);
    if (upright.length) measureVertical(upright, k, ctx);
    for (const m of upright.filter((m) => m.vertical)) {
      m.spans.push(m.vertical.entry);
      m.verticalFlows[k] = m.vertical.flow.flow;
      m.blocks.push([`${m.el.id}@v${k}`, m.vertical.flow.blocks]);
      m.vertical = null;
    }
    // A module's layout without its body leaves little garbage: only the layouts that set one count.
    laidOut(shown.length + upright.length);
  }

  /** The measured modules put back as rendered and their measures kept; every module's measure, by DOM id. */
  function finish() {
    const { opts, modules, todo } = measuring;
    measuring = null;
    for (const m of todo) {
      // The module stays out of the layout until it is placed: laid out unplaced, it would be laid out for nothing.
      if (opts.columns > 1) m.el.classList.add('heads-only');
      m.el.classList.remove('measuring');
      m.el.removeAttribute('style');
      // The captions' measuring width can leave an empty style attribute: the module is left as rendered, so a
      // module measured here and one whose measure was known serialise alike.
      for (const el of m.el.querySelectorAll('[style=""]')) el.removeAttribute('style');
    }
    // The heads are fitted where apply places them: fitting them here, unplaced, would lay the edition out for nothing.
    for (const m of todo)
      measured.set(m.key, {
        spans: m.spans,
        flow: m.flow.flow,
        verticalFlows: m.verticalFlows,
        blocks: [[m.el.id, m.flow.blocks], ...m.blocks],
      });
    const out = {};
    for (const { el, key } of modules) {
      const hit = measured.get(key);
      out[el.id] = { spans: hit.spans, flow: hit.flow, verticalFlows: hit.verticalFlows, tracked: !!hit.tracked };
      // Block ids are the DOM id (and its vertical variants): the same markup keeps the same id.
      for (const [id, blocks] of hit.blocks) flowBlocks.set(id, blocks);
    }
    return out;
  }

  /**
   * The one-column flows of the modules `ids` with their re-tracked paragraphs (the copyfitting levers a
   * placed module pulls when its columns cannot end level otherwise), all at once; kept with each module's
   * measure. Returns the flows by DOM id.
   */
  function measureLevers(ids) {
    const leading = rootVar('--leading');
    const lines = (h) => Math.ceil(h / leading - 0.02);
    const els = ids.map((id) => document.getElementById(id));
    const hidden = els.map((el) => el.classList.contains('heads-only'));
    for (const el of els) {
      el.classList.add('measuring');
      el.classList.remove('heads-only');
      setVars(el, { '--cs': 1, '--text-cols': 1 });
    }
    const bodies = els.map((el) => el.querySelector('.body'));
    fitPhrases(bodies);
    const flows = bodyFlows(
      bodies,
      leading,
      bodies.map((body) => lines(px(body).height)),
      rootVar('--body-size'),
    );
    const out = {};
    els.forEach((el, i) => {
      out[el.id] = flows[i].flow;
      const hit = measured.get(renderedAs.get(el));
      if (hit) Object.assign(hit, { flow: flows[i].flow, tracked: true });
      el.classList.remove('measuring');
      el.classList.toggle('heads-only', hidden[i]);
      el.removeAttribute('style');
    });
    laidOut(els.length * TRACKING_STEPS_EM.length);
    return out;
  }

  Object.assign(window.zhuanbanMakeup, { flowBlocks });
  Object.assign(window.zhuanban, { measure, measureSpans, measureLevers });
})();
