// The proof viewer: follows the server's events, fetches each new state, patches the pages in the
// iframe in place (scroll position kept), and drives zoom, views, thumbnails, diagnostics and the PDF.
import {
  applyScale,
  arrange,
  highlight,
  locate,
  pageBoxes,
  pageSize,
  reloadStyles,
  syncHead,
  syncPages,
} from './frame-pages.js';
import { loadMessages, t } from './i18n.js';
import { markCurrent, renderDiagnostics, renderMakeup, renderProblems, renderThumbs } from './panel.js';

await loadMessages();

const $ = (id) => document.getElementById(id);
const frame = $('zb-frame');
const status = $('zb-status');
const view = { mode: localStorage.getItem('zb-mode') || 'single', zoom: localStorage.getItem('zb-zoom') || 'width' };
const shown = [];
let state = null;
let headShown = null;
let arranged = '';
let updateChain = Promise.resolve();
const frameReady = new Promise((done) => {
  if (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.getElementById('zb-pages')) done();
  else frame.addEventListener('load', () => done(), { once: true });
});
/** For tests and the curious: the state shown and when it was applied. */
window.zb = {
  get state() {
    return state;
  },
  applied: 0,
  frame: () => frame.contentDocument,
};

function setStatus(text, kind = '') {
  status.textContent = text;
  status.className = kind;
}

function currentIndex() {
  const doc = frame.contentDocument;
  const mid = frame.clientHeight / 2;
  let best = 0;
  let bestDist = Infinity;
  for (const slot of doc.querySelectorAll('.zb-slot[data-index]')) {
    const r = slot.getBoundingClientRect();
    const d = r.top <= mid && r.bottom >= mid ? 0 : Math.min(Math.abs(r.top - mid), Math.abs(r.bottom - mid));
    if (d < bestDist) {
      bestDist = d;
      best = Number(slot.dataset.index);
    }
  }
  return best;
}

function goToPage(i) {
  frame.contentDocument.querySelector(`.zb-slot[data-index="${i}"]`)?.scrollIntoView({ block: 'start' });
  markCurrent($('zb-thumbs'), i);
}

function layout(keepPage = true) {
  const keep = keepPage && state?.pages.length ? currentIndex() : -1;
  applyScale(frame, view.zoom, view.mode);
  if (keep >= 0) goToPage(keep);
  for (const b of document.querySelectorAll('[data-mode]'))
    b.setAttribute('aria-pressed', String(b.dataset.mode === view.mode));
  $('zb-zoom').value = view.zoom;
}

function renderSide() {
  const { w, h } = pageSize(frame.contentDocument);
  renderThumbs($('zb-thumbs'), state.pages, pageBoxes(frame.contentDocument), w / h, goToPage);
  markCurrent($('zb-thumbs'), currentIndex());
  renderMakeup($('zb-makeup').tBodies[0], state.pages, goToPage);
  renderDiagnostics($('zb-diagnostics'), $('zb-count'), state.diagnostics, $('zb-hide-info').checked, (d) =>
    highlight(frame.contentDocument, locate(frame.contentDocument, d)),
  );
  renderProblems($('zb-problems'), state.problems);
}

function showError(error) {
  $('zb-error').hidden = !error;
  if (!error) return;
  $('zb-error-where').textContent = error.file ? `${error.file}${error.line ? `:${error.line}` : ''}` : '';
  $('zb-error-message').textContent = error.message;
}

async function applyState(next) {
  await frameReady;
  const doc = frame.contentDocument;
  state = next;
  showError(next.error);
  if (next.head && next.head !== headShown) {
    headShown = next.head;
    await syncHead(doc, next.head);
  }
  const slots = syncPages(doc, next.pages, shown);
  const key = `${view.mode}:${next.pages.map((p) => p.number).join(',')}`;
  if (key !== arranged) {
    arranged = key;
    arrange(doc, slots, next.pages, view.mode);
  }
  layout(false);
  renderSide();
  window.zb.applied = next.version;
  document.documentElement.dataset.version = String(next.version);
  if (next.error) setStatus(t('ui.status.failed', { time: new Date().toLocaleTimeString() }), 'failed');
  else if (next.pages.length)
    setStatus(t('ui.status.built', { count: next.pages.length, ms: next.buildMs, reason: next.reason }));
}

