// In-page helpers for the make-up, the first of its scripts (src/layout/measure.ts loads them in order):
// what the others share (reading boxes and style variables, each element's markup as rendered, the
// garbage collection between layouts). Plain browser JS, loaded with page.addScriptTag, so nothing the
// TypeScript toolchain injects can break it.
(() => {
  // What every part of the make-up shares: `window.zhuanbanMakeup` holds the helpers the later scripts
  // take, `window.zhuanban` the calls the make-up makes from node (filled in by the later scripts).
  window.zhuanbanMakeup = {};
  window.zhuanban = {};

  const px = (el) => el.getBoundingClientRect();
  const rootVar = (name) => parseFloat(getComputedStyle(document.documentElement).getPropertyValue(name));

  function setVars(el, vars) {
    for (const [k, v] of Object.entries(vars)) el.style.setProperty(k, String(v));
  }

  // Bumped when a swap reloads the stylesheets: every cache keyed by the styles starts again.
  const state = { styleEpoch: 0 };

  // A swap keeps, as laid out, every page whose markup did not change (a save re-lays out only the pages it
  // touched; restyling and laying out a whole broadsheet edition again is most of a rebuild). For that,
  // each element remembers its markup as rendered, before the make-up touched it, and each module the
  // placement last applied to it.
  const renderedAs = new WeakMap();
  const placedAs = new WeakMap();

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
    return JSON.stringify([state.styleEpoch, links, inline]);
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
   * Chromium started with --expose-gc, the page collects after this many layouts of a module with its body
   * (the heads alone leave little behind); a preview edit lays out too few modules to pay for a collection.
   */
  const COLLECT_EVERY_LAYOUTS = 40;
  let layoutsSinceCollect = 0;

  /**
   * Count `n` module layouts; collect the garbage once enough have piled up (when the browser allows it),
   * unless `collect` is false: the placed pages are live until the next edition is swapped in, and marking
   * them made a collection there cost more than all the others of a build, so the make-up collects what
   * its placing left behind at its next measuring (a build of one batch never does).
   */
  function laidOut(n, collect = true) {
    layoutsSinceCollect += n;
    if (!collect || layoutsSinceCollect < COLLECT_EVERY_LAYOUTS || typeof window.gc !== 'function') return;
    layoutsSinceCollect = 0;
    window.gc();
  }

  Object.assign(window.zhuanbanMakeup, {
    px,
    rootVar,
    setVars,
    state,
    renderedAs,
    placedAs,
    renderedHtml,
    restore,
    styleSignature,
    naturalImageHeight,
    lowestPpi,
    laidOut,
  });
})();
