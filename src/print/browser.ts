/**
 * The one owner of Chromium: launches the browser found by find-browser.ts through puppeteer,
 * forwards page errors / console errors / failed requests with their URL, bounds every wait by one
 * timeout, and closes exactly once (memoised) so no process outlives a command.
 */
import { realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteerCore, { type Browser, type Page } from 'puppeteer-core';
import { type ChromiumProcess, startChromium } from './chromium-process.js';
import { type BrowserChoice, findBrowser, installedBrowser, machineLookup } from './find-browser.js';

/**
 * puppeteer's managed browsers, chrome-headless-shell first; paths whether downloaded or not. Only
 * puppeteer itself knows where it downloads them (its settings file), so it is loaded here, when no
 * browser was named or installed; launching needs only puppeteer-core (half the start-up).
 */
async function managedBrowsers(): Promise<{ path: string; headless: true | 'shell' }[]> {
  const { default: puppeteer } = await import('puppeteer');
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
export async function chooseBrowser(): Promise<BrowserChoice> {
  const installed = installedBrowser();
  if (installed) return installed;
  const managed = await managedBrowsers();
  return findBrowser(machineLookup(() => managed));
}

/** A problem the page reported; collected so a build can fail or warn with the URL. */
export interface PageProblem {
  /** `blocked`: a request the page made outside the build's own files (the network, or files elsewhere), refused. */
  kind: 'pageerror' | 'console' | 'requestfailed' | 'blocked';
  message: string;
  url: string;
}

/** A launched browser plus its guaranteed cleanup. */
export interface BrowserSession {
  browser: Browser;
  timeoutMs: number;
  problems: PageProblem[];
  /**
   * Let pages read files below `dir`. Pages never reach the network; once any folder is allowed they
   * read files only below the allowed folders (symlinks followed), and every other request is refused.
   */
  allow(dir: string): void;
  /** Every file URL a page of this session fetched (intercepted pages only). */
  fetched: Set<string>;
  /** A new page (each page renders in a process of its own, so two pages make up on two cores). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** URL schemes that never leave the page: inline data, blobs it made, about:blank. */
const LOCAL_SCHEMES = /^(?:data|blob|about):/i;

/** The real path of a file, or of its nearest existing parent plus the rest (a missing file is checked by its folder). */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = resolve(path, '..');
    return parent === path ? path : join(realPathOf(parent), path.slice(parent.length + 1));
  }
}

/** Whether a page may load `url`: local schemes always, files only below `roots` (any file when none was given). */
export function requestAllowed(url: string, roots: Set<string>): boolean {
  if (LOCAL_SCHEMES.test(url)) return true;
  if (!url.startsWith('file:')) return false;
  if (!roots.size) return true;
  let path: string;
  try {
    path = realPathOf(fileURLToPath(url.split(/[?#]/)[0]!));
  } catch {
    return false;
  }
  return [...roots].some((root) => path === root || path.startsWith(root + sep));
}

/** How long a normal close may take before the process group is killed. */
const CLOSE_TIMEOUT_MS = 10000;

/** How a browser is used: `intercept: false` only for one that views a served page (the preview's tests), never for a build. */
export interface LaunchOptions {
  intercept?: boolean;
  /** A Chromium already started (startChromium): connected to and owned from here, closed with the session. */
  started?: Promise<ChromiumProcess>;
}

/** Why Chromium did not come up in time, in puppeteer's words (explainBrowserError rewords them). */
function launchTimeout(ms: number): Error {
  return Object.assign(new Error(`Timed out after ${ms} ms while waiting for the WS endpoint URL to appear`), {
    name: 'TimeoutError',
  });
}

/** Connect puppeteer to a started Chromium and wait for its first tab, within `timeoutMs`. */
async function connect(chromium: ChromiumProcess, timeoutMs: number): Promise<Browser> {
  let timer: NodeJS.Timeout | undefined;
  const endpoint = await Promise.race([
    chromium.endpoint,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(launchTimeout(timeoutMs)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  const browser = await puppeteerCore.connect({ browserWSEndpoint: endpoint, protocolTimeout: timeoutMs });
  await browser.waitForTarget((target) => target.type() === 'page', { timeout: timeoutMs });
  return browser;
}

/** Launch Chromium (or take the one `options.started` started); the caller must `close()` in `finally`. */
export async function launchBrowser(timeoutMs: number, options: LaunchOptions = {}): Promise<BrowserSession> {
  const starting = 'starting Chromium';
  const chromium = await (options.started ?? chooseBrowser().then(startChromium)).catch((error: unknown) => {
    throw explainBrowserError(error, timeoutMs, starting);
  });
  let launched: Browser;
  try {
    launched = await connect(chromium, timeoutMs);
  } catch (error) {
    await chromium.dispose();
    throw explainBrowserError(error, timeoutMs, starting);
  }
  const problems: PageProblem[] = [];
  const roots = new Set<string>();
  const fetched = new Set<string>();
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        // Browser.close, then the process's exit: no Chromium outlives the session.
        await withTimeout(
          launched.close().then(() => chromium.exited),
          CLOSE_TIMEOUT_MS,
          'closing Chromium',
        );
      } catch {
        chromium.kill();
      } finally {
        await chromium.dispose();
      }
    })());
  /** Bound every wait of `page` by the timeout, collect its problems and, for a build, keep it to its own files. */
  const setUp = async (page: Page): Promise<Page> => {
    page.setDefaultTimeout(timeoutMs);
    page.setDefaultNavigationTimeout(timeoutMs);
    page.on('pageerror', (error) =>
      problems.push({ kind: 'pageerror', message: String((error as Error).message ?? error), url: page.url() }),
    );
    page.on('console', (msg) => {
      if (msg.type() === 'error')
        problems.push({ kind: 'console', message: msg.text(), url: msg.location().url ?? page.url() });
    });
    // URLs refused (their requests' failure is the refusal, already reported; the verdict goes by URL).
    const refused = new Set<string>();
    if (options.intercept !== false) await interceptRequests(page, roots, fetched, problems, refused);
    page.on('requestfailed', (req) => {
      if (!refused.has(req.url()))
        problems.push({ kind: 'requestfailed', message: req.failure()?.errorText ?? 'failed', url: req.url() });
    });
    return page;
  };
  // The first page is opened and set up at once, while the caller still prepares what it will show: the
  // blank tab Chromium starts with, when there is one.
  let spare: Promise<Page> | undefined = launched
    .pages()
    .then((pages) => pages[0] ?? launched.newPage())
    .then(setUp);
  spare.catch(() => {});
  return {
    browser: launched,
    timeoutMs,
    problems,
    newPage() {
      const first = spare;
      spare = undefined;
      return first ?? launched.newPage().then(setUp);
    },
    fetched,
    allow(dir: string) {
      roots.add(realPathOf(resolve(dir)));
    },
    close,
  };
}

/**
 * Pause every request of `page` and let it go on only to files below `roots` (recording it in `fetched`),
 * refusing anything else. Through the DevTools protocol's Fetch domain directly, in a session of its own:
 * puppeteer's request interception does the same with several turns of its event loop per request (an
 * edition loads some 130 font slices, each waiting for its answer) and turns Chromium's cache off.
 */
async function interceptRequests(
  page: Page,
  roots: Set<string>,
  fetched: Set<string>,
  problems: PageProblem[],
  refused: Set<string>,
): Promise<void> {
  const cdp = await page.createCDPSession();
  cdp.on('Fetch.requestPaused', ({ requestId, request: { url } }) => {
    if (requestAllowed(url, roots)) {
      if (url.startsWith('file:')) fetched.add(url.split(/[?#]/)[0]!);
      cdp.send('Fetch.continueRequest', { requestId }).catch(() => {});
      return;
    }
    refused.add(url);
    problems.push({ kind: 'blocked', message: 'refused: a build reads only its own files and never the network', url });
    cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => {});
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
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
const BROWSER_GONE =
  /Connection closed|Target closed|Session closed|Browser has disconnected|Failed to launch the browser process|frame was detached|Execution context was destroyed|Protocol error .*(closed|Target)/i;
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
    return new BrowserFault(
      `Chromium timed out after timeoutMs = ${timeoutMs} ms while ${doing} (raise "timeoutMs" in zhuanban.config.json for a very large edition or a slow machine)`,
      { cause: error },
    );
  if (BROWSER_GONE.test(first)) {
    const said = rest
      .map((line) => line.trim())
      .filter((line) => line && !/^(TROUBLESHOOTING|at |https?:)/.test(line))
      .slice(0, 2)
      .join(' ');
    return new BrowserFault(
      `Chromium exited unexpectedly while ${doing}${said ? ` (it said: ${said.slice(0, 300)})` : ''}`,
      { cause: error },
    );
  }
  return error;
}
