/**
 * Chromium as a process: started with exactly the command line puppeteer's launcher gives it, but without
 * loading puppeteer, so `build` can start it first thing and load its own modules (puppeteer included)
 * while Chromium starts. browser.ts connects to it. The process runs detached, in a group of its own that a
 * terminal's Ctrl-C does not reach: a signal or an exit kills the group and removes its profile.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { killByCommandLine, killGroup, onShutdown, removeFolderSync } from '../io/shutdown.js';
import type { BrowserChoice } from './find-browser.js';

/** zhuanban's own Chromium flags (puppeteer's defaults come before them). */
export const FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
  // Chromium's headless mode is the whole browser: without these it keeps the address bar's suggestion popups
  // loaded in a renderer of their own (about 30 MB that a build never shows).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI',
  // Lets the make-up collect the layouts it measured and discarded (src/layout/inpage/base.js), so they do not pile up in the renderer.
  '--js-flags=--expose-gc',
];

/**
 * puppeteer's default arguments (ChromeLauncher.defaultArgs of puppeteer-core 24), in its order; the
 * disabled features end with the caller's. tests/print/chromium-process.test.ts holds this list equal to
 * puppeteer's own, so an upgrade that changes them is caught.
 */
const PUPPETEER_DEFAULTS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
];
const PUPPETEER_DISABLED_FEATURES = [
  'Translate',
  'AcceptCHFrame',
  'MediaRouter',
  'OptimizationHints',
  'WebUIReloadButton',
  'ProcessPerSiteUpToMainFrameThreshold',
  'IsolateSandboxedIframes',
];
const PUPPETEER_ENABLED_FEATURES = ['PdfOopif'];

const DISABLE_FEATURES = '--disable-features=';

/** The command line puppeteer's launcher gives Chromium for `flags` (without the debugging port). */
export function chromiumArgs(flags: string[], headless: true | 'shell', userDataDir: string): string[] {
  const own = flags.filter((flag) => !flag.startsWith(DISABLE_FEATURES));
  const disabled = flags
    .filter((flag) => flag.startsWith(DISABLE_FEATURES))
    .map((f) => f.slice(DISABLE_FEATURES.length));
  return [
    ...PUPPETEER_DEFAULTS,
    `${DISABLE_FEATURES}${[...PUPPETEER_DISABLED_FEATURES, ...disabled].join(',')}`,
    `--enable-features=${PUPPETEER_ENABLED_FEATURES.join(',')}`,
    `--user-data-dir=${userDataDir}`,
    headless === 'shell' ? '--headless' : '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    ...(own.every((flag) => flag.startsWith('-')) ? ['about:blank'] : []),
    ...own,
  ];
}

/** The line Chromium writes to stderr once its DevTools endpoint listens. */
const ENDPOINT_LINE = /^DevTools listening on (ws:\/\/.*)$/m;
/** After Chromium exits, how long its last words may take to arrive on stderr. */
const LAST_WORDS_MS = 200;

/** A started Chromium: the endpoint to connect to once it listens, and its guaranteed end. */
export interface ChromiumProcess {
  userDataDir: string;
  /** Resolves to the DevTools WebSocket URL; rejects (puppeteer's words) if Chromium exits before. */
  endpoint: Promise<string>;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  /** Kill the process group at once (it is also killed on a signal or at exit). */
  kill(): void;
  /** Kill if still running, remove the profile and drop the shutdown hooks. */
  dispose(): Promise<void>;
}

/**
 * Remove the folder Chromium keeps its singleton socket in, named by a link in the profile: a Chromium that
 * is killed, not closed, leaves it behind in the temporary folder.
 */
function removeSocketFolder(userDataDir: string): void {
  try {
    const socketDir = dirname(readlinkSync(join(userDataDir, 'SingletonSocket')));
    if (basename(socketDir).startsWith('org.chromium.')) removeFolderSync(socketDir);
  } catch {
    // No socket yet, or gone with a clean close.
  }
}

/** Start Chromium (`choice`) with zhuanban's flags and a fresh profile; the caller connects and disposes. */
export async function startChromium(choice: BrowserChoice): Promise<ChromiumProcess> {
  // Made synchronously: a signal then finds the profile's cleanup registered from the moment the folder exists.
  const userDataDir = mkdtempSync(join(tmpdir(), 'zhuanban-chromium-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const flags = [...FLAGS, ...(isRoot ? ['--no-sandbox'] : [])];
  const args = [...chromiumArgs(flags, choice.headless, userDataDir), '--remote-debugging-port=0'];
  let child: ChildProcess | undefined;
  const kill = () => {
    killGroup(child?.pid);
    killByCommandLine(userDataDir);
  };
  const forget = onShutdown(() => {
    kill();
    removeSocketFolder(userDataDir);
    removeFolderSync(userDataDir);
  });
  // Without zhuanban's signal handlers (a library caller), an exit still ends Chromium.
  process.on('exit', kill);
  child = spawn(choice.path, args, { detached: process.platform !== 'win32', stdio: ['ignore', 'ignore', 'pipe'] });
  let gone = false;
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      gone = true;
      done();
    });
    child.once('error', () => {
      gone = true;
      done();
    });
  });
  const endpoint = new Promise<string>((found, failed) => {
    let said = '';
    let listening = false;
    const fail = () => failed(new Error(`Failed to launch the browser process!\n${said.trim()}`));
    // Read to the end (a pipe nobody reads would block Chromium's logging), kept only until it listens.
    child.stderr!.on('data', (chunk: Buffer) => {
      if (listening) return;
      said += chunk.toString();
      const match = ENDPOINT_LINE.exec(said);
      if (match) {
        listening = true;
        found(match[1]!);
      }
    });
    child.once('error', (error) => failed(error));
    child.once('exit', () => setTimeout(fail, LAST_WORDS_MS).unref());
    child.stderr!.once('end', () => void (gone && fail()));
  });
  endpoint.catch(() => {});
  let disposed: Promise<void> | undefined;
  return {
    userDataDir,
    endpoint,
    exited,
    kill,
    dispose: () =>
      (disposed ??= (async () => {
        if (!gone) {
          kill();
          await exited;
        }
        removeSocketFolder(userDataDir);
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
        process.off('exit', kill);
        forget();
      })()),
  };
}
