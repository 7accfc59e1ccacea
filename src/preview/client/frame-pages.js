// Inside the proof iframe: keep its <head> in step with the build, place the laid-out pages in rows
// (single or spread), scale them, and find and highlight the spot a diagnostic names. Plain browser JS.

/** Bring the frame's head in line with `headHtml` without dropping styles that still apply (no flash). */
export function syncHead(doc, headHtml) {
  const tpl = doc.createElement('template');
  tpl.innerHTML = headHtml.replace(/^\s*<head[^>]*>|<\/head>\s*$/g, '');
  const wanted = [...tpl.content.children];
  const current = [...doc.head.children].filter((el) => !el.hasAttribute('data-zb'));
  const keep = new Set();
  const loads = [];
  for (const el of wanted) {
    const same = current.find((c) => !keep.has(c) && c.outerHTML === el.outerHTML);
    if (same) {
      keep.add(same);
      continue;
    }
    const fresh = doc.importNode(el, true);
    if (fresh.tagName === 'LINK')
      loads.push(
        new Promise((done) => {
          fresh.onload = fresh.onerror = done;
          setTimeout(done, 3000);
        }),
      );
    doc.head.insertBefore(fresh, doc.head.querySelector('[data-zb]'));
  }
  // Old stylesheets go once the new ones have loaded.
  return Promise.all(loads).then(() =>
    current
      .filter((c) => !keep.has(c))
      .forEach((c) => {
        c.remove();
      }),
  );
}

/** Reload print.css (cache-busted) while the re-layout runs. */
export function reloadStyles(doc, cssVersion) {
  for (const link of doc.querySelectorAll('link[href*="styles/print.css"]')) {
    const next = link.cloneNode();
    next.href = link.getAttribute('href').replace(/(\?v=\d+)?$/, `?v=${cssVersion}`);
    next.onload = () => link.remove();
    link.after(next);
  }
}

/** Replace only the pages whose HTML changed; returns the slots in order. */
export function syncPages(doc, pages, shown) {
  const host = doc.getElementById('zb-pages');
  const slots = [];
  pages.forEach((page, i) => {
    let slot = doc.querySelector(`.zb-slot[data-index="${i}"]`);
    if (!slot) {
      slot = doc.createElement('div');
      slot.className = 'zb-slot';
      slot.dataset.index = String(i);
      host.append(slot);
    }
    if (shown[i] !== page.html) {
      slot.innerHTML = page.html;
      shown[i] = page.html;
    }
    slot.dataset.label = `第${page.number}版 · ${page.file}`;
    slots.push(slot);
  });
  for (const extra of doc.querySelectorAll('.zb-slot')) if (Number(extra.dataset.index) >= pages.length) extra.remove();
  shown.length = pages.length;
  return slots;
}

/** Put slots into rows: one page each, or facing pages (even numbers on the left, as in a newspaper). */
export function arrange(doc, slots, pages, mode) {
  const host = doc.getElementById('zb-pages');
  const rows = [];
  if (mode === 'spread') {
    let row = [];
    slots.forEach((slot, i) => {
      if (pages[i].number % 2 === 0 && row.length) {
        rows.push(row);
        row = [];
      }
      row.push(slot);
      if (row.length === 2) {
        rows.push(row);
        row = [];
      }
    });
    if (row.length) rows.push(row);
  } else for (const s of slots) rows.push([s]);
  host.replaceChildren(
    ...rows.map((items, r) => {
      const div = doc.createElement('div');
      div.className = 'zb-row';
      // A lone odd page of a spread sits on the right.
      if (mode === 'spread' && items.length === 1 && pages[slots.indexOf(items[0])].number % 2 === 1) {
        const spacer = doc.createElement('div');
        spacer.className = 'zb-slot zb-spacer';
        div.append(spacer);
      }
      div.append(...items);
      div.dataset.row = String(r);
      return div;
    }),
  );
}

/** The unscaled page size in CSS px. */
export function pageSize(doc) {
  const page = doc.querySelector('.zb-slot > .page');
  return page ? { w: page.offsetWidth, h: page.offsetHeight } : { w: 1474, h: 2060 };
}

/** Apply a zoom: 'width', 'page' or a number. Returns the scale used. */
export function applyScale(frame, zoom, mode) {
  const doc = frame.contentDocument;
  const { w, h } = pageSize(doc);
  const perRow = mode === 'spread' ? 2 : 1;
  const fitW = (frame.clientWidth - 48 - (perRow - 1) * 6) / (perRow * w);
  const fitH = (frame.clientHeight - 64) / h;
  const scale = zoom === 'width' ? fitW : zoom === 'page' ? Math.min(fitW, fitH) : Number(zoom);
  const root = doc.documentElement.style;
  root.setProperty('--zb-scale', String(Math.max(0.05, scale)));
  root.setProperty('--zb-pw', String(w));
  root.setProperty('--zb-ph', String(h));
  return scale;
}

/** The element a diagnostic points at: on the page of its source (and its "page N" if named), the last
 * element whose data-line is at or before the diagnostic's line, the innermost on a tie. */
export function locate(doc, diagnostic) {
  const base = (diagnostic.file || '').split('/').pop();
  let pages = [...doc.querySelectorAll('.zb-slot > .page')].filter((p) => p.dataset.source === base);
  const named = /page (\d+)/.exec(diagnostic.message || '');
  if (named) {
    const exact = pages.filter((p) => p.dataset.page === named[1]);
    if (exact.length) pages = exact;
  }
  let best = null;
  let bestLine = -1;
  for (const page of pages)
    for (const el of page.querySelectorAll('[data-line]')) {
      const line = Number(el.dataset.line);
      if (!(line <= diagnostic.line)) continue;
      if (line > bestLine || (line === bestLine && best && best.contains(el))) {
        best = el;
        bestLine = line;
      }
    }
  return best || pages[0] || null;
}

/** Highlight `el` and scroll it to the middle of the view. */
export function highlight(doc, el) {
  for (const old of doc.querySelectorAll('.zb-hl')) old.classList.remove('zb-hl');
  if (!el) return;
  el.classList.add('zb-hl');
  el.scrollIntoView({ block: 'center', inline: 'center' });
}

/** Each page's blocks as fractions of the page, for the schematic thumbnails. */
export function pageBoxes(doc) {
  return [...doc.querySelectorAll('.zb-slot > .page')].map((page) => {
    const p = page.getBoundingClientRect();
    return [...page.querySelectorAll('.module, .banner')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        x: (r.left - p.left) / p.width,
        y: (r.top - p.top) / p.height,
        w: r.width / p.width,
        h: r.height / p.height,
        banner: el.classList.contains('banner'),
        id: el.dataset.article || '',
      };
    });
  });
}
