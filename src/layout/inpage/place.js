// In-page make-up: the chosen placements applied, each module on its rectangle, its body cut into the
// level columns the make-up chose.
(() => {
  const {
    rootVar,
    setVars,
    placedAs,
    restore,
    laidOut,
    fitPhrases,
    lineOffsets,
    setTracking,
    flowBlocks,
    setVertical,
  } = window.zhuanbanMakeup;

  // Pages whose heads outside any module (banner lines) have been fitted.
  const fittedPages = new WeakSet();

  /**
   * Put every module on its rectangle and size its parts. Writes, then reads, then writes: every module
   * is placed and its flow adjusted, the page is laid out once to read where the columns and heads
   * break, then the cuts are made (reading after each module's cut would lay the whole edition out again per module). A module
   * already laid out with the same placement (on a page a swap kept) is left as it is.
   */
  function apply(plan) {
    const placing = new Set();
    for (const p of plan) {
      let module = document.getElementById(p.domId);
      const key = JSON.stringify(p);
      if (placedAs.get(module) === key) continue;
      if (placedAs.has(module)) module = restore(module);
      place(module, p);
      placedAs.set(module, key);
      placing.add(module);
    }
    const leading = rootVar('--leading');
    const adjusted = plan
      .filter((p) => p.columnStarts?.length && placing.has(document.getElementById(p.domId)))
      .map((p) => {
        // Beside a vertical head the body was measured in its own narrower columns.
        const blocks = flowBlocks.get(p.verticalHead ? `${p.domId}@v${p.span}` : p.domId);
        return adjustFlow(document.getElementById(p.domId), blocks, p.columnStarts, p.adjust ?? []);
      });
    const cuts = adjusted.filter(Boolean).map((flow) => planCuts(flow, leading));
    for (const cut of cuts) cutColumns(cut);
    // The heads of what was placed now, and of pages not laid out before (their banner lines).
    const pages = [...document.querySelectorAll('.page')];
    const fresh = pages.filter((page) => !fittedPages.has(page));
    fitPhrases([...fresh, ...[...placing].filter((module) => !fresh.includes(module.closest('.page')))]);
    for (const page of pages) fittedPages.add(page);
    laidOut(placing.size, false);
    return true;
  }

  /** Set one module's placement on the grid (writes only). */
  function place(module, p) {
    module.classList.remove('unplaced', 'heads-only');
    setVars(module, {
      '--c0': p.column,
      '--cs': p.span,
      '--l0': p.line,
      '--ls': p.lines,
      '--stack-lines': p.stack,
      '--lede-lines': p.lede,
      '--lede-cols': p.ledeCols,
      '--fig-lines': p.figureLines,
      '--text-cols': p.span,
      '--hl-size': p.headlineSize,
    });
    setVertical(module, p.verticalHead ?? null);
    const figures = module.querySelectorAll('.figure').length;
    module.style.setProperty('--fig-per-row', String(Math.max(1, Math.min(figures, Math.floor(p.span / 2) || 1))));
    module.toggleAttribute('data-bottom', p.atBottom);
    module.toggleAttribute('data-left', p.atLeft);
    if (p.addedSlot && !module.querySelector('.figures')) {
      const figures = document.createElement('div');
      figures.className = 'figures';
      figures.innerHTML =
        '<figure class="figure placeholder slot"><div class="photo-slot"><span>图片位</span></div></figure>';
      module.querySelector('.body').before(figures);
    }
  }

  /** Split a paragraph at a text offset: the rest goes on in a new paragraph element after it. */
  function splitAt(el, offset) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (offset < seen + node.data.length) {
        const range = document.createRange();
        range.setStart(node, offset - seen);
        range.setEnd(el, el.childNodes.length);
        const rest = el.cloneNode(false);
        rest.classList.remove('column-start');
        rest.append(range.extractContents());
        el.after(rest);
        el.classList.add('split-head');
        rest.classList.add('split-rest');
        return rest;
      }
      seen += node.data.length;
    }
    return null;
  }

  /**
   * The first step of cutting a module's body into the columns the make-up chose (writes only): a line
   * of space where it opened one, a paragraph re-tracked where it pulled back or pushed out a line, so
   * the lines divide. Returns each block's lines in the adjusted flow, or null when the body is not the
   * one measured.
   */
  function adjustFlow(module, blocks, starts, adjust) {
    const body = module.querySelector('.body');
    const els = [...body.querySelectorAll(':scope > p, :scope > h3')];
    if (!blocks || blocks.length !== els.length) return null;
    const at = (a) => blocks.findIndex((b) => b.start === a.at);
    const spaced = new Set(adjust.filter((a) => a.kind === 'space').map(at));
    const tracked = new Map(adjust.filter((a) => a.kind === 'track').map((a) => [at(a), a]));
    let shift = 0;
    const placed = blocks.map((b, i) => {
      if (spaced.has(i)) {
        els[i].classList.add('space-before');
        shift++;
      }
      const start = b.start + shift;
      const track = tracked.get(i);
      if (track) {
        setTracking(els[i], track.spacing);
        shift += track.delta;
      }
      return { start, end: b.end + shift };
    });
    return { body, els, placed, starts };
  }

  /**
   * Where the columns start in an adjusted flow (reads only): the paragraphs that open a column and the
   * text offsets where a column starts inside a paragraph. Line starts are read before any cut: a
   * paragraph breaks its lines the same in every column of the grid. `levelled` is false when a start
   * cannot be found; the paragraphs found up to there still open their columns.
   */
  function planCuts({ body, els, placed, starts }, leading) {
    const cut = { body, opens: [], splits: [], levelled: false };
    const offsets = new Map();
    for (const line of starts) {
      const i = placed.findIndex((b) => line >= b.start && line < b.end);
      if (i < 0) return cut;
      if (line === placed[i].start) {
        cut.opens.push(els[i]);
        continue;
      }
      if (!offsets.has(els[i])) offsets.set(els[i], lineOffsets(els[i], leading));
      const offset = offsets.get(els[i])[line - placed[i].start];
      if (offset === undefined) return cut;
      cut.splits.push({ el: els[i], offset });
    }
    cut.levelled = true;
    return cut;
  }

  /**
   * Cut a module's body as `planCuts` read it (writes only): a forced column break where each column
   * starts, splitting a paragraph at the line where a column starts inside it. The pieces of a paragraph
   * keep its justification (the head piece's last line is a full line), its tracking and its source line.
   */
  function cutColumns(cut) {
    for (const el of cut.opens) el.classList.add('column-start');
    if (!cut.levelled) return;
    // From the last cut back, so the offsets of earlier cuts in the same paragraph stay valid.
    for (const { el, offset } of [...cut.splits].reverse()) splitAt(el, offset)?.classList.add('column-start');
    cut.body.classList.add('levelled');
  }

  Object.assign(window.zhuanban, { apply });
})();
