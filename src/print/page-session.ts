/**
 * The one Chromium page in which an edition is laid out, measured, adjusted and printed
 * (issue #4: measure in the page that prints, no reload per attempt).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from './browser.js';
import type { SpanMeasure } from '../layout/types.js';
import type { ModulePlan } from '../layout/plan.js';

const INPAGE = fileURLToPath(new URL('./inpage.js', import.meta.url));

/** What the page reports about one laid-out page. */
export interface InspectedPage {
  number: number;
  fill: number;
  oversetChars: number;
  widows: number;
  orphans: number;
  singleCharLines: number;
  /** Modules whose text columns differ by more than one line (issue #4). */
  unbalancedModules: number;
  modules: { id: string; overset: number }[];
}

/** Open an edition HTML file and wait until its fonts are ready, all within the session timeout. */
export async function openEdition(session: BrowserSession, htmlPath: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
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
    const h = document.head.cloneNode(true); h.querySelectorAll('script').forEach((s) => s.remove()); const head = h.outerHTML;
    const pages = [...document.querySelectorAll('.page')].map((p) => p.outerHTML);
    return { head, pages };
  })()`)) as { head: string; pages: string[] };
}
