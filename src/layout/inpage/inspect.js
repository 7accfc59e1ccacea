// In-page make-up: the laid-out pages inspected for report.json (fill, overset, widows, orphans,
// unbalanced columns, heads broken inside a phrase), unchanged pages answered from the last inspection.
(() => {
  const { px, rootVar, styleSignature, HEADS, headBreaks, lineBoxes } = window.zhuanbanMakeup;

  function countOverset(body, box) {
    let n = 0;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (/\s/.test(node.data[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.width === 0) n++;
      }
    }
    return n;
  }

  /** What report.json says about one laid-out page. */
  function inspectPage(page, leading, em) {
    const area = px(page.querySelector('.type-area'));
    const typeArea = area.width * area.height;
    let covered = 0;
    let empty = 0;
    let overset = 0;
    let widows = 0;
    let orphans = 0;
    let single = 0;
    let unbalanced = 0;
    let trackedParagraphs = 0;
    const banner = page.querySelector('.banner');
    if (banner) covered += px(banner).width * px(banner).height;
    const modules = [];
    for (const module of page.querySelectorAll('.module')) {
      const m = px(module);
      const h = Math.min(m.bottom, area.bottom) - m.top;
      covered += (m.width + (module.hasAttribute('data-left') ? 0 : rootVar('--gutter'))) * h;
      const body = module.querySelector('.body');
      const box = px(body);
      const sentinel = px(module.querySelector('.end-sentinel'));
      const moduleOverset =
        sentinel.right > box.right + 1 || sentinel.bottom > box.bottom + 1 ? countOverset(body, box) : 0;
      overset += moduleOverset;
      const columns = new Map();
      const breaks = [];
      let pieces = [];
      // The body's own columns: narrower than the grid's beside a vertical head.
      const textCols = parseInt(getComputedStyle(body).columnCount, 10) || 1;
      const colWidth = (box.width - (textCols - 1) * rootVar('--gutter')) / textCols;
      for (const el of body.querySelectorAll(':scope > p, :scope > h3')) {
        const own = lineBoxes(el);
        // A paragraph split at a column break is checked whole: its pieces' lines together.
        pieces.push(...own);
        if (el.classList.contains('split-head')) continue;
        const ls = el.classList.contains('split-rest') ? pieces : own;
        pieces = [];
        // floor, not round: right-aligned and centred lines start mid-column.
        const col = (l) => Math.floor((l.left - box.left + 2) / (colWidth + rootVar('--gutter')));
        for (const l of ls) columns.set(col(l), Math.max(columns.get(col(l)) ?? box.top, l.bottom));
        if (el.tagName !== 'P' || el.classList.contains('byline') || el.classList.contains('jump') || ls.length < 2)
          continue;
        // Each break is located by its paragraph's source line, for file:line in the diagnostics.
        const at = (kind) => breaks.push({ kind, line: Number(el.dataset.line) || Number(module.dataset.line) || 1 });
        if (col(ls[ls.length - 1]) !== col(ls[ls.length - 2])) {
          widows++;
          at('widow');
        }
        if (col(ls[0]) !== col(ls[1])) {
          orphans++;
          at('orphan');
        }
        if (ls[ls.length - 1].right - ls[ls.length - 1].left < em * 1.5) {
          single++;
          at('single-char-line');
        }
      }
      for (let c = 0; c < textCols; c++) {
        const bottom = columns.get(c) ?? box.top;
        empty += Math.max(0, box.bottom - bottom - leading * 0.5) * colWidth;
      }
      // Text columns balance to within one line.
      const bottoms = [...Array(textCols).keys()].map((c) => columns.get(c) ?? box.top);
      if (textCols > 1 && Math.max(...bottoms) - Math.min(...bottoms) > leading * 1.5) unbalanced++;
      // Paragraphs the make-up re-tracked so the columns end level (a split paragraph counts once).
      const tracked = [...body.querySelectorAll('p.tracked:not(.split-rest)')].map((el) => ({
        line: Number(el.dataset.line) || Number(module.dataset.line) || 1,
        spacing: parseFloat(el.style.getPropertyValue('--tracking')),
      }));
      trackedParagraphs += tracked.length;
      modules.push({ id: module.dataset.article, overset: moduleOverset, breaks, tracked });
    }
    let multiLineHeads = 0;
    let midPhraseHeads = 0;
    const midPhraseTexts = [];
    for (const head of page.querySelectorAll(HEADS)) {
      const b = headBreaks(head);
      if (b.lines < 2) continue;
      multiLineHeads++;
      if (b.midPhrase && !b.fallback) {
        midPhraseHeads++;
        midPhraseTexts.push(head.textContent);
      }
    }
    const holes = Math.max(0, typeArea - covered);
    // What the filled part holds: placed photos, and empty photo slots (a filled page need not be a full one).
    const areaOf = (selector) =>
      [...page.querySelectorAll(selector)].reduce((sum, el) => sum + px(el).width * px(el).height, 0);
    return {
      number: Number(page.dataset.page),
      fill: Math.max(0, Math.min(1, 1 - (empty + holes) / typeArea)),
      oversetChars: overset,
      widows,
      orphans,
      singleCharLines: single,
      unbalancedModules: unbalanced,
      trackedParagraphs,
      multiLineHeads,
      midPhraseHeads,
      midPhraseTexts,
      modules,
      photoShare: areaOf('img[data-photo]') / typeArea,
      slotShare: areaOf('.photo-slot') / typeArea,
      slots: page.querySelectorAll('.photo-slot').length,
      slotColumnLines: areaOf('.photo-slot') / (rootVar('--col-w') * leading),
    };
  }

  // A page whose laid-out DOM (placements included) and styles are unchanged inspects the same: a preview
  // edit re-inspects only the pages it changed. Only the current pages' results are kept.
  let inspected = new Map();
  let inspectedStyles = '';

  /** Measure the laid-out pages: what report.json says per page. */
  function inspect() {
    const leading = rootVar('--leading');
    const em = rootVar('--body-size');
    const styles = styleSignature();
    if (styles !== inspectedStyles) {
      inspected.clear();
      inspectedStyles = styles;
    }
    const current = new Map();
    const pages = [];
    for (const page of document.querySelectorAll('.page')) {
      const key = page.outerHTML;
      const result = current.get(key) ?? inspected.get(key) ?? inspectPage(page, leading, em);
      current.set(key, result);
      pages.push(result);
    }
    inspected = current;
    return pages;
  }

  Object.assign(window.zhuanban, { inspect });
})();
