// The viewer's side panels: schematic page thumbnails (left) and the make-up figures and diagnostics
// with file:line (right). Plain browser JS; text goes in through textContent, never as HTML.

import { t } from './i18n.js';

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const pct = (n) => `${(n * 100).toFixed(1)}%`;

/** Thumbnails: a mini page with its module boxes, the page number and its headlines. */
export function renderThumbs(nav, pages, boxes, ratio, onPick) {
  nav.replaceChildren(
    ...pages.map((page, i) => {
      const mini = el('div', { className: 'zb-mini' });
      mini.style.aspectRatio = String(ratio);
      for (const b of boxes[i] || []) {
        const span = el('span', { className: b.banner ? 'banner' : 'module' });
        Object.assign(span.style, { left: pct(b.x), top: pct(b.y), width: pct(b.w), height: pct(b.h) });
        mini.append(span);
      }
      const label = el(
        'span',
        { className: 'zb-thumb-label' },
        el('b', { textContent: t('ui.pageLabel', { number: page.number }) }),
        ...page.headlines.slice(0, 3).map((h) => el('i', { textContent: h, title: h })),
      );
      const button = el('button', { type: 'button', className: 'zb-thumb', title: page.file }, mini, label);
      button.dataset.index = String(i);
      button.addEventListener('click', () => onPick(i));
      return button;
    }),
  );
}

/** Mark the thumbnail of the page in view, and keep it in sight in the thumbnail strip. */
export function markCurrent(nav, index) {
  for (const b of nav.querySelectorAll('.zb-thumb')) {
    const current = Number(b.dataset.index) === index;
    if (current && !b.classList.contains('current')) b.scrollIntoView({ block: 'nearest' });
    b.classList.toggle('current', current);
  }
}

/** The make-up table: one row per page; figures that miss the bar in red. */
export function renderMakeup(tbody, pages, onPick) {
  tbody.replaceChildren(
    ...pages.map((p, i) => {
      const cell = (text, bad) => el('td', { textContent: text, className: bad ? 'bad' : '' });
      const row = el(
        'tr',
        { title: t('ui.rowTitle', { file: p.file }) },
        cell(String(p.number), false),
        cell(pct(p.fill), p.fill < 0.97),
        cell(String(p.oversetChars), p.oversetChars > 0),
        cell(String(p.widows), p.widows > 0),
        cell(String(p.orphans), p.orphans > 0),
        cell(String(p.singleCharLines), p.singleCharLines > 0),
      );
      row.addEventListener('click', () => onPick(i));
      return row;
    }),
  );
}

const SEVERITY = { error: '✖', warning: '⚠', info: 'ℹ' };

/** The message list; clicking an item highlights its spot on the page. */
export function renderDiagnostics(list, count, diagnostics, hideInfo, onPick) {
  const rank = { error: 0, warning: 1, info: 2 };
  const shown = diagnostics
    .filter((d) => !(hideInfo && d.severity === 'info'))
    .sort(
      (a, b) =>
        (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) ||
        (a.file || '').localeCompare(b.file || '') ||
        a.line - b.line,
    );
  count.textContent = `(${shown.length < diagnostics.length ? t('ui.count.of', { shown: shown.length, total: diagnostics.length }) : shown.length})`;
  list.replaceChildren(
    ...shown.map((d) => {
      const item = el(
        'li',
        { className: d.severity, tabIndex: 0 },
        el('span', { className: 'sev', textContent: SEVERITY[d.severity] || '•' }),
        el('span', { className: 'where', textContent: `${d.file || '(edition)'}:${d.line}:${d.column}` }),
        el('span', { className: 'rule', textContent: d.ruleId }),
        el('span', { className: 'msg', textContent: d.message }),
      );
      const pick = () => {
        for (const s of list.querySelectorAll('.selected')) s.classList.remove('selected');
        item.classList.add('selected');
        onPick(d);
      };
      item.addEventListener('click', pick);
      item.addEventListener('keydown', (e) => e.key === 'Enter' && pick());
      return item;
    }),
  );
}

/** Browser problems of the last build (failed font loads and the like), with their URL. */
export function renderProblems(box, problems) {
  box.replaceChildren(
    ...(problems.length ? [el('h2', { textContent: t('ui.browserProblems') })] : []),
    ...problems.map((p) => el('div', { textContent: `${p.kind}: ${p.message} (${p.url})` })),
  );
}