function refresh() {
  updateChain = updateChain
    .then(async () => {
      const next = await (await fetch('/__zb/state', { cache: 'no-store' })).json();
      if (!state || next.version !== state.version || next.head !== state.head) await applyState(next);
    })
    .catch((e) => setStatus(t('ui.status.updateFailed', { message: e.message }), 'failed'));
}

const events = new EventSource('/__zb/events');
events.addEventListener('hello', refresh);
events.addEventListener('state', refresh);
events.addEventListener('building', () => setStatus('building…', 'building'));
events.addEventListener('css', (e) =>
  frameReady.then(() => reloadStyles(frame.contentDocument, JSON.parse(e.data).cssVersion)),
);
events.onerror = () => setStatus(t('ui.status.disconnected'), 'failed');

for (const b of document.querySelectorAll('[data-mode]'))
  b.addEventListener('click', () => {
    view.mode = b.dataset.mode;
    localStorage.setItem('zb-mode', view.mode);
    const keep = currentIndex();
    arranged = '';
    if (state) applyState(state).then(() => goToPage(keep));
  });
const setZoom = (z) => {
  view.zoom = String(z);
  localStorage.setItem('zb-zoom', view.zoom);
  layout();
};
$('zb-zoom').addEventListener('change', (e) => setZoom(e.target.value));
const step = (dir) => {
  const now = Number(frame.contentDocument.documentElement.style.getPropertyValue('--zb-scale')) || 0.5;
  setZoom(Math.round(Math.min(3, Math.max(0.1, now * (dir > 0 ? 1.25 : 0.8))) * 100) / 100);
};
$('zb-zoom-in').addEventListener('click', () => step(1));
$('zb-zoom-out').addEventListener('click', () => step(-1));
$('zb-grid').addEventListener('change', (e) =>
  frame.contentDocument.body.classList.toggle('zb-grid', e.target.checked),
);
$('zb-show-panel').addEventListener('change', (e) => {
  $('zb-panel').hidden = !e.target.checked;
  layout();
});
$('zb-hide-info').addEventListener('change', () => state && renderSide());
window.addEventListener('resize', () => layout());
frameReady.then(() => {
  frame.contentDocument.body.classList.toggle('zb-grid', $('zb-grid').checked);
  frame.contentWindow.addEventListener('scroll', () => markCurrent($('zb-thumbs'), currentIndex()), { passive: true });
  frame.contentWindow.addEventListener('keydown', onKey);
});
function onKey(e) {
  if (!state) return;
  if (e.key === '+' || e.key === '=') step(1);
  else if (e.key === '-') step(-1);
  else if (e.key === 'ArrowRight' || e.key === 'PageDown')
    goToPage(Math.min(state.pages.length - 1, currentIndex() + 1));
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') goToPage(Math.max(0, currentIndex() - 1));
  else return;
  e.preventDefault();
}
document.addEventListener('keydown', onKey);

$('zb-pdf').addEventListener('click', async () => {
  const button = $('zb-pdf');
  button.disabled = true;
  setStatus(t('ui.status.writing'), 'building');
  try {
    const res = await fetch('/__zb/pdf', { method: 'POST' });
    const body = await res.json();
    if (!res.ok) throw new Error(body.error || res.statusText);
    setStatus(t('ui.status.wrote', { ms: body.ms }));
    window.open(body.url, '_blank');
  } catch (e) {
    setStatus(t('ui.status.pdfFailed', { message: e.message }), 'failed');
  } finally {
    button.disabled = false;
  }
});
