// In-page helpers for the make-up: measure articles at every span, apply the chosen
// placements, and inspect the laid-out page (fill, overset, widows, orphans). Plain browser JS,
// loaded with page.addScriptTag, so nothing the TypeScript toolchain injects can break it.
(() => {
  const px = (el) => el.getBoundingClientRect();
  const rootVar = (name) => parseFloat(getComputedStyle(document.documentElement).getPropertyValue(name));

  function setVars(el, vars) {
    for (const [k, v] of Object.entries(vars)) el.style.setProperty(k, String(v));
  }

  // Measures survive a swap (a save re-measures only what it changed). A module's measure
  // depends on its own markup, the styles and the options, so those are the key; new styles clear it.
  const measured = new Map();
  let measuredStyles = '';

  let styleEpoch = 0;

  // A swap keeps, as laid out, every page whose markup did not change (a save re-lays out only the pages it
  // touched; restyling and laying out a whole broadsheet edition again is most of a rebuild). For that,
  // each element remembers its markup as rendered, before the make-up touched it, and each module the
  // placement last applied to it.
  const renderedAs = new WeakMap();
  const placedAs = new WeakMap();
  // Pages whose heads outside any module (banner lines) have been fitted.
  const fittedPages = new WeakSet();

  /** The element's markup as rendered (recorded the first time it is asked, before the make-up changes it). */
  function renderedHtml(el) {
    if (!renderedAs.has(el)) renderedAs.set(el, el.outerHTML);
    return renderedAs.get(el);
  }

  /** Put a laid-out element back as it was rendered; returns the new element. */
  function restore(el) {
    const html = renderedAs.get(el);
    const template = document.createElement('template');
    template.innerHTML = html;
    const fresh = template.content.firstElementChild;
    el.replaceWith(fresh);
    renderedAs.set(fresh, html);
    return fresh;
  }

  /** What besides its markup can change a module's measure: the linked and inline styles. */
  function styleSignature() {
    const links = [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href'));
    const inline = [...document.querySelectorAll('style')].map((el) => el.textContent);
    return JSON.stringify([styleEpoch, links, inline]);
  }

  /** Height of a row of figures `figWidth` wide: photos at their own aspect (the row's mean), slots at 4:3. */
  function naturalImageHeight(figs, figWidth) {
    const aspects = [...figs].map((f) => Number(f.dataset.aspect) || 4 / 3);
    return aspects.length ? aspects.reduce((sum, a) => sum + figWidth / a, 0) / aspects.length : figWidth * 0.75;
  }

  /** The lowest resolution any photo gets at this figure width (CSS px are 1/96 in); null without photos. */
  function lowestPpi(figs, figWidth) {
    const pixels = [...figs].map((f) => Number(f.dataset.pixels)).filter((n) => n > 0);
    return pixels.length ? Math.round((Math.min(...pixels) * 96) / figWidth) : null;
  }

  /**
   * Module layouts after which the page collects its garbage. Every measuring layout leaves the previous
   * layout's boxes behind, and Chromium frees them only long after a script returns: measuring a batch of
   * ten broadsheet pages left about 200 MB of them in the renderer, held until the browser closed. With
   * Chromium started with --expose-gc, the page collects after this many module layouts (about one per
   * span measured in a build's batch); a preview edit lays out too few modules to pay for a collection.
   */
  const COLLECT_EVERY_LAYOUTS = 40;
  let layoutsSinceCollect = 0;

  /** Count `n` module layouts; collect the garbage once enough have piled up (when the browser allows it). */
  function laidOut(n) {
    layoutsSinceCollect += n;
    if (layoutsSinceCollect < COLLECT_EVERY_LAYOUTS || typeof window.gc !== 'function') return;
    layoutsSinceCollect = 0;
    window.gc();
  }

  /** Heads whose phrases the stylesheet keeps whole (src/render/phrases.ts). */
  const HEADS = '.headline, .subheadline, .kicker, .subhead, .banner p';

  /**
   * A head with a phrase wider than its measure breaks normally: the phrase cannot stay whole anyway,
   * and a forced overflow would run into the next module. `outsideBody`: the heads of the body (its
   * subheads) are left as they are.
   */
  function fitPhrases(roots, outsideBody = false) {
    const heads = [roots]
      .flat()
      .flatMap((root) => [...root.querySelectorAll(HEADS)])
      .filter((head) => !outsideBody || !head.closest('.body'));
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

  // Each module's body blocks from its last measure, by DOM id: apply cuts its columns with them.
  const flowBlocks = new Map();

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

  /**
   * Measure every module at spans 1..columns; returns heights in whole lines and the body's one-column flow.
   * Modules in the measuring state are independent blocks (each as wide as its span says), so every module
   * is set to a span first and all are read after: the page lays out a few times per span, not a few
   * times per module and span.
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
    const ctx = { leading, gutter, lines, em: rootVar('--body-size') };
    for (let k = 1; k <= opts.columns; k++) {
      const width = k * colW + (k - 1) * gutter;
      // From two columns on the body is left out of the layout: its columns are as wide as the one column
      // measured at k = 1, so its lines break as there, and the make-up works its height out from that flow.
      if (k === 2) for (const m of todo) m.el.classList.add('heads-only');
      for (const m of todo)
        setVars(m.el, {
          '--cs': k,
          '--text-cols': k,
          '--hl-size': opts.headlineSizes[m.el.dataset.rank][k],
          '--lede-cols': opts.ledeCols[k],
        });
      // The body's subheads stand in a grid column at every span: fitted at one column, they stay fitted.
      fitPhrases(
        todo.map((m) => m.el),
        k > 1,
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
          body: k === 1 ? lines(px(body).height) : null,
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
      laidOut(todo.length + upright.length);
    }
    for (const m of todo) {
      // The module stays out of the layout until it is placed: laid out unplaced, it would be laid out for nothing.
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

  /**
   * The bodies `asked` ({ id, span }) laid out by the page at their spans, balanced as the page balances
   * them: where the copy allows no cut that ends the columns within a line (a few short lines between a
   * byline and a long paragraph), the page breaks where it must, and only the page knows where. Each
   * module is set to one of its spans per round, all at once; each height is kept with its module's
   * measure. Returns the heights in lines.
   */
  function measureBodies(asked) {
    const leading = rootVar('--leading');
    const lines = (h) => Math.ceil(h / leading - 0.02);
    const byModule = new Map();
    for (const a of asked) byModule.set(a.id, [...(byModule.get(a.id) ?? []), a.span]);
    const els = [...byModule.keys()].map((id) => document.getElementById(id));
    for (const el of els) {
      el.classList.add('measuring');
      el.classList.remove('heads-only');
    }
    const out = [];
    for (let round = 0; ; round++) {
      const now = els.filter((el) => byModule.get(el.id).length > round);
      if (!now.length) break;
      for (const el of now) {
        const k = byModule.get(el.id)[round];
        setVars(el, { '--cs': k, '--text-cols': k });
      }
      // Their subheads as they stand in a grid column (a vertical head's narrower columns may have left them otherwise).
      if (round === 0) fitPhrases(now.map((el) => el.querySelector('.body')));
      for (const el of now) {
        const k = byModule.get(el.id)[round];
        const body = lines(px(el.querySelector('.body')).height);
        out.push({ id: el.id, span: k, body });
        const span = measured.get(renderedAs.get(el))?.spans.find((s) => s.span === k && !s.verticalHead);
        if (span) span.body = body;
      }
      laidOut(now.length);
    }
    for (const el of els) {
      el.classList.remove('measuring');
      el.classList.add('heads-only');
      el.removeAttribute('style');
    }
    return out;
  }

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
    laidOut(placing.size);
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

  /** A stylesheet link that has finished loading (or failed, which the session reports with its URL). */
  const loaded = (link) =>
    new Promise((done) => {
      link.onload = done;
      link.onerror = done;
    });
  const onlyFontFaces = (link) => {
    try {
      return [...link.sheet.cssRules].every((r) => r instanceof CSSFontFaceRule);
    } catch {
      return false;
    }
  };

  /**
   * Replace the document with a newly rendered edition without navigating (a new page
   * decodes every font subset again, about a second for a broadsheet edition). Stylesheets linked
   * with the same URL stay, so loaded font faces stay; with `reloadStyles`, every stylesheet except
   * the @font-face ones is read from disk again (a cache-busting query, stripped from the proofs).
   * When the head is unchanged, a page whose markup is the same as the one at its place stays as laid
   * out (the make-up leaves it as it is when its placements are the same); only the others are replaced.
   */
  async function swap(html, reloadStyles) {
    const next = new DOMParser().parseFromString(html, 'text/html');
    const links = [...document.head.querySelectorAll('link[rel=stylesheet]')];
    const keep = new Map(
      links.filter((l) => !reloadStyles || onlyFontFaces(l)).map((l) => [l.dataset.href ?? l.getAttribute('href'), l]),
    );
    const kept = new Set();
    const pending = [];
    let sameHead = !reloadStyles;
    if (reloadStyles) styleEpoch++;
    for (const el of [...next.head.children]) {
      const href = el.matches('link[rel=stylesheet]') ? el.getAttribute('href') : null;
      const same =
        href !== null
          ? keep.get(href)
          : [...document.head.children].find((c) => !kept.has(c) && c.outerHTML === el.outerHTML);
      if (same) {
        kept.add(same);
        continue;
      }
      sameHead = false;
      const copy = document.importNode(el, true);
      if (href !== null && reloadStyles) {
        copy.dataset.href = href;
        copy.setAttribute('href', `${href}${href.includes('?') ? '&' : '?'}swap=${styleEpoch}`);
      }
      if (href !== null) pending.push(loaded(copy));
      document.head.append(copy);
      kept.add(copy);
    }
    for (const el of [...document.head.children])
      if (!kept.has(el)) {
        // The make-up script's own tag goes without making the head a different one.
        if (el.tagName !== 'SCRIPT') sameHead = false;
        el.remove();
      }
    document.title = next.title;
    if (sameHead && next.body.cloneNode(false).outerHTML === document.body.cloneNode(false).outerHTML)
      swapChangedPages(next.body);
    else document.body.replaceWith(document.importNode(next.body, true));
    // The caller waits for the faces the new text needs (FONTS_SETTLED): awaiting fonts.ready here costs a frame.
    await Promise.all(pending);
    return true;
  }

  /** Replace, in place, the body's elements whose rendered markup differs from `body`'s at the same place. */
  function swapChangedPages(body) {
    const current = [...document.body.children];
    const incoming = [...body.children];
    incoming.forEach((el, i) => {
      const html = el.outerHTML;
      const here = current[i];
      if (here && renderedAs.get(here) === html) return;
      const copy = document.importNode(el, true);
      renderedAs.set(copy, html);
      if (here) here.replaceWith(copy);
      else document.body.append(copy);
    });
    for (const el of current.slice(incoming.length)) el.remove();
  }

  window.zhuanban = { measure, measureBodies, measureLevers, apply, inspect, swap };
})();
