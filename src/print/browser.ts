/**
 * The one owner of Chromium: launches the browser found by find-browser.ts through puppeteer,
 * forwards page errors / console errors / failed requests with their URL, bounds every wait by one
 * timeout, and closes exactly once (memoised) so no process outlives a command.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { type BrowserChoice, findBrowser } from './find-browser.js';

/** puppeteer's managed browsers, chrome-headless-shell first; paths whether downloaded or not. */
function managedBrowsers(): { path: string; headless: true | 'shell' }[] {
  const out: { path: string; headless: true | 'shell' }[] = [];
  for (const headless of ['shell', true] as const) {
    try {
      out.push({ path: puppeteer.executablePath({ browser: 'chrome', headless }), headless });
    } catch {
      // No cache directory configured: nothing managed to offer.
    }
  }
  return out;
}

/** The browser this machine prints with (see find-browser.ts for the order). */
export function chooseBrowser(): BrowserChoice {
  return findBrowser({ env: process.env, platform: process.platform, exists: existsSync, managed: managedBrowsers });
}

/** A problem the page reported; collected so a build can fail or warn with the URL. */
export interface PageProblem {
  kind: 'pageerror' | 'console' | 'requestfailed';
  message: string;
  url: string;
}

/** A launched browser plus its guaranteed cleanup. */
export interface BrowserSession {
  browser: Browser;
  timeoutMs: number;
  problems: PageProblem[];
  /** A new page; `isolated` puts it in a browser context of its own, so it renders in its own process. */
  newPage(isolated?: boolean): Promise<Page>;
  close(): Promise<void>;
}

const FLAGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-dev-shm-usage', '--font-render-hinting=none'];

/** Launch Chromium; the caller must `close()` in `finally`. */
export async function launchBrowser(timeoutMs: number): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'zhuanban-chromium-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const args = [...FLAGS, ...(isRoot ? ['--no-sandbox'] : [])];
  let browser: Browser;
  try {
    const choice = chooseBrowser();
    browser = await puppeteer.launch({ executablePath: choice.path, headless: choice.headless, args, userDataDir, timeout: timeoutMs, protocolTimeout: timeoutMs, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw explainBrowserError(error, timeoutMs, 'starting Chromium');
  }
  const problems: PageProblem[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await withTimeout(browser.close(), 10000, 'closing Chromium');
      } catch {
        browser.process()?.kill('SIGKILL');
      } finally {
        await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
      }
    })());
  const onExit = () => browser.process()?.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    browser,
    timeoutMs,
    problems,
    async newPage(isolated = false) {
      const page = isolated ? await (await browser.createBrowserContext()).newPage() : await browser.newPage();
      page.setDefaultTimeout(timeoutMs);
      page.setDefaultNavigationTimeout(timeoutMs);
      page.on('pageerror', (error) => problems.push({ kind: 'pageerror', message: String((error as Error).message ?? error), url: page.url() }));
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push({ kind: 'console', message: msg.text(), url: msg.location().url ?? page.url() });
      });
      page.on('requestfailed', (req) => problems.push({ kind: 'requestfailed', message: req.failure()?.errorText ?? 'failed', url: req.url() }));
      return page;
    },
    close: async () => {
      process.removeListener('exit', onExit);
      await close();
    },
  };
}

/** Run `fn` with a browser that is always closed afterwards, even on error. */
export async function withBrowser<T>(timeoutMs: number, fn: (session: BrowserSession) => Promise<T>): Promise<T> {
  const session = await launchBrowser(timeoutMs);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** Bound any promise by a timeout so no wait can hang a build: a hung browser wait is the commonest failure of browser-based print tools. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BrowserFault(`timed out after ${ms} ms while ${what}`)), ms);
    }),
  ]);
}

/** A Chromium fault told in zhuanban's terms (the setting to raise, what was being done), not puppeteer's. */
export class BrowserFault extends Error {
  override name = 'BrowserFault';
}

/** Puppeteer's and the DevTools protocol's ways of saying the browser went away. */
const BROWSER_GONE = /Connection closed|Target closed|Session closed|Browser has disconnected|Failed to launch the browser process|frame was detached|Execution context was destroyed|Protocol error .*(closed|Target)/i;
/** …and of saying a wait ran out (protocolTimeout, navigation and waitFor timeouts, ours). */
const TIMED_OUT = /timed out|protocolTimeout|ms exceeded|Timeout of \d+|Timeout exceeded/i;

/**
 * Reword a browser error raised while `doing` something ("laying out the pages"): a disconnect becomes
 * "Chromium exited unexpectedly while …", a timeout "timed out after timeoutMs = N ms while …" naming the
 * config key that bounds it. Any other error is returned unchanged.
 */
export function explainBrowserError(error: unknown, timeoutMs: number, doing: string): unknown {
  if (!(error instanceof Error) || error instanceof BrowserFault) return error;
  const [first = '', ...rest] = error.message.split('\n');
  if (error.name === 'TimeoutError' || TIMED_OUT.test(first))
    return new BrowserFault(`Chromium timed out after timeoutMs = ${timeoutMs} ms while ${doing} (raise "timeoutMs" in zhuanban.config.json for a very large edition or a slow machine)`, { cause: error });
  if (BROWSER_GONE.test(first)) {
    const said = rest.map((line) => line.trim()).filter((line) => line && !/^(TROUBLESHOOTING|at |https?:)/.test(line)).slice(0, 2).join(' ');
    return new BrowserFault(`Chromium exited unexpectedly while ${doing}${said ? ` (it said: ${said.slice(0, 300)})` : ''}`, { cause: error });
  }
  return error;
}
