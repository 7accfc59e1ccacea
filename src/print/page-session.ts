/**
 * The one Chromium page in which an edition is laid out, measured, adjusted and printed
 * (measure in the page that prints, no reload per attempt): opening it, swapping a new edition
 * into it, and reading the laid-out document back for the proofs.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { Context } from '../io/context.js';
import type { BrowserSession } from './browser.js';

/**
 * Waits until every face the laid-out text asks for has loaded. Web fonts split by unicode-range load
 * lazily, only once layout asks for a glyph, so force a layout first: a face it needs turns `loading`
 * at once, and only then is there anything to wait for. `document.fonts.ready` waits for a whole
 * rendering frame even when nothing loads (tens of milliseconds on a broadsheet edition), so it is
 * awaited only while a face is loading. A measure taken while a fallback face stands in drifts from the
 * printed page.
 */
export const FONTS_SETTLED = `(async () => {
  for (let round = 0; round < 5; round++) {
    void document.body.offsetHeight;
    if (![...document.fonts].some((f) => f.status === 'loading')) return true;
    await document.fonts.ready;
  }
  return true;
})()`;

/** A page that shows an earlier layout of the same edition file; `reloadStyles` when a stylesheet changed since. */
export interface ReusablePage {
  page: Page;
  reloadStyles: boolean;
}

/**
 * Open an edition HTML file, wait until its fonts are ready and inject `scripts` (read through `ctx`) in
 * order (they define `window.zhuanban.swap`), all within the session timeout. Given a page that already shows an
 * edition from the same file, swap the new document into it instead: its fonts are decoded already
 * (about a second saved per rebuild).
 */
export async function openEdition(
  ctx: Pick<Context, 'readFile'>,
  session: BrowserSession,
  htmlPath: string,
  html: string,
  reuse: ReusablePage | null | undefined,
  scripts: string[],
): Promise<Page> {
  const url = pathToFileURL(htmlPath).href;
  const old = reuse?.page;
  if (
    old &&
    !old.isClosed() &&
    old.url() === url &&
    (await old.evaluate('typeof window.zhuanban?.swap === "function"').catch(() => false))
  ) {
    await old.evaluate(`window.zhuanban.swap(${JSON.stringify(html)}, ${reuse.reloadStyles})`);
    await old.evaluate(FONTS_SETTLED);
    return old;
  }
  if (old && !old.isClosed()) await old.close();
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(FONTS_SETTLED);
  await addScripts(ctx, page, scripts);
  return page;
}

/** A script that failed to load in the page: its file, the line in it and the browser's message. */
interface ScriptFailure {
  index: number;
  line: number;
  message: string;
}

/**
 * Run the script files `paths` in the page, in order, in one round trip (one `addScriptTag` each took a
 * round trip per file); each keeps its file name for the page's debugger and profiles. A script that does
 * not load (a syntax error, or an error while it runs) stops the rest and fails with its file and line: the
 * page would only report it as a page error, and the make-up would then fail far from the cause.
 */
async function addScripts(ctx: Pick<Context, 'readFile'>, page: Page, paths: string[]): Promise<void> {
  const decoder = new TextDecoder();
  const scripts = await Promise.all(
    paths.map(async (path) => `${decoder.decode(await ctx.readFile(path))}\n//# sourceURL=${pathToFileURL(path).href}`),
  );
  const failure = (await page.evaluate(`(() => {
    let failure = null;
    const onError = (event) => { failure ??= { line: event.lineno, message: event.message }; };
    window.addEventListener('error', onError);
    try {
      for (const [index, code] of ${JSON.stringify(scripts)}.entries()) {
        const script = document.createElement('script');
        script.textContent = code;
        document.head.append(script);
        if (failure) return { index, ...failure };
      }
      return null;
    } finally {
      window.removeEventListener('error', onError);
    }
  })()`)) as ScriptFailure | null;
  if (failure) throw new Error(`${paths[failure.index]}:${failure.line}: ${failure.message}`);
}

/** The laid-out document as HTML, for the proofs: the same DOM that prints. */
export async function serialise(page: Page): Promise<{ head: string; pages: string[] }> {
  return (await page.evaluate(`(() => {
    const h = document.head.cloneNode(true); h.querySelectorAll('script').forEach((s) => s.remove());
    // A swapped-in stylesheet carries a cache-busting query (src/layout/inpage/swap.js); the proof links the file itself.
    h.querySelectorAll('link[href*="swap="]').forEach((l) => l.setAttribute('href', l.getAttribute('href').replace(/[?&]swap=\\d+$/, '')));
    const head = h.outerHTML;
    const pages = [...document.querySelectorAll('.page')].map((p) => p.outerHTML);
    return { head, pages };
  })()`)) as { head: string; pages: string[] };
}

/** A photo's slot as laid out: its <img data-photo> box in CSS px and the page it is on. */
export interface PhotoSlot {
  id: string;
  width: number;
  height: number;
  page: number;
}

/** Where every photo landed once the pages are made up (its placed size decides the processing). */
export async function photoSlots(page: Page): Promise<PhotoSlot[]> {
  return (await page.evaluate(`[...document.querySelectorAll('img[data-photo]')].map((img) => {
    const r = img.getBoundingClientRect();
    return { id: img.dataset.photo, width: r.width, height: r.height, page: Number(img.closest('.page')?.dataset.page) || 0 };
  })`)) as PhotoSlot[];
}

/** Give each photo its processed file (hrefs relative to the page) and wait until all are decoded; returns the ids that failed. */
export async function showPhotos(page: Page, hrefs: Record<string, string>): Promise<string[]> {
  return (await page.evaluate(`(async (hrefs) => {
    const failed = [];
    await Promise.all([...document.querySelectorAll('img[data-photo]')].map(async (img) => {
      const href = hrefs[img.dataset.photo];
      if (!href) return;
      img.setAttribute('src', href);
      try { await img.decode(); } catch { failed.push(img.dataset.photo); }
    }));
    return failed;
  })(${JSON.stringify(hrefs)})`)) as string[];
}
