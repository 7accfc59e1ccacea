// In-page make-up: a newly rendered edition swapped into the page without navigating, keeping its
// loaded fonts and every page whose markup did not change.
(() => {
  const { state, renderedAs } = window.zhuanbanMakeup;

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
    if (reloadStyles) state.styleEpoch++;
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
        copy.setAttribute('href', `${href}${href.includes('?') ? '&' : '?'}swap=${state.styleEpoch}`);
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

  Object.assign(window.zhuanban, { swap });
})();
