/**
 * The one Chromium page in which an edition is laid out, measured, adjusted and printed
 * (measure in the page that prints, no reload per attempt).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { BrowserSession } from './browser.js';
import type { SpanMeasure } from '../layout/types.js';
import type { ModulePlan } from '../layout/plan.js';

const INPAGE = fileURLToPath(new URL('../layout/inpage.js', import.meta.url));

/** A widow, orphan or one-character last line, at its paragraph's source line. */
export interface LineBreakFault {
  kind: 'widow' | 'orphan' | 'single-char-line';
  line: number;
}

/** What the page reports about one laid-out page. */
export interface InspectedPage {
  number: number;
  fill: number;
  oversetChars: number;
  widows: number;
  orphans: number;
  singleCharLines: number;
  /** Modules whose text columns differ by more than one line. */
  unbalancedModules: number;
  modules: { id: string; overset: number; breaks: LineBreakFault[] }[];
}

/** A page that shows an earlier layout of the same edition file; `reloadStyles` when a stylesheet changed since. */
export interface ReusablePage {
  page: Page;
  reloadStyles: boolean;
}

/**
 * Open an edition HTML file and wait until its fonts are ready, all within the session timeout.
 * Given a page that already shows an edition from the same file, swap the new document into it
 * instead: its fonts are decoded already (about a second saved per rebuild).
 */
export async function openEdition(session: BrowserSession, htmlPath: string, html: string, reuse?: ReusablePage | null): Promise<Page> {
  const url = pathToFileURL(htmlPath).href;
  const old = reuse?.page;
  if (old && !old.isClosed() && old.url() === url && (await old.evaluate('typeof window.zhuanban?.swap === "function"').catch(() => false))) {
    await old.evaluate(`window.zhuanban.swap(${JSON.stringify(html)}, ${reuse.reloadStyles})`);
    return old;
  }
  if (old && !old.isClosed()) await old.close();
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.addScriptTag({ path: INPAGE });
  return page;
}

/** Measure every module at every span. */
export async function measureModules(page: Page, options: unknown): Promise<Record<string, SpanMeasure[]>> {
  return (await page.evaluate(`window.zhuanban.measure(${JSON.stringify(options)})`)) as Record<string, SpanMeasure[]>;
}

/** Place modules, let late font loads settle, then inspect. */
export async function applyAndInspect(page: Page, plans: ModulePlan[]): Promise<InspectedPage[]> {
  await page.evaluate(`window.zhuanban.apply(${JSON.stringify(plans)})`);
  await page.evaluate('document.fonts.ready.then(() => true)');
  return (await page.evaluate('window.zhuanban.inspect()')) as InspectedPage[];
}

/** The laid-out document as HTML, for the proofs: the same DOM that prints. */
export async function serialise(page: Page): Promise<{ head: string; pages: string[] }> {
  return (await page.evaluate(`(() => {
    const h = document.head.cloneNode(true); h.querySelectorAll('script').forEach((s) => s.remove());
    // A swapped-in stylesheet carries a cache-busting query (inpage.js swap); the proof links the file itself.
    h.querySelectorAll('link[href*="swap="]').forEach((l) => l.setAttribute('href', l.getAttribute('href').replace(/[?&]swap=\\d+$/, '')));
    const head = h.outerHTML;
    const pages = [...document.querySelectorAll('.page')].map((p) => p.outerHTML);
    return { head, pages };
  })()`)) as { head: string; pages: string[] };
}
